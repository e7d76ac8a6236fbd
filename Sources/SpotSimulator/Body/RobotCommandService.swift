public import BosdynAPI
public import GRPCCore
public import Logging
import BosdynCore
import SwiftProtobuf

/// The simulated robot's `bosdyn.api.RobotCommandService`: safe power off as a full-body
/// command (what the power-off mission service and Python's `safe_power_off_motors` send),
/// plus stand, sit and stop so the Python blocking helpers work. Every command is checked
/// against the ``LeaseLedger``: the `body` lease or a sublease of it.
public struct RobotCommandService: Bosdyn_Api_RobotCommandService.SimpleServiceProtocol {
  private let ledger: LeaseLedger
  private let body: SimulatedBody
  private let logger: Logger

  /// Creates the service.
  ///
  /// - Parameters:
  ///   - ledger: Judges the lease each command carries.
  ///   - body: The body the commands drive.
  ///   - logger: Receives one info line per call.
  public init(
    ledger: LeaseLedger,
    body: SimulatedBody,
    logger: Logger = Logger(label: "bosdyn.spot-sim.robot-command")
  ) {
    self.ledger = ledger
    self.body = body
    self.logger = logger
  }

  /// Handles `RobotCommand`.
  public func robotCommand(
    request: Bosdyn_Api_RobotCommandRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_RobotCommandResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_RobotCommandResponse()
      let commandName = Self.name(of: request.command)
      defer {
        self.logger.command(
          "RobotCommand \(commandName)",
          from: request.header,
          status: response.status,
          lease: response.leaseUseResult.status
        )
      }
      let resource = commandName == "safe_power_off" || commandName == "stop" ? "body" : "mobility"
      response.leaseUseResult = self.ledger.judge(leaseOf: request, resource: resource)
      guard response.leaseUseResult.status == .ok else {
        return response
      }
      switch self.body.execute(request.command) {
      case .success(let id):
        response.status = .ok
        response.robotCommandID = id
      case .failure(let refusal):
        response.status = refusal.status
        response.message = refusal.message
      }
      return response
    }
  }

  /// Handles `RobotCommandFeedback`.
  public func robotCommandFeedback(
    request: Bosdyn_Api_RobotCommandFeedbackRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_RobotCommandFeedbackResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_RobotCommandFeedbackResponse()
      if let feedback = self.body.commandFeedback(request.robotCommandID) {
        response.feedback = feedback
      } else {
        response.header = .error(
          .invalidRequest,
          "Unknown robot command id \(request.robotCommandID)."
        )
      }
      self.logger.info(
        "RobotCommandFeedback \(request.robotCommandID) from \(request.header.callerForLog)"
      )
      return response
    }
  }

  /// `ClearBehaviorFault`: the simulated robot never faults, so every id is unknown.
  public func clearBehaviorFault(
    request: Bosdyn_Api_ClearBehaviorFaultRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_ClearBehaviorFaultResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_ClearBehaviorFaultResponse()
      response.leaseUseResult = self.ledger.judge(leaseOf: request, resource: "body")
      if response.leaseUseResult.status == .ok {
        response.status = .notCleared
      }
      self.logger.info(
        "ClearBehaviorFault \(request.behaviorFaultID) from \(request.header.callerForLog)"
      )
      return response
    }
  }

  private static func name(of command: Bosdyn_Api_RobotCommand) -> String {
    switch command.command {
    case .fullBodyCommand(let fullBody):
      switch fullBody.command {
      case .safePowerOffRequest: "safe_power_off"
      case .stopRequest: "stop"
      case .freezeRequest: "freeze"
      case .selfrightRequest: "selfright"
      case nil: "empty full-body command"
      default: "full-body command"
      }
    case .synchronizedCommand(let synchronized):
      switch synchronized.mobilityCommand.command {
      case .standRequest: "stand"
      case .sitRequest: "sit"
      default: "synchronized command"
      }
    case nil: "empty command"
    }
  }
}
