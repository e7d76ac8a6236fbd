import BosdynAPI
import MissionExecutor
import Synchronization

/// GraphNav for the environment: navigation commands answered from a script (a response
/// status, then feedback statuses in turn), and a record of every request.
final class ScriptedGraphNav: MissionEnvironment {
  private struct State {
    var navigateTo: [Bosdyn_Api_GraphNav_NavigateToRequest] = []
    var navigateRoute: [Bosdyn_Api_GraphNav_NavigateRouteRequest] = []
    var feedbackRequests: [UInt32] = []
    var feedback: [Bosdyn_Api_GraphNav_NavigationFeedbackResponse.Status]
    var newestLease: [UInt32]?
  }

  private let state: Mutex<State>
  private let response: Bosdyn_Api_GraphNav_NavigateToResponse.Status
  private let commandID: UInt32 = 7

  /// GraphNav answering commands with `response` and feedback with `feedback` in turn (the
  /// last one repeated).
  init(
    response: Bosdyn_Api_GraphNav_NavigateToResponse.Status = .ok,
    feedback: [Bosdyn_Api_GraphNav_NavigationFeedbackResponse.Status]
  ) {
    self.response = response
    self.state = Mutex(State(feedback: feedback))
  }

  var navigateToRequests: [Bosdyn_Api_GraphNav_NavigateToRequest] {
    self.state.withLock { $0.navigateTo }
  }
  var navigateRouteRequests: [Bosdyn_Api_GraphNav_NavigateRouteRequest] {
    self.state.withLock { $0.navigateRoute }
  }
  var feedbackRequests: [UInt32] { self.state.withLock { $0.feedbackRequests } }

  /// The sequence of the newest body lease the robot has seen, as its lease service would
  /// remember it: commands whose lease does not descend from it are `STATUS_OLDER`. `nil`
  /// (the default) accepts every lease.
  var newestLease: [UInt32]? {
    get { self.state.withLock { $0.newestLease } }
    set { self.state.withLock { $0.newestLease = newValue } }
  }

  func navigateTo(
    _ request: Bosdyn_Api_GraphNav_NavigateToRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_GraphNav_NavigateToResponse {
    let newest = self.state.withLock { state in
      state.navigateTo.append(request)
      return state.newestLease
    }
    var response = Bosdyn_Api_GraphNav_NavigateToResponse()
    var lease = Bosdyn_Api_LeaseUseResult()
    lease.attemptedLease = request.leases.first ?? .init()
    if let newest, !lease.attemptedLease.sequence.starts(with: newest) {
      lease.status = .older
      response.leaseUseResults = [lease]
      return response
    }
    response.status = self.response
    if self.response == .ok { response.commandID = self.commandID }
    lease.status = .ok
    response.leaseUseResults = [lease]
    return response
  }

  func navigateRoute(
    _ request: Bosdyn_Api_GraphNav_NavigateRouteRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_GraphNav_NavigateRouteResponse {
    self.state.withLock { $0.navigateRoute.append(request) }
    var response = Bosdyn_Api_GraphNav_NavigateRouteResponse()
    response.status = .ok
    response.commandID = self.commandID
    return response
  }

  func navigationFeedback(
    _ request: Bosdyn_Api_GraphNav_NavigationFeedbackRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_GraphNav_NavigationFeedbackResponse {
    let status = self.state.withLock { state in
      state.feedbackRequests.append(request.commandID)
      return state.feedback.count > 1 ? state.feedback.removeFirst() : state.feedback[0]
    }
    var response = Bosdyn_Api_GraphNav_NavigationFeedbackResponse()
    response.status = status
    response.commandID = request.commandID
    return response
  }
}
