public import BosdynAPI
public import GRPCCore
public import Logging
import BosdynCore
import SwiftProtobuf

/// The simulated robot's `bosdyn.api.PowerService`: motor power on and off, lease-checked
/// against the ``LeaseLedger`` (the `body` lease or a sublease of it). Robot-level requests
/// (power off the robot, reboot, payload ports, Wi-Fi) and fan control are not simulated.
public struct PowerService: Bosdyn_Api_PowerService.SimpleServiceProtocol {
  private let ledger: LeaseLedger
  private let body: SimulatedBody
  private let logger: Logger

  /// Creates the service.
  ///
  /// - Parameters:
  ///   - ledger: Judges the lease each command carries.
  ///   - body: The body whose motors the commands drive.
  ///   - logger: Receives one info line per call.
  public init(
    ledger: LeaseLedger,
    body: SimulatedBody,
    logger: Logger = Logger(label: "bosdyn.spot-sim.power")
  ) {
    self.ledger = ledger
    self.body = body
    self.logger = logger
  }

  /// Handles `PowerCommand`.
  public func powerCommand(
    request: Bosdyn_Api_PowerCommandRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_PowerCommandResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_PowerCommandResponse()
      let requestName = Self.name(of: request.request)
      defer {
        self.logger.command(
          "PowerCommand \(requestName)",
          from: request.header,
          status: response.status,
          lease: response.leaseUseResult.status
        )
      }
      let on: Bool
      switch request.request {
      case .on: on = true
      case .off: on = false
      case .unknown, .UNRECOGNIZED:
        response.header = .error(
          .invalidRequest,
          "Unknown power request \(request.request.rawValue)."
        )
        return response
      default:
        response.status = .incompatibleHardwareError
        return response
      }
      response.leaseUseResult = self.ledger.judge(leaseOf: request, resource: "body")
      guard response.leaseUseResult.status == .ok else {
        return response
      }
      switch self.body.requestPower(on: on) {
      case .success(let id):
        response.status = .statusInProgress
        response.powerCommandID = id
      case .failure(let refusal):
        response.status = refusal.status
      }
      return response
    }
  }

  /// Handles `PowerCommandFeedback`.
  public func powerCommandFeedback(
    request: Bosdyn_Api_PowerCommandFeedbackRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_PowerCommandFeedbackResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_PowerCommandFeedbackResponse()
      if let status = self.body.powerFeedback(request.powerCommandID) {
        response.status = status
      } else {
        response.header = .error(
          .invalidRequest,
          "Unknown power command id \(request.powerCommandID)."
        )
      }
      self.logger.info(
        "PowerCommandFeedback \(request.powerCommandID) from \(request.header.callerForLog): \(protoName(response.status))"
      )
      return response
    }
  }

  /// `FanPowerCommand` is not simulated.
  public func fanPowerCommand(
    request: Bosdyn_Api_FanPowerCommandRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_FanPowerCommandResponse {
    throw RPCError(code: .unimplemented, message: "The simulated robot has no fans.")
  }

  /// `FanPowerCommandFeedback` is not simulated.
  public func fanPowerCommandFeedback(
    request: Bosdyn_Api_FanPowerCommandFeedbackRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_FanPowerCommandFeedbackResponse {
    throw RPCError(code: .unimplemented, message: "The simulated robot has no fans.")
  }

  /// `GetFanInformation` is not simulated.
  public func getFanInformation(
    request: Bosdyn_Api_GetFanInformationRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GetFanInformationResponse {
    throw RPCError(code: .unimplemented, message: "The simulated robot has no fans.")
  }

  /// `ResetSafetyStop` is not simulated.
  public func resetSafetyStop(
    request: Bosdyn_Api_ResetSafetyStopRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_ResetSafetyStopResponse {
    throw RPCError(code: .unimplemented, message: "The simulated robot has no safety stop.")
  }

  private static func name(of request: Bosdyn_Api_PowerCommandRequest.Request) -> String {
    switch request {
    case .on: "REQUEST_ON_MOTORS"
    case .off: "REQUEST_OFF_MOTORS"
    case .offRobot: "REQUEST_OFF_ROBOT"
    case .cycleRobot: "REQUEST_CYCLE_ROBOT"
    case .offPayloadPorts: "REQUEST_OFF_PAYLOAD_PORTS"
    case .onPayloadPorts: "REQUEST_ON_PAYLOAD_PORTS"
    case .offWifiRadio: "REQUEST_OFF_WIFI_RADIO"
    case .onWifiRadio: "REQUEST_ON_WIFI_RADIO"
    case .softRebootRobot: "REQUEST_SOFT_REBOOT_ROBOT"
    case .unknown, .UNRECOGNIZED: "REQUEST_UNKNOWN"
    }
  }
}
