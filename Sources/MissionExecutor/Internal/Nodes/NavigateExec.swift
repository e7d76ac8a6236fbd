import BosdynAPI
import BosdynClient
import BosdynCore
import Clocks
import SwiftProtobuf

/// BosdynNavigateTo and BosdynNavigateRoute: sends a GraphNav navigation command and returns
/// RUNNING until its feedback says the goal was reached (SUCCESS) or the navigation failed.
///
/// The command carries a sublease of the play `body` lease and expires ``commandDuration`` after
/// it was sent, so a mission that stops ticking the node (a pause, a parent moving on) stops the
/// robot within that time. While the robot walks, the node alternates one feedback request and
/// one continuation of the command (its id, a new end time), one call at a time. Play settings
/// apply to the travel params: their velocity limit caps the node's, and their path following,
/// ground clutter, planner and exploration settings are added.
final class NavigateExec: EnvironmentCallExec {
  /// How long each command (and each continuation) stays valid.
  static let commandDuration: Duration = .seconds(2)
  /// How many fresh commands in a row may expire before the node gives up.
  static let maximumExpiries = 3

  private let plan: NavigatePlan
  private let clientName: String
  private var commandID: UInt32?
  private var needsNewCommand = false
  private var continueNext = false
  private var expiries = 0

  init(index: Int, name: String, plan: NavigatePlan, clientName: String) {
    self.plan = plan
    self.clientName = clientName
    super.init(index: index, name: name, children: [])
  }

  override func start(_ context: TickContext) {
    self.forgetCalls()
    self.commandID = nil
    self.needsNewCommand = false
    self.continueNext = false
    self.expiries = 0
  }

  override func stopped(_ context: TickContext, reason: StopReason) {
    // The command lapses while the node is not ticked; a resumed node sends a new one.
    self.needsNewCommand = true
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    if let answer = self.takeAnswer() {
      if let message = answer.failureMessage("\(self.plan.description) via '\(self.plan.address)'")
      {
        return context.fail(message)
      }
      if case .answered(let response as any SwiftProtobuf.Message) = answer,
        let outcome = self.handle(response, context)
      {
        return outcome
      }
    }
    guard !self.isCalling else { return .running }
    let address = self.plan.address
    if self.commandID == nil || self.needsNewCommand || self.continueNext {
      let continuing = self.needsNewCommand ? nil : self.commandID
      self.continueNext = false
      switch self.plan.goal {
      case .waypoint:
        guard let request = self.navigateToRequest(context, continuing: continuing) else {
          return .error
        }
        self.send(context) { try await $0.navigateTo(request, at: address) }
      case .route:
        guard let request = self.navigateRouteRequest(context, continuing: continuing) else {
          return .error
        }
        self.send(context) { try await $0.navigateRoute(request, at: address) }
      }
      self.needsNewCommand = false
    } else if let id = self.commandID {
      var request = Bosdyn_Api_GraphNav_NavigationFeedbackRequest()
      request.commandID = id
      let feedback = request
      self.send(context) { try await $0.navigationFeedback(feedback, at: address) }
    }
    return .running
  }

  /// Reads one answer; returns the node's result when the answer decides it.
  private func handle(_ response: any SwiftProtobuf.Message, _ context: TickContext) -> NodeStatus?
  {
    switch response {
    case let response as Bosdyn_Api_GraphNav_NavigateToResponse:
      if let key = self.plan.responseKey, let error = self.write(response, to: key, context) {
        return error
      }
      return self.commanded(
        leases: response.leaseUseResults,
        ok: response.status == .ok,
        unrecognized: response.status == .unrecognizedCommand,
        expired: response.status == .expired,
        status: protoName(response.status),
        id: response.commandID,
        context
      )
    case let response as Bosdyn_Api_GraphNav_NavigateRouteResponse:
      if let key = self.plan.responseKey, let error = self.write(response, to: key, context) {
        return error
      }
      return self.commanded(
        leases: response.leaseUseResults,
        ok: response.status == .ok,
        unrecognized: response.status == .unrecognizedCommand,
        expired: response.status == .expired,
        status: protoName(response.status),
        id: response.commandID,
        context
      )
    case let feedback as Bosdyn_Api_GraphNav_NavigationFeedbackResponse:
      if let key = self.plan.feedbackKey, let error = self.write(feedback, to: key, context) {
        return error
      }
      switch feedback.status {
      case .reachedGoal:
        return .success
      case .followingRoute:
        self.expiries = 0
        self.continueNext = true
        return nil
      case .commandTimedOut:
        // The command lapsed between two ticks (a slow cycle): send a new one, a few times.
        self.expiries += 1
        guard self.expiries < Self.maximumExpiries else {
          return context.fail("\(self.plan.description) failed: its commands kept expiring")
        }
        self.needsNewCommand = true
        return nil
      default:
        return context.fail("\(self.plan.description) failed: \(protoName(feedback.status))")
      }
    default:
      return nil
    }
  }

  private func commanded(
    leases: [Bosdyn_Api_LeaseUseResult],
    ok: Bool,
    unrecognized: Bool,
    expired: Bool,
    status: String,
    id: UInt32,
    _ context: TickContext
  ) -> NodeStatus? {
    if let bad = leases.first(where: { $0.status != .ok }) {
      if self.resendsWithNewerPlayLease(bad, context) {
        self.needsNewCommand = true
        return nil
      }
      return context.fail("\(self.plan.description) refused: lease \(protoName(bad.status))")
    }
    if let good = leases.first { _ = self.resendsWithNewerPlayLease(good, context) }
    if unrecognized && self.commandID != nil {
      // The command being continued had lapsed: start a new one.
      self.needsNewCommand = true
      return nil
    }
    if expired {
      // The end time had passed when the command arrived (a slow cycle or a backed-up call):
      // send a fresh one, a few times, as for a command that lapsed while walking.
      self.expiries += 1
      guard self.expiries < Self.maximumExpiries else {
        return context.fail("\(self.plan.description) failed: its commands kept expiring")
      }
      self.needsNewCommand = true
      return nil
    }
    guard ok else {
      return context.fail("\(self.plan.description) refused: \(status)")
    }
    self.commandID = id
    return nil
  }

  /// Writes a response to a blackboard variable an ancestor defined; the ERROR otherwise.
  private func write(
    _ message: any SwiftProtobuf.Message,
    to key: String,
    _ context: TickContext
  ) -> NodeStatus? {
    guard context.blackboard.write(key, BlackboardValue(message: message), at: context.now) else {
      return context.raise("blackboard variable '\(key)' is not defined (DefineBlackboard)")
    }
    return nil
  }

  /// A sublease of the play `body` lease, when there is one.
  private func leases(_ context: TickContext) -> [Bosdyn_Api_Lease] {
    context.mission.leases["body"].map { [$0.sublease(clientName: self.clientName)] } ?? []
  }

  private func endTime(_ context: TickContext) -> Google_Protobuf_Timestamp {
    context.mission.robotClock.timestamp(at: context.now.advanced(by: Self.commandDuration))
  }

  private func navigateToRequest(_ context: TickContext, continuing id: UInt32?)
    -> Bosdyn_Api_GraphNav_NavigateToRequest?
  {
    guard case .waypoint(let destination, let routeParams, let blocked) = self.plan.goal else {
      return nil
    }
    var request = Bosdyn_Api_GraphNav_NavigateToRequest()
    if let key = self.plan.requestKey {
      guard let base: Bosdyn_Api_GraphNav_NavigateToRequest = self.readRequest(key, context) else {
        return nil
      }
      request = base
    }
    if !destination.isEmpty { request.destinationWaypointID = destination }
    if let routeParams { request.routeParams = routeParams }
    if blocked != .routeBlockedUnknown { request.routeBlockedBehavior = blocked }
    request.travelParams = Self.travelParams(
      self.plan.travelParams ?? request.travelParams,
      context.mission.settings
    )
    request.leases = self.leases(context)
    request.endTime = self.endTime(context)
    request.commandID = id ?? 0
    return request
  }

  private func navigateRouteRequest(_ context: TickContext, continuing id: UInt32?)
    -> Bosdyn_Api_GraphNav_NavigateRouteRequest?
  {
    guard case .route(let route, let follow) = self.plan.goal else { return nil }
    var request = Bosdyn_Api_GraphNav_NavigateRouteRequest()
    if let key = self.plan.requestKey {
      guard let base: Bosdyn_Api_GraphNav_NavigateRouteRequest = self.readRequest(key, context)
      else {
        return nil
      }
      request = base
    }
    if !route.waypointID.isEmpty { request.route = route }
    if let follow { request.routeFollowParams = follow }
    request.travelParams = Self.travelParams(
      self.plan.travelParams ?? request.travelParams,
      context.mission.settings
    )
    request.leases = self.leases(context)
    request.endTime = self.endTime(context)
    request.commandID = id ?? 0
    return request
  }

  /// The request a `…_request_blackboard_key` variable holds; raises the ERROR when it holds
  /// none.
  private func readRequest<Request: SwiftProtobuf.Message>(
    _ key: VariableRef,
    _ context: TickContext
  ) -> Request? {
    guard let (read, _) = context.blackboard.read(key) else {
      _ = context.raise("blackboard variable '\(key.name)' is not defined")
      return nil
    }
    if case .value(.message(let value)) = read {
      if let request = value.message as? Request { return request }
      if let any = value.message as? Google_Protobuf_Any,
        let request = try? Request(unpackingAny: any)
      {
        return request
      }
    }
    _ = context.raise(
      "blackboard variable '\(key.name)' does not hold a \(Request.protoMessageName)"
    )
    return nil
  }

  /// The node's travel params with the play settings applied: the velocity limit is the
  /// smaller of the two where both set one; path following, ground clutter and planner modes
  /// and the exploration switches come from the settings when they set them.
  static func travelParams(
    _ base: Bosdyn_Api_GraphNav_TravelParams,
    _ settings: Bosdyn_Api_Mission_PlaySettings
  ) -> Bosdyn_Api_GraphNav_TravelParams {
    var travel = base
    if settings.hasVelocityLimit {
      if travel.hasVelocityLimit {
        func smaller(_ a: Double, _ b: Double) -> Double {
          if a == 0 { return b }
          if b == 0 { return a }
          return abs(a) < abs(b) ? a : b
        }
        let own = travel.velocityLimit.maxVel
        let played = settings.velocityLimit.maxVel
        travel.velocityLimit.maxVel.linear.x = smaller(own.linear.x, played.linear.x)
        travel.velocityLimit.maxVel.linear.y = smaller(own.linear.y, played.linear.y)
        travel.velocityLimit.maxVel.angular = smaller(own.angular, played.angular)
      } else {
        travel.velocityLimit = settings.velocityLimit
      }
    }
    if settings.disableDirectedExploration { travel.disableDirectedExploration = true }
    if settings.disableAlternateRouteFinding { travel.disableAlternateRouteFinding = true }
    if settings.pathFollowingMode != .pathModeUnknown {
      travel.pathFollowingMode = settings.pathFollowingMode
    }
    if settings.groundClutterMode != .groundClutterUnknown {
      travel.groundClutterMode = settings.groundClutterMode
    }
    if settings.plannerMode != .plannerModeUnknown { travel.plannerMode = settings.plannerMode }
    return travel
  }
}
