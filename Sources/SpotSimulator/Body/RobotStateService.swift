public import BosdynAPI
public import GRPCCore
public import Logging
import BosdynCore
import SwiftProtobuf

/// The simulated robot's `bosdyn.api.RobotStateService`: `GetRobotState` with the body's
/// power state, its estop states, its kinematic state (odometry, which navigation moves) and
/// the service faults the directory reports (services
/// registered but no longer alive). Metrics, hardware configuration and link model are not
/// simulated.
public struct RobotStateService: Bosdyn_Api_RobotStateService.SimpleServiceProtocol {
  private let body: SimulatedBody
  private let serviceFaults: @Sendable () -> [Bosdyn_Api_ServiceFault]
  private let logger: Logger

  /// Creates the service.
  ///
  /// - Parameters:
  ///   - body: The body whose state is reported.
  ///   - serviceFaults: The active service faults, asked on every call (for example the
  ///     directory's `ServiceRegistry.serviceFaults()`).
  ///   - logger: Receives one info line per call.
  public init(
    body: SimulatedBody,
    serviceFaults: @escaping @Sendable () -> [Bosdyn_Api_ServiceFault] = { [] },
    logger: Logger = Logger(label: "bosdyn.spot-sim.robot-state")
  ) {
    self.body = body
    self.serviceFaults = serviceFaults
    self.logger = logger
  }

  /// Handles `GetRobotState`.
  public func getRobotState(
    request: Bosdyn_Api_RobotStateRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_RobotStateResponse {
    await respond(to: request) {
      var state = Bosdyn_Api_RobotState()
      state.powerState = self.body.powerState
      state.estopStates = self.body.estopStates
      state.kinematicState = self.body.kinematicState
      var faults = Bosdyn_Api_ServiceFaultState()
      faults.faults = self.serviceFaults()
      for fault in faults.faults {
        let key = fault.faultID.serviceName
        let worst = max(faults.aggregated[key]?.rawValue ?? 0, fault.severity.rawValue)
        faults.aggregated[key] = .init(rawValue: worst)
      }
      state.serviceFaultState = faults
      var response = Bosdyn_Api_RobotStateResponse()
      response.robotState = state
      self.logger.info(
        "GetRobotState from \(request.header.callerForLog): motors \(protoName(state.powerState.motorPowerState))"
      )
      return response
    }
  }

  /// `GetRobotMetrics` is not simulated.
  public func getRobotMetrics(
    request: Bosdyn_Api_RobotMetricsRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_RobotMetricsResponse {
    throw RPCError(code: .unimplemented, message: "The simulated robot keeps no metrics.")
  }

  /// `GetRobotHardwareConfiguration` is not simulated.
  public func getRobotHardwareConfiguration(
    request: Bosdyn_Api_RobotHardwareConfigurationRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_RobotHardwareConfigurationResponse {
    throw RPCError(code: .unimplemented, message: "The simulated robot has no hardware model.")
  }

  /// `GetRobotLinkModel` is not simulated.
  public func getRobotLinkModel(
    request: Bosdyn_Api_RobotLinkModelRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_RobotLinkModelResponse {
    throw RPCError(code: .unimplemented, message: "The simulated robot has no link model.")
  }
}
