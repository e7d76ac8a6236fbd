public import BosdynMission
public import BosdynRobot
public import Logging

/// Runs a mission service in robot mode until SIGINT/SIGTERM: the robot connection first, then
/// the server, then, once the server listens, a log-in and a directory keep-alive registering
/// `name` at `authority` with the server's port; printing the document's two lines.
///
/// The shutdown runs in reverse: the keep-alive unregisters while the server still answers,
/// and the connection outlives both.
///
/// - Parameters:
///   - server: The mission service.
///   - connection: The robot connection, not yet logged in.
///   - credentials: Who to log in as (retried while the robot is unreachable).
///   - name: The directory name, e.g. `hello-world-callback`.
///   - authority: The service's own authority (a bare label is `<label>.spot.robot`).
///   - hostIP: The address the robot reaches this computer at.
///   - logger: Receives the registration and shutdown lines.
public func runRegistered(
  _ server: RemoteMissionServer,
  connection: RobotConnection,
  credentials: RobotCredentials,
  name: String,
  authority: String,
  hostIP: String,
  logger: Logger
) async throws {
  let registration = StartsAfterListening(server: server) { port in
    try await connection.logIn(credentials)
    return DirectoryRegistrationKeepAlive(
      connection: connection,
      registration: .init(
        name: name,
        authority: authority,
        host: hostIP,
        port: port,
        serverInstanceID: server.instanceID
      ),
      logger: logger
    )
  }
  try await runUntilSignalled(
    server,
    before: [connection],
    after: [registration],
    logger: logger
  ) { port in
    print("\(name) service running on port \(port).")
    print("Ctrl + C to shutdown.")
  }
}
