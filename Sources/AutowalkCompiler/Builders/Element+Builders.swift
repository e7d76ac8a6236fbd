public import BosdynAPI
import SwiftProtobuf

extension Bosdyn_Api_Autowalk_Element {
  /// An element that goes to waypoint `waypoint`, then performs `action`.
  ///
  /// - Parameters:
  ///   - name: The element's name; callbacks receive it as their `user-string` input.
  ///   - waypoint: The waypoint to navigate to.
  ///   - action: What to do there; nothing when `nil`.
  ///   - onNavigationFailure: What to do when the robot cannot get there.
  ///   - onActionFailure: What to do when the action fails.
  ///   - actionDuration: The most time the action may take; no limit when `nil`.
  public static func element(
    _ name: String,
    at waypoint: String,
    action: Bosdyn_Api_Autowalk_Action? = nil,
    onNavigationFailure: Bosdyn_Api_Autowalk_FailureBehavior = .proceedIfAble(),
    onActionFailure: Bosdyn_Api_Autowalk_FailureBehavior = .proceedIfAble(),
    actionDuration: Duration? = nil
  ) -> Self {
    var element = Self()
    element.name = name
    element.target = .navigateTo(waypoint)
    element.targetFailureBehavior = onNavigationFailure
    if let action {
      element.action = action
      element.actionFailureBehavior = onActionFailure
    }
    if let actionDuration { element.actionDuration = .init(actionDuration) }
    return element
  }
}

extension Bosdyn_Api_Autowalk_Action {
  /// Call the remote mission service `serviceName` (a callback) with `parameters`.
  public static func callback(
    _ serviceName: String,
    parameters: [String: CallbackParameter] = [:],
    leaseResources: [String] = [],
    timeout: Duration? = nil
  ) -> Self {
    var action = Self()
    action.remoteGrpc = .callback(
      serviceName,
      parameters: parameters,
      leaseResources: leaseResources,
      timeout: timeout
    )
    return action
  }

  /// Wait `duration`.
  public static func sleep(_ duration: Duration) -> Self {
    var action = Self()
    action.sleep.duration = .init(duration)
    return action
  }

  /// Run a mission node of your own.
  public static func node(_ node: Bosdyn_Api_Mission_Node) -> Self {
    var action = Self()
    action.node = node
    return action
  }

  /// Capture data with the data acquisition service (simulated robots capture nothing).
  public static func dataAcquisition(_ request: Bosdyn_Api_AcquireDataRequest) -> Self {
    var action = Self()
    action.dataAcquisition.acquireDataRequest = request
    action.dataAcquisition.completionBehavior = .completeAfterSaved
    return action
  }
}

extension Bosdyn_Api_Autowalk_Action.RemoteGrpc {
  /// A call of the remote mission service `serviceName` with `parameters` (also what
  /// post-mission callbacks are).
  public static func callback(
    _ serviceName: String,
    parameters: [String: CallbackParameter] = [:],
    leaseResources: [String] = [],
    timeout: Duration? = nil
  ) -> Self {
    var call = Self()
    call.serviceName = serviceName
    call.leaseResources = leaseResources
    if let timeout { call.rpcTimeout = .init(timeout) }
    if !parameters.isEmpty {
      call.parameters.values.values = parameters.mapValues(\.proto)
    }
    return call
  }
}

extension Bosdyn_Api_Autowalk_FailureBehavior {
  /// After `retries` automatic retries and an unanswered question, go on with the walk.
  public static func proceedIfAble(retries: Int32 = 0, promptDuration: Duration = .seconds(10))
    -> Self
  {
    var behavior = Self.base(retries, promptDuration)
    behavior.proceedIfAble = .init()
    return behavior
  }

  /// After `retries` automatic retries and an unanswered question, sit, power off and end the
  /// walk.
  public static func safePowerOff(retries: Int32 = 0, promptDuration: Duration = .seconds(10))
    -> Self
  {
    var behavior = Self.base(retries, promptDuration)
    behavior.safePowerOff = .init()
    return behavior
  }

  /// After `retries` automatic retries and an unanswered question, return to the dock and end
  /// the walk (the walk needs a dock).
  public static func returnToStartAndTerminate(
    retries: Int32 = 0,
    promptDuration: Duration = .seconds(10)
  ) -> Self {
    var behavior = Self.base(retries, promptDuration)
    behavior.returnToStartAndTerminate = .init()
    return behavior
  }

  /// After `retries` automatic retries and an unanswered question, return to the dock, wait
  /// `delay` and start the walk over (the walk needs a dock).
  public static func returnToStartAndTryAgainLater(
    after delay: Duration = .seconds(60),
    retries: Int32 = 0,
    promptDuration: Duration = .seconds(10)
  ) -> Self {
    var behavior = Self.base(retries, promptDuration)
    behavior.returnToStartAndTryAgainLater.tryAgainDelay = .init(delay)
    return behavior
  }

  private static func base(_ retries: Int32, _ promptDuration: Duration) -> Self {
    var behavior = Self()
    behavior.retryCount = retries
    behavior.promptDuration = .init(promptDuration)
    return behavior
  }
}
