public import BosdynAPI
import BosdynCore

/// Adds, changes and removes directory entries for services running off the robot (on a
/// payload or another computer), so the robot routes calls to them.
public struct DirectoryRegistrationClient: Sendable {
  /// The directory name of the directory registration service.
  public static let serviceName = "directory-registration"
  private let rpc: RobotRPC

  /// Creates a client reaching the directory registration service at `authority`.
  public init(connection: RobotConnection, authority: String = RobotAuthority.api) {
    self.rpc = RobotRPC(connection: connection, authority: authority)
  }

  /// Adds an entry routing `entry.authority` + `entry.type` to `host:port`.
  ///
  /// - Parameters:
  ///   - entry: The service's name, type and authority.
  ///   - host: The address the robot forwards the service's calls to.
  ///   - port: The port the robot forwards the service's calls to.
  ///   - timeout: The deadline, or the connection's default.
  /// - Throws: ``/BosdynCore/ClientError`` with code `alreadyExists` when an entry of that
  ///   name (or authority and type) exists.
  public func register(
    _ entry: Bosdyn_Api_ServiceEntry,
    host: String,
    port: Int,
    timeout: Duration? = nil
  ) async throws {
    let method = Bosdyn_Api_DirectoryRegistrationService.Method.RegisterService.descriptor
    let request: Bosdyn_Api_RegisterServiceRequest = Self.request(entry, host: host, port: port)
    let response = try await self.rpc.call(
      Bosdyn_Api_DirectoryRegistrationService.Method.RegisterService.self,
      request,
      timeout: timeout
    )
    try Self.check(
      response.status.answer,
      name: entry.name,
      call: "register",
      robotSays: response.header.error.message,
      method
    )
  }

  /// Replaces the entry with `entry.name`; also counts as a liveness heartbeat.
  ///
  /// - Throws: ``/BosdynCore/ClientError`` with code `nonexistentService` when no entry of
  ///   that name exists.
  public func update(
    _ entry: Bosdyn_Api_ServiceEntry,
    host: String,
    port: Int,
    timeout: Duration? = nil
  ) async throws {
    let method = Bosdyn_Api_DirectoryRegistrationService.Method.UpdateService.descriptor
    let request: Bosdyn_Api_UpdateServiceRequest = Self.request(entry, host: host, port: port)
    let response = try await self.rpc.call(
      Bosdyn_Api_DirectoryRegistrationService.Method.UpdateService.self,
      request,
      timeout: timeout
    )
    try Self.check(
      response.status.answer,
      name: entry.name,
      call: "update",
      robotSays: response.header.error.message,
      method
    )
  }

  /// Removes the entry named `name`.
  ///
  /// - Throws: ``/BosdynCore/ClientError`` with code `nonexistentService` when there is none.
  public func unregister(name: String, timeout: Duration? = nil) async throws {
    let method = Bosdyn_Api_DirectoryRegistrationService.Method.UnregisterService.descriptor
    var request = Bosdyn_Api_UnregisterServiceRequest()
    request.serviceName = name
    let response = try await self.rpc.call(
      Bosdyn_Api_DirectoryRegistrationService.Method.UnregisterService.self,
      request,
      timeout: timeout
    )
    try Self.check(
      response.status.answer,
      name: name,
      call: "unregister",
      robotSays: response.header.error.message,
      method
    )
  }
}
