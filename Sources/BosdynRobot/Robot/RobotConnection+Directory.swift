import BosdynAPI
import BosdynCore
public import BosdynClient
public import GRPCNIOTransportHTTP2

extension RobotConnection {
  /// The `:authority` a service is reached under, looked up in the directory once and then
  /// cached (Python's `Robot.authorities_by_name`).
  ///
  /// - Throws: ``/BosdynCore/ClientError`` with code `nonexistentService` when the directory
  ///   has no such service.
  public func authority(forService name: String) async throws -> String {
    if let cached = self.cachedAuthority(forService: name) { return cached }
    let entry = try await DirectoryClient(connection: self).entry(named: name)
    self.cacheAuthority(entry.authority, forService: name)
    return entry.authority
  }

  /// A client for a remote mission service registered in the robot's directory, reached
  /// through the robot's proxy.
  ///
  /// - Parameters:
  ///   - serviceName: The directory name, such as `hello-world-callback`.
  ///   - timeout: The deadline of each call.
  public func remoteMissionClient(
    serviceName: String,
    timeout: Duration? = .seconds(10)
  ) async throws -> RemoteMissionClient<HTTP2ClientTransport.Posix> {
    let authority = try await self.authority(forService: serviceName)
    return RemoteMissionClient(
      wrapping: try self.grpcClient(authority: authority),
      clientName: self.configuration.clientName,
      timeout: timeout
    )
  }
}
