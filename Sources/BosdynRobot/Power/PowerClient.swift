public import BosdynAPI
public import BosdynCore
import GRPCCore

/// The robot's power service: motors on and off, with feedback (Python's `PowerClient`).
///
/// Commands need the body lease: pass one, or create the client with a ``LeaseWallet`` that
/// holds it.
public struct PowerClient: Sendable {
  /// The directory name of the power service.
  public static let serviceName = "power"
  private let calls: LeasedRPC
  /// The wallet leases come from when a call is not given one, and which lease use results
  /// update.
  public var wallet: LeaseWallet? { self.calls.wallet }

  /// Creates a client reaching the power service at `authority`.
  public init(
    connection: RobotConnection,
    wallet: LeaseWallet? = nil,
    authority: String = RobotAuthority.power
  ) {
    self.calls = LeasedRPC(connection: connection, wallet: wallet, authority: authority)
  }

  /// Sends a power command.
  ///
  /// - Parameters:
  ///   - request: What to power on or off.
  ///   - lease: The body lease, or `nil` for the wallet's.
  /// - Returns: The status (`STATUS_SUCCESS` or `STATUS_IN_PROGRESS`) and the id to ask
  ///   ``feedback(commandID:)`` about.
  /// - Throws: ``/BosdynCore/ClientError``: `leaseUseError`, `estopped`, `faulted`,
  ///   `powerCommandFailed`, or an RPC-layer code.
  public func command(
    _ request: Bosdyn_Api_PowerCommandRequest.Request,
    lease: Lease? = nil
  ) async throws -> (status: Bosdyn_Api_PowerCommandStatus, commandID: UInt32) {
    let method = Bosdyn_Api_PowerService.Method.PowerCommand.descriptor
    var message = Bosdyn_Api_PowerCommandRequest()
    message.request = request
    message.lease = try lease ?? self.walletLease()
    let response = try await self.calls.rpc.call(
      Bosdyn_Api_PowerService.Method.PowerCommand.self,
      message
    )
    try self.calls.check(response.leaseUseResult, method)
    try Self.check(response.status, method)
    return (response.status, response.powerCommandID)
  }

  /// The progress of a power command.
  ///
  /// - Returns: `STATUS_IN_PROGRESS` or `STATUS_SUCCESS`.
  /// - Throws: ``/BosdynCore/ClientError`` when the command failed.
  public func feedback(commandID: UInt32) async throws -> Bosdyn_Api_PowerCommandStatus {
    let method = Bosdyn_Api_PowerService.Method.PowerCommandFeedback.descriptor
    var request = Bosdyn_Api_PowerCommandFeedbackRequest()
    request.powerCommandID = commandID
    let response = try await self.calls.rpc.call(
      Bosdyn_Api_PowerService.Method.PowerCommandFeedback.self,
      request
    )
    try Self.check(response.status, method)
    return response.status
  }

  private func walletLease() throws -> Lease {
    guard let wallet = self.wallet else {
      throw RobotRPC.statusError(
        .leaseNotOwned,
        "no lease given and no lease wallet",
        Bosdyn_Api_PowerService.Method.PowerCommand.descriptor
      )
    }
    return try wallet.lease(for: LeaseClient.bodyResource)
  }

  /// Maps a power status: success and in progress pass, everything else throws.
  static func check(_ status: Bosdyn_Api_PowerCommandStatus, _ method: MethodDescriptor) throws {
    let code: ClientError.Code
    let message: String
    switch status {
    case .statusSuccess, .statusInProgress:
      return
    case .statusUnknown:
      code = .unsetStatus
      message = "the power service left the status unset"
    case .statusEstopped:
      code = .estopped
      message = "the robot is e-stopped"
    case .statusFaulted:
      code = .faulted
      message = "the robot has a fault that prevents powering on"
    case .statusInternalError:
      code = .internalServerError
      message = "the power service failed internally"
    case .statusShorePowerConnected:
      code = .powerCommandFailed
      message = "shore power is connected (STATUS_SHORE_POWER_CONNECTED)"
    case .statusBatteryMissing:
      code = .powerCommandFailed
      message = "the battery is missing (STATUS_BATTERY_MISSING)"
    case .statusCommandInProgress:
      code = .powerCommandFailed
      message = "another power command is in progress (STATUS_COMMAND_IN_PROGRESS)"
    case .statusLicenseError:
      code = .powerCommandFailed
      message = "the robot's license does not allow this (STATUS_LICENSE_ERROR)"
    case .incompatibleHardwareError:
      code = .powerCommandFailed
      message = "the hardware cannot do this (INCOMPATIBLE_HARDWARE_ERROR)"
    case .statusOverridden:
      code = .powerCommandFailed
      message = "the command was overridden by another (STATUS_OVERRIDDEN)"
    case .statusKeepaliveMotorsOff:
      code = .powerCommandFailed
      message = "a keepalive policy keeps the motors off (STATUS_KEEPALIVE_MOTORS_OFF)"
    case .UNRECOGNIZED(let value):
      code = .unexpectedStatus
      message = "unknown power status \(value)"
    }
    throw RobotRPC.statusError(code, message, method)
  }
}
