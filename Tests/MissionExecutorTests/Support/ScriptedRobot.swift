import BosdynAPI
import MissionExecutor
import Synchronization

/// A robot for the environment: power and stand commands that finish on the third feedback,
/// lease retains that succeed, and a record of what was asked.
final class ScriptedRobot: MissionEnvironment {
  private struct State {
    var powerCommands: [Bosdyn_Api_PowerCommandRequest] = []
    var powerFeedbackRequests = 0
    var commandFeedbackRequests = 0
    var retained: [String] = []
  }

  private let state = Mutex(State())

  var powerCommands: [Bosdyn_Api_PowerCommandRequest] { self.state.withLock { $0.powerCommands } }
  var powerFeedbackRequests: Int { self.state.withLock { $0.powerFeedbackRequests } }
  var commandFeedbackRequests: Int { self.state.withLock { $0.commandFeedbackRequests } }
  var retained: [String] { self.state.withLock { $0.retained } }

  func powerCommand(
    _ request: Bosdyn_Api_PowerCommandRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_PowerCommandResponse {
    self.state.withLock { $0.powerCommands.append(request) }
    var response = Bosdyn_Api_PowerCommandResponse()
    response.status = .statusInProgress
    response.powerCommandID = 11
    return response
  }

  func powerCommandFeedback(
    _ request: Bosdyn_Api_PowerCommandFeedbackRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_PowerCommandFeedbackResponse {
    let count = self.state.withLock { state -> Int in
      state.powerFeedbackRequests += 1
      return state.powerFeedbackRequests
    }
    var response = Bosdyn_Api_PowerCommandFeedbackResponse()
    response.status =
      count >= 2 && request.powerCommandID == 11 ? .statusSuccess : .statusInProgress
    return response
  }

  func robotCommand(
    _ request: Bosdyn_Api_RobotCommandRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_RobotCommandResponse {
    var response = Bosdyn_Api_RobotCommandResponse()
    response.status = .ok
    response.robotCommandID = 21
    return response
  }

  func robotCommandFeedback(
    _ request: Bosdyn_Api_RobotCommandFeedbackRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_RobotCommandFeedbackResponse {
    let count = self.state.withLock { state -> Int in
      state.commandFeedbackRequests += 1
      return state.commandFeedbackRequests
    }
    var response = Bosdyn_Api_RobotCommandFeedbackResponse()
    var stand = Bosdyn_Api_StandCommand.Feedback()
    stand.status = count >= 2 ? .isStanding : .inProgress
    response.feedback.synchronizedFeedback.mobilityCommandFeedback.status = .processing
    response.feedback.synchronizedFeedback.mobilityCommandFeedback.standFeedback = stand
    return response
  }

  func retainLease(
    _ request: Bosdyn_Api_RetainLeaseRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_RetainLeaseResponse {
    self.state.withLock { $0.retained.append(request.lease.resource) }
    var response = Bosdyn_Api_RetainLeaseResponse()
    response.leaseUseResult.status = .ok
    return response
  }
}
