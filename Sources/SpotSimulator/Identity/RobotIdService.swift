public import BosdynAPI
import BosdynCore
public import GRPCCore
public import Logging
import SwiftProtobuf

/// The simulated robot's `bosdyn.api.RobotIdService`: returns the ``RobotIdentity``. Reachable
/// without a token, as on the real robot.
public struct RobotIdService: Bosdyn_Api_RobotIdService.SimpleServiceProtocol {
  private let identity: RobotIdentity
  private let logger: Logger

  /// Creates the service.
  ///
  /// - Parameters:
  ///   - identity: What the robot says it is.
  ///   - logger: Receives one info line per call.
  public init(
    identity: RobotIdentity = .defaults,
    logger: Logger = Logger(label: "bosdyn.spot-sim.robot-id")
  ) {
    self.identity = identity
    self.logger = logger
  }

  /// Handles `GetRobotId`.
  public func getRobotId(
    request: Bosdyn_Api_RobotIdRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_RobotIdResponse {
    await respond(to: request) {
      let client = request.header.clientName.isEmpty ? "unnamed client" : request.header.clientName
      self.logger.info("GetRobotId from \(client)")
      var response = Bosdyn_Api_RobotIdResponse()
      response.robotID = self.identity.proto
      return response
    }
  }
}
