import BosdynCore
import BosdynAPI
import ServiceCustomization
import SwiftProtobuf

extension TreeBuilder {
  /// Checks a node's own fields and compiles them into its kind. Children were built already.
  static func kind(
    of message: any SwiftProtobuf.Message,
    scope: ParameterScope
  ) throws(CompileFailure) -> NodePlan.Kind {
    switch message {
    case let node as Bosdyn_Api_Mission_Sequence:
      return .sequence(alwaysRestart: node.alwaysRestart)
    case let node as Bosdyn_Api_Mission_Selector:
      return .selector(alwaysRestart: node.alwaysRestart)
    case let node as Bosdyn_Api_Mission_ParallelAnd:
      return .parallelAnd(finishEveryNode: node.finishEveryNode)
    case let node as Bosdyn_Api_Mission_Switch:
      return .switchNode(try Self.switchPlan(node, scope))
    case let node as Bosdyn_Api_Mission_Repeat:
      guard node.hasChild else { throw CompileFailure("Repeat needs a child") }
      guard node.maxStarts >= 0 else {
        throw CompileFailure("max_starts must not be negative (is \(node.maxStarts))")
      }
      return .repeatNode(
        RepeatPlan(
          maxStarts: node.maxStarts,
          counterName: node.startCounterStateName.nonEmpty,
          respectChildFailure: node.respectChildFailure
        )
      )
    case let node as Bosdyn_Api_Mission_Retry:
      guard node.hasChild else { throw CompileFailure("Retry needs a child") }
      guard node.maxAttempts >= 0 else {
        throw CompileFailure("max_attempts must not be negative (is \(node.maxAttempts))")
      }
      return .retry(
        RetryPlan(
          maxAttempts: node.maxAttempts,
          counterName: node.attemptCounterStateName.nonEmpty
        )
      )
    case let node as Bosdyn_Api_Mission_ForDuration:
      guard node.hasChild else { throw CompileFailure("ForDuration needs a child") }
      let duration: DurationSource
      switch node.durationType {
      case .duration(let value):
        duration = .fixed(try Self.duration(value, what: "duration"))
      case .durationNameInBlackboard(let name) where !name.isEmpty:
        duration = .blackboard(VariableRef(name))
      case .durationNameInBlackboard, .none:
        throw CompileFailure("ForDuration needs a duration or duration_name_in_blackboard")
      }
      return .forDuration(
        ForDurationPlan(
          duration: duration,
          timeRemainingName: node.timeRemainingName.nonEmpty,
          hasTimeoutChild: node.hasTimeoutChild
        )
      )
    case let node as Bosdyn_Api_Mission_SimpleParallel:
      guard node.hasPrimary, node.hasSecondary else {
        throw CompileFailure("SimpleParallel needs a primary and a secondary")
      }
      return .simpleParallel(
        runSecondaryOnce: node.runSecondaryNodeOnce,
        secondaryFirst: node.tickSecondaryNodeFirst
      )
    case let node as Bosdyn_Api_Mission_Sleep:
      let duration: DurationSource
      switch node.duration {
      case .seconds(let seconds):
        guard seconds.isFinite, seconds >= 0 else {
          throw CompileFailure("seconds must be a finite, non-negative number (is \(seconds))")
        }
        duration = .fixed(Self.duration(seconds: seconds))
      case .durationNameInBlackboard(let name) where !name.isEmpty:
        duration = .blackboard(VariableRef(name))
      case .durationNameInBlackboard, .none:
        duration = .fixed(.zero)
      }
      return .sleep(SleepPlan(duration: duration, restartAfterStop: node.restartAfterStop))
    case let node as Bosdyn_Api_Mission_ConstantResult:
      switch node.result {
      case .success: return .constantResult(.success)
      case .failure: return .constantResult(.failure)
      case .running: return .constantResult(.running)
      case .error: return .constantResult(.error)
      case .unknown, .UNRECOGNIZED:
        throw CompileFailure("ConstantResult needs a result (RESULT_UNKNOWN is not one)")
      }
    case let node as Bosdyn_Api_Mission_Condition:
      return .condition(try Self.conditionPlan(node))
    case let node as Bosdyn_Api_Mission_DefineBlackboard:
      guard node.hasChild else { throw CompileFailure("DefineBlackboard needs a child") }
      return .defineBlackboard(try Self.variables(node.blackboardVariables, scope))
    case let node as Bosdyn_Api_Mission_SetBlackboard:
      return .setBlackboard(try Self.variables(node.blackboardVariables, scope))
    case let node as Bosdyn_Api_Mission_FormatBlackboard:
      guard !node.key.isEmpty else { throw CompileFailure("FormatBlackboard needs a key") }
      return .formatBlackboard(key: node.key, format: try Self.format(node.format))
    case let node as Bosdyn_Api_Mission_DateToBlackboard:
      guard !node.key.isEmpty else { throw CompileFailure("DateToBlackboard needs a key") }
      return .dateToBlackboard(key: node.key)
    case let node as Bosdyn_Api_Mission_Prompt:
      return .prompt(try Self.promptPlan(node))
    case let node as Bosdyn_Api_Mission_RemoteGrpc:
      return .remoteGrpc(try Self.remoteGrpcPlan(node, scope))
    case let node as Bosdyn_Api_Mission_RetainLease:
      return .retainLease(ServiceAddress(name: node.serviceName, host: node.host))
    case let node as Bosdyn_Api_Mission_BosdynRobotState:
      guard node.hasChild else { throw CompileFailure("BosdynRobotState needs a child") }
      guard !node.stateName.isEmpty else {
        throw CompileFailure("BosdynRobotState needs a state_name")
      }
      return .robotState(
        address: ServiceAddress(name: node.serviceName, host: node.host),
        stateName: node.stateName
      )
    case let node as Bosdyn_Api_Mission_BosdynPowerRequest:
      guard node.request != .unknown else {
        throw CompileFailure("BosdynPowerRequest needs a request (REQUEST_UNKNOWN is not one)")
      }
      return .powerRequest(
        address: ServiceAddress(name: node.serviceName, host: node.host),
        request: node.request
      )
    case let node as Bosdyn_Api_Mission_BosdynRobotCommand:
      guard node.hasCommand else { throw CompileFailure("BosdynRobotCommand needs a command") }
      return .robotCommand(
        address: ServiceAddress(name: node.serviceName, host: node.host),
        command: node.command
      )
    case let node as Bosdyn_Api_Mission_CreateMissionText:
      return .createMissionText(
        text: try Self.format(node.missionText),
        severity: node.severity
      )
    case let node as Bosdyn_Api_Mission_BosdynNavigateTo:
      guard !node.destinationWaypointID.isEmpty || !node.navigateToRequestBlackboardKey.isEmpty
      else {
        throw CompileFailure("BosdynNavigateTo needs a destination_waypoint_id")
      }
      return .navigate(
        NavigatePlan(
          address: Self.graphNavAddress(node.serviceName, node.host),
          goal: .waypoint(
            node.destinationWaypointID,
            routeParams: node.hasRouteGenParams ? node.routeGenParams : nil,
            blockedBehavior: node.routeBlockedBehavior
          ),
          travelParams: node.hasTravelParams ? node.travelParams : nil,
          feedbackKey: node.navigationFeedbackResponseBlackboardKey.nonEmpty,
          responseKey: node.navigateToResponseBlackboardKey.nonEmpty,
          requestKey: node.navigateToRequestBlackboardKey.nonEmpty.map(VariableRef.init)
        )
      )
    case let node as Bosdyn_Api_Mission_BosdynNavigateRoute:
      if node.navigateRouteRequestBlackboardKey.isEmpty {
        guard !node.route.waypointID.isEmpty else {
          throw CompileFailure("BosdynNavigateRoute needs a route with at least one waypoint")
        }
        guard node.route.edgeID.count == node.route.waypointID.count - 1 else {
          throw CompileFailure(
            "the route has \(node.route.waypointID.count) waypoints and "
              + "\(node.route.edgeID.count) edges; it needs one edge fewer than waypoints"
          )
        }
      }
      return .navigate(
        NavigatePlan(
          address: Self.graphNavAddress(node.serviceName, node.host),
          goal: .route(
            node.route,
            follow: node.hasRouteFollowParams ? node.routeFollowParams : nil
          ),
          travelParams: node.hasTravelParams ? node.travelParams : nil,
          feedbackKey: node.navigationFeedbackResponseBlackboardKey.nonEmpty,
          responseKey: node.navigateRouteResponseBlackboardKey.nonEmpty,
          requestKey: node.navigateRouteRequestBlackboardKey.nonEmpty.map(VariableRef.init)
        )
      )
    default:
      throw CompileFailure("node type \(Swift.type(of: message).protoMessageName) is not supported")
    }
  }

  private static func switchPlan(
    _ node: Bosdyn_Api_Mission_Switch,
    _ scope: ParameterScope
  ) throws(CompileFailure) -> SwitchPlan {
    guard node.hasPivotValue else { throw CompileFailure("Switch needs a pivot_value") }
    let pivot = try scope.compile(node.pivotValue, what: "pivot_value")
    if case .constant(let value) = pivot, value.type != .int {
      throw CompileFailure("pivot_value must be an int, is a \(value.typeDescription)")
    }
    guard !node.intChildren.isEmpty || node.hasDefaultChild else {
      throw CompileFailure("Switch needs int_children or a default_child")
    }
    var cases: [Int64: Int] = [:]
    for (position, key) in node.intChildren.keys.sorted().enumerated() {
      cases[Int64(key)] = position
    }
    return SwitchPlan(
      pivot: pivot,
      alwaysRestart: node.alwaysRestart,
      cases: cases,
      defaultChild: node.hasDefaultChild ? node.intChildren.count : nil
    )
  }

  private static func conditionPlan(_ node: Bosdyn_Api_Mission_Condition) throws(CompileFailure)
    -> ConditionPlan
  {
    func operand(_ operand: Bosdyn_Api_Mission_Condition.Operand, _ side: String)
      throws(CompileFailure) -> ConditionPlan.Operand
    {
      switch operand.type {
      case .var(let declaration):
        guard !declaration.name.isEmpty else {
          throw CompileFailure("Condition \(side): the variable has no name")
        }
        return .variable(VariableRef(declaration.name), declaration.type)
      case .const(let constant):
        guard let value = BlackboardValue(constant) else {
          throw CompileFailure("Condition \(side): the constant holds no value")
        }
        return .constant(value)
      case .none:
        throw CompileFailure("Condition needs an \(side) operand")
      }
    }
    switch node.operation {
    case .eq, .ne, .lt, .gt, .le, .ge: break
    case .unknown, .UNRECOGNIZED:
      throw CompileFailure("Condition needs an operation (COMPARE_UNKNOWN is not one)")
    }
    return ConditionPlan(
      lhs: try operand(node.lhs, "lhs"),
      rhs: try operand(node.rhs, "rhs"),
      operation: node.operation,
      staleness: node.handleStaleness
    )
  }

  private static func variables(
    _ variables: [Bosdyn_Api_Mission_KeyValue],
    _ scope: ParameterScope
  ) throws(CompileFailure) -> [(name: String, value: ValueSource)] {
    var compiled: [(name: String, value: ValueSource)] = []
    for variable in variables {
      guard !variable.key.isEmpty else {
        throw CompileFailure("a blackboard_variables entry has no key")
      }
      compiled.append(
        (variable.key, try scope.compile(variable.value, what: "variable '\(variable.key)'"))
      )
    }
    return compiled
  }

  private static func promptPlan(_ node: Bosdyn_Api_Mission_Prompt) throws(CompileFailure)
    -> PromptPlan
  {
    let answers: PromptPlan.Answers
    switch node.answerSpec {
    case .optionsList(let list):
      answers = .options(list.options)
    case .optionsListInBlackboard(let name) where !name.isEmpty:
      answers = .optionsInBlackboard(VariableRef(name))
    case .customParams(let spec):
      do {
        try DictSpec(proto: spec).validate()
      } catch {
        throw CompileFailure("custom_params is not a valid spec: \(error)")
      }
      answers = .customParams(spec)
    case .customParamsInBlackboard(let name) where !name.isEmpty:
      answers = .customParamsInBlackboard(VariableRef(name))
    case .optionsListInBlackboard, .customParamsInBlackboard, .none:
      answers = .options(node.options)
    }
    if case .options(let options) = answers {
      guard !options.isEmpty else {
        throw CompileFailure(
          "Prompt needs options_list, options, custom_params or one of their blackboard keys"
        )
      }
      let codes = options.map(\.answerCode)
      guard Set(codes).count == codes.count else {
        throw CompileFailure("Prompt options repeat an answer_code")
      }
    }
    let severity: PromptPlan.Severity
    switch node.severitySpec {
    case .severityInBlackboard(let name) where !name.isEmpty:
      severity = .blackboard(VariableRef(name))
    case .severity(let level): severity = .fixed(level)
    case .severityInBlackboard, .none: severity = .fixed(.unknown)
    }
    return PromptPlan(
      text: try Self.format(node.text),
      source: node.source,
      answers: answers,
      alwaysReprompt: node.alwaysReprompt,
      forAutonomousProcessing: node.forAutonomousProcessing,
      autonomyKey: node.autonomyKey,
      severity: severity,
      questionNameInBlackboard: node.questionNameInBlackboard.nonEmpty,
      hasChild: node.hasChild
    )
  }

  private static func remoteGrpcPlan(
    _ node: Bosdyn_Api_Mission_RemoteGrpc,
    _ scope: ParameterScope
  ) throws(CompileFailure) -> RemoteGrpcPlan {
    guard !node.serviceName.isEmpty else { throw CompileFailure("RemoteGrpc needs a service_name") }
    guard node.timeout.isFinite, node.timeout >= 0 else {
      throw CompileFailure("timeout must be a finite, non-negative number (is \(node.timeout))")
    }
    var inputs: [(key: String, value: ValueSource)] = []
    for input in node.inputs {
      guard !input.key.isEmpty else { throw CompileFailure("an inputs entry has no key") }
      inputs.append((input.key, try scope.compile(input.value, what: "input '\(input.key)'")))
    }
    return RemoteGrpcPlan(
      address: ServiceAddress(name: node.serviceName, host: node.host),
      timeout: node.timeout == 0 ? .seconds(60) : Self.duration(seconds: node.timeout),
      leaseResources: node.leaseResources,
      inputs: inputs,
      params: node.hasParams ? node.params : nil,
      groupNameFormat: node.groupNameFormat.isEmpty ? nil : try Self.format(node.groupNameFormat)
    )
  }

  /// A navigation node's GraphNav service. **Choice:** an empty `service_name` means the
  /// robot's `graph-nav-service`, as every Autowalk mission names it.
  private static func graphNavAddress(_ name: String, _ host: String) -> ServiceAddress {
    ServiceAddress(name: name.isEmpty ? "graph-nav-service" : name, host: host)
  }

  private static func format(_ text: String) throws(CompileFailure) -> TextFormat {
    do {
      return try TextFormat(text)
    } catch {
      throw CompileFailure(error.message)
    }
  }

  /// A duration from float seconds, rounded to the microsecond: a float cannot hold 0.3
  /// exactly, and without rounding a 0.3 s sleep would last one tick longer than written.
  private static func duration(seconds: Float) -> Duration {
    .microseconds(Int64((Double(seconds) * 1e6).rounded()))
  }

  private static func duration(_ value: Google_Protobuf_Duration, what: String)
    throws(CompileFailure) -> Duration
  {
    let duration = Duration.seconds(value.seconds) + .nanoseconds(Int64(value.nanos))
    guard duration >= .zero else {
      throw CompileFailure("\(what) must not be negative")
    }
    return duration
  }
}

extension String {
  /// `nil` for the empty string, which proto3 uses for "not set".
  var nonEmpty: String? { self.isEmpty ? nil : self }
}
