import BosdynCore
import BosdynAPI

/// A compiled node: what it does, with parameters resolved, overrides applied and values and
/// formats parsed. Immutable and shared, so a node used through references is one plan (and
/// one executable node).
final class NodePlan: Sendable {
  /// Pre-order position; the NodeInfo id is this plus one.
  let index: Int
  let name: String
  let kind: Kind
  /// Children in NodeInfo order (see ``Kind`` for what each position means).
  let children: [NodePlan]

  init(index: Int, name: String, kind: Kind, children: [NodePlan]) {
    self.index = index
    self.name = name
    self.kind = kind
    self.children = children
  }

  var id: Int64 { Int64(self.index) + 1 }

  /// What a node does. Children live in ``NodePlan/children``; where a kind has several roles
  /// for them, its payload says which position plays which.
  enum Kind: Sendable {
    case sequence(alwaysRestart: Bool)
    case selector(alwaysRestart: Bool)
    case switchNode(SwitchPlan)
    case repeatNode(RepeatPlan)
    case retry(RetryPlan)
    case forDuration(ForDurationPlan)
    /// Children: primary, secondary.
    case simpleParallel(runSecondaryOnce: Bool, secondaryFirst: Bool)
    case parallelAnd(finishEveryNode: Bool)
    case sleep(SleepPlan)
    case constantResult(NodeStatus)
    case condition(ConditionPlan)
    /// Child: the subtree that sees the variables.
    case defineBlackboard([(name: String, value: ValueSource)])
    case setBlackboard([(name: String, value: ValueSource)])
    case formatBlackboard(key: String, format: TextFormat)
    case dateToBlackboard(key: String)
    /// Child (optional): run after the answer.
    case prompt(PromptPlan)
    case remoteGrpc(RemoteGrpcPlan)
    case retainLease(ServiceAddress)
    /// Child: the subtree that sees the state.
    case robotState(address: ServiceAddress, stateName: String)
    case powerRequest(address: ServiceAddress, request: Bosdyn_Api_PowerCommandRequest.Request)
    case robotCommand(address: ServiceAddress, command: Bosdyn_Api_RobotCommand)
    /// Child (optional): the text is active while it runs.
    case createMissionText(text: TextFormat, severity: Bosdyn_Api_AlertData.SeverityLevel)
    /// BosdynNavigateTo and BosdynNavigateRoute.
    case navigate(NavigatePlan)
  }
}

/// A duration written into the node or read from the blackboard when the node starts.
enum DurationSource: Sendable {
  case fixed(Duration)
  case blackboard(VariableRef)
}

struct SwitchPlan: Sendable {
  let pivot: ValueSource
  let alwaysRestart: Bool
  /// Pivot value → child position.
  let cases: [Int64: Int]
  /// Position of the default child.
  let defaultChild: Int?
}

struct RepeatPlan: Sendable {
  let maxStarts: Int32
  let counterName: String?
  let respectChildFailure: Bool
}

struct RetryPlan: Sendable {
  let maxAttempts: Int32
  let counterName: String?
}

/// Children: the child, then the timeout child when there is one.
struct ForDurationPlan: Sendable {
  let duration: DurationSource
  let timeRemainingName: String?
  let hasTimeoutChild: Bool
}

struct SleepPlan: Sendable {
  let duration: DurationSource
  let restartAfterStop: Bool
}

struct ConditionPlan: Sendable {
  enum Operand: Sendable {
    case constant(BlackboardValue)
    case variable(VariableRef, Bosdyn_Api_Mission_VariableDeclaration.TypeEnum)
  }
  let lhs: Operand
  let rhs: Operand
  let operation: Bosdyn_Api_Mission_Condition.Compare
  let staleness: Bosdyn_Api_Mission_Condition.HandleStaleness
}

struct PromptPlan: Sendable {
  enum Answers: Sendable {
    case options([Bosdyn_Api_Mission_Prompt.Option])
    case optionsInBlackboard(VariableRef)
    case customParams(Bosdyn_Api_DictParam.Spec)
    case customParamsInBlackboard(VariableRef)
  }
  enum Severity: Sendable {
    case fixed(Bosdyn_Api_AlertData.SeverityLevel)
    case blackboard(VariableRef)
  }
  let text: TextFormat
  let source: String
  let answers: Answers
  let alwaysReprompt: Bool
  let forAutonomousProcessing: Bool
  let autonomyKey: String
  let severity: Severity
  let questionNameInBlackboard: String?
  let hasChild: Bool
}

struct RemoteGrpcPlan: Sendable {
  let address: ServiceAddress
  let timeout: Duration
  let leaseResources: [String]
  let inputs: [(key: String, value: ValueSource)]
  let params: Bosdyn_Api_DictParam?
  let groupNameFormat: TextFormat?
}

/// A GraphNav navigation: to a waypoint (BosdynNavigateTo) or along a route
/// (BosdynNavigateRoute).
struct NavigatePlan: Sendable {
  enum Goal: Sendable {
    case waypoint(
      String,
      routeParams: Bosdyn_Api_GraphNav_RouteGenParams?,
      blockedBehavior: Bosdyn_Api_GraphNav_RouteFollowingParams.RouteBlockedBehavior
    )
    case route(Bosdyn_Api_GraphNav_Route, follow: Bosdyn_Api_GraphNav_RouteFollowingParams?)
  }
  let address: ServiceAddress
  let goal: Goal
  let travelParams: Bosdyn_Api_GraphNav_TravelParams?
  /// Where the last NavigationFeedbackResponse goes.
  let feedbackKey: String?
  /// Where the last NavigateTo/NavigateRoute response goes.
  let responseKey: String?
  /// A request in the blackboard whose fields the node's own fields are merged over.
  let requestKey: VariableRef?

  /// `NavigateTo 'waypoint'` or `NavigateRoute to 'waypoint'`, for failure messages.
  var description: String {
    switch self.goal {
    case .waypoint(let id, _, _): "navigation to '\(id)'"
    case .route(let route, _): "navigation along the route to '\(route.waypointID.last ?? "")'"
    }
  }
}
