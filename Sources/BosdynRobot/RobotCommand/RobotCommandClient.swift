public import BosdynAPI
public import BosdynCore
import GRPCCore

/// The robot command service, as far as remote mission services need it: safe power off and
/// its feedback, plus raw commands.
///
/// Commands need the body lease: pass one, or create the client with a ``LeaseWallet`` that
/// holds it.
///
/// ```swift
/// let commands = RobotCommandClient(connection: robot)
/// let id = try await commands.safePowerOff(lease: lease)
/// while try await commands.safePowerOffFeedback(commandID: id) == .inProgress {
///   try await Task.sleep(for: .milliseconds(500))
/// }
/// ```
public struct RobotCommandClient: Sendable {
  /// The directory name of the robot command service.
  public static let serviceName = "robot-command"
  private let calls: LeasedRPC
  /// The wallet leases come from when a call is not given one, and which lease use results
  /// update.
  public var wallet: LeaseWallet? { self.calls.wallet }

  /// Creates a client reaching the robot command service at `authority`.
  public init(
    connection: RobotConnection,
    wallet: LeaseWallet? = nil,
    authority: String = RobotAuthority.robotCommand
  ) {
    self.calls = LeasedRPC(connection: connection, wallet: wallet, authority: authority)
  }

  /// Sends a command.
  ///
  /// - Returns: The command id, for ``feedback(commandID:)``.
  /// - Throws: ``/BosdynCore/ClientError``: `leaseUseError` (with the result), `notPoweredOn`,
  ///   `invalidRequest`, `commandRejected` for the other statuses, or an RPC-layer code.
  public func command(_ command: Bosdyn_Api_RobotCommand, lease: Lease? = nil) async throws
    -> UInt32
  {
    let method = Bosdyn_Api_RobotCommandService.Method.RobotCommand.descriptor
    var request = Bosdyn_Api_RobotCommandRequest()
    request.command = command
    if let lease {
      request.lease = lease
    } else if let wallet = self.wallet {
      request.lease = try wallet.lease(for: LeaseClient.bodyResource)
    }
    let response = try await self.calls.rpc.call(
      Bosdyn_Api_RobotCommandService.Method.RobotCommand.self,
      request
    )
    try self.calls.check(response.leaseUseResult, method)
    let detail = response.message.isEmpty ? "" : ": \(response.message)"
    switch response.status {
    case .ok:
      return response.robotCommandID
    case .notPoweredOn:
      throw RobotRPC.statusError(.notPoweredOn, "the motors are not powered on\(detail)", method)
    case .invalidRequest:
      throw RobotRPC.statusError(.invalidRequest, "the command is invalid\(detail)", method)
    case .unsupported, .noTimesync, .expired, .tooDistant, .behaviorFault, .docked,
      .unknownFrame:
      throw RobotRPC.statusError(
        .commandRejected,
        "the robot refused the command (\(response.status))\(detail)",
        method
      )
    case .unknown:
      throw RobotRPC.statusError(.unsetStatus, "the status was left unset", method)
    case .UNRECOGNIZED(let value):
      throw RobotRPC.statusError(.unexpectedStatus, "unknown command status \(value)", method)
    }
  }

  /// Asks the robot to sit down if it stands and then cut motor power.
  ///
  /// - Returns: The command id, for ``safePowerOffFeedback(commandID:)``.
  public func safePowerOff(lease: Lease? = nil) async throws -> UInt32 {
    var command = Bosdyn_Api_RobotCommand()
    command.fullBodyCommand.safePowerOffRequest = Bosdyn_Api_SafePowerOffCommand.Request()
    return try await self.command(command, lease: lease)
  }

  /// The raw feedback of a command.
  public func feedback(commandID: UInt32) async throws -> Bosdyn_Api_RobotCommandFeedbackResponse {
    var request = Bosdyn_Api_RobotCommandFeedbackRequest()
    request.robotCommandID = commandID
    return try await self.calls.rpc.call(
      Bosdyn_Api_RobotCommandService.Method.RobotCommandFeedback.self,
      request
    )
  }

  /// Where a safe power off command stands.
  public func safePowerOffFeedback(commandID: UInt32) async throws -> SafePowerOffFeedback {
    SafePowerOffFeedback(try await self.feedback(commandID: commandID).feedback)
  }
}
