public import BosdynClient
public import BosdynMission
public import GRPCNIOTransportHTTP2
public import Logging

/// Hosts `servicer` on a free loopback port for the duration of `body`, with a client
/// connected to it: real gRPC over HTTP/2, so tests of a callback see exactly what the robot's
/// mission service would.
///
/// ```swift
/// @Test func greets() async throws {
///   try await withRemoteMissionTestServer(servicer: try HelloWorldServicer()) { client, _ in
///     let response = try await client.tick(sessionID: "")
///     #expect(response.status == .success)
///   }
/// }
/// ```
///
/// - Parameters:
///   - servicer: The servicer under test.
///   - host: The loopback address to bind, `127.0.0.1` or `::1`.
///   - logger: Where the server logs.
///   - body: Called with a connected client and the bound port; the server shuts down
///     gracefully when it returns.
public func withRemoteMissionTestServer<Result: Sendable>(
  servicer: some RemoteMissionServicer,
  host: String = "127.0.0.1",
  logger: Logger = Logger(label: "test-server"),
  _ body: (RemoteMissionClient<HTTP2ClientTransport.Posix>, Int) async throws -> Result
) async throws -> Result {
  let server = RemoteMissionServer(
    servicer: servicer,
    configuration: .init(host: host, port: 0),
    logger: logger
  )
  return try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { try await server.serve() }
    defer { server.beginGracefulShutdown() }
    let port = try await server.listeningPort()
    return try await RemoteMissionClient.withDirectConnection(
      host: host,
      port: port,
      clientName: "test-client"
    ) { client in
      try await body(client, port)
    }
  }
}
