import BosdynAPI
import BosdynCore
import GRPCCore

/// Asks, through the robot, whether the service behind a directory entry still answers, so a
/// keep-alive can tell a crashed predecessor (take its entry over) from a second instance that
/// is still running (refuse: two live services flipping one entry back and forth would make
/// the robot route to each in turn).
///
/// The probe calls ``RegistrationLivenessProbe/method`` on the entry's authority and type: a
/// running service answers `UNIMPLEMENTED`, or, when it is a server of this SDK, its instance
/// id; a dead one leaves the robot's proxy unable to connect (`UNAVAILABLE`, "Failed to connect
/// to remote host", or a 502) or to get an answer in time.
struct RegisteredServiceProbe: Sendable {
  /// What the probe found.
  enum Verdict: Sendable, Equatable {
    /// Something answered at the entry's authority: a server of this SDK with its instance
    /// id, any other service with `nil`.
    case answering(serverInstanceID: String?)
    /// Nothing answered: the robot could not reach the registered host and port.
    case unreachable
  }

  let connection: RobotConnection
  let timeout: Duration

  /// Probes the service behind `entry`.
  func check(_ entry: Bosdyn_Api_ServiceEntry) async -> Verdict {
    let descriptor = MethodDescriptor(
      fullyQualifiedService: entry.type,
      method: RegistrationLivenessProbe.method
    )
    var options = CallOptions.defaults
    options.timeout = self.timeout
    do {
      let client = try self.connection.grpcClient(authority: entry.authority)
      let answer = try await client.unary(
        request: ClientRequest(message: RegistrationLivenessProbe.EmptyMessage()),
        descriptor: descriptor,
        serializer: RegistrationLivenessProbe.EmptyMessageCoder(),
        deserializer: RegistrationLivenessProbe.EmptyMessageCoder(),
        options: options
      ) { response in response.accepted.map(\.metadata) }
      let metadata = try answer.get()
      let instance = metadata[stringValues: RegistrationLivenessProbe.serverInstanceMetadataKey]
        .first(where: { _ in true })
      return .answering(serverInstanceID: instance)
    } catch let error as RPCError {
      switch error.code {
      case .unavailable, .deadlineExceeded: return .unreachable
      default: return .answering(serverInstanceID: nil)
      }
    } catch {
      return .unreachable
    }
  }
}
