import BosdynAPI
import BosdynMission

extension WalkTreeBuilder {
  /// The element's display name: its name, or `Element <n>` (1-based) without one.
  func displayName(_ element: Bosdyn_Api_Autowalk_Element, index: Int32) -> String {
    element.name.isEmpty ? "Element \(index + 1)" : element.name
  }

  /// One element: a Sequence of its navigation part and its action part, or `nil` (with its
  /// errors recorded) when it cannot be compiled.
  mutating func element(
    _ element: Bosdyn_Api_Autowalk_Element,
    index: Int32
  ) -> (Bosdyn_Api_Mission_Node, CompiledWalk.ElementNodes)? {
    let name = self.displayName(element, index: index)
    let errorsBefore = self.errors[index]?.count ?? 0
    var ids = CompiledWalk.ElementNodes(root: "element-\(index)")
    var parts: [Bosdyn_Api_Mission_Node] = []

    if element.hasTarget, let navigation = self.navigation(element.target, name, index: index) {
      let handled = self.handled(
        name: "\(name): navigation",
        subject: name,
        attempt: .sequence(
          "\(name): go to the target",
          [navigation, .set("\(name): target reached", [(WalkVariables.atTarget, .bool(true))])]
        ),
        behavior: element.targetFailureBehavior,
        hasBehavior: element.hasTargetFailureBehavior,
        index: index,
        part: .navigation
      )
      let id = "element-\(index)-navigation"
      ids.navigation = id
      parts.append(
        Bosdyn_Api_Mission_Node.sequence(
          "\(name): navigation",
          [.set("\(name): not at the target yet", [(WalkVariables.atTarget, .bool(false))])]
            + handled
        ).tagged(id)
      )
    }

    if !self.walk.globalParameters.skipActions,
      var attempt = self.action(element, name, index: index)
    {
      if element.hasActionDuration,
        let seconds = self.seconds(element.actionDuration, "action_duration", element: index),
        seconds > 0
      {
        attempt = .forDuration("\(name): action duration", Self.duration(seconds: seconds), attempt)
      }
      var action = Bosdyn_Api_Mission_Node.sequence(
        "\(name): action",
        self.handled(
          name: "\(name): action",
          subject: name,
          attempt: attempt,
          behavior: element.actionFailureBehavior,
          hasBehavior: element.hasActionFailureBehavior,
          index: index,
          part: .action
        )
      )
      if ids.navigation != nil {
        action = .selector(
          "\(name): action unless the target was not reached",
          [.check("\(name): target not reached", WalkVariables.atTarget, is: false), action]
        )
      }
      let id = "element-\(index)-action"
      ids.action = id
      if case .remoteGrpc(let call) = element.action.action {
        ids.callbackNode = "\(name): callback \(call.serviceName)"
      }
      parts.append(action.tagged(id))
    }

    guard (self.errors[index]?.count ?? 0) == errorsBefore else { return nil }
    return (Bosdyn_Api_Mission_Node.sequence(name, parts).tagged(ids.root), ids)
  }

  // MARK: Navigation

  /// The navigation node for `target`, shown as mission text while it runs; `nil` (with an
  /// error for element `index`, or a failed node named `name`) when the target is unusable.
  mutating func navigation(
    _ target: Bosdyn_Api_Autowalk_Target,
    _ name: String,
    index: Int32?
  ) -> Bosdyn_Api_Mission_Node? {
    let node: Bosdyn_Api_Mission_Node
    switch target.target {
    case .navigateTo(let goal):
      guard !goal.destinationWaypointID.isEmpty else {
        self.report(index, name, "the target's navigate_to has no destination_waypoint_id")
        return nil
      }
      if goal.hasDestinationWaypointTformBodyGoal, let index {
        self.warn(
          index,
          "destination_waypoint_tform_body_goal is ignored: the robot stops at the waypoint"
        )
      }
      node = .named("\(name): navigate to \(goal.destinationWaypointID)") {
        $0.bosdynNavigateTo.serviceName = self.configuration.graphNavServiceName
        $0.bosdynNavigateTo.host = "localhost"
        $0.bosdynNavigateTo.destinationWaypointID = goal.destinationWaypointID
        if goal.hasTravelParams { $0.bosdynNavigateTo.travelParams = goal.travelParams }
      }
    case .navigateRoute(let goal):
      let route = goal.route
      guard !route.waypointID.isEmpty else {
        self.report(index, name, "the target's navigate_route has an empty route")
        return nil
      }
      guard route.edgeID.count == route.waypointID.count - 1 else {
        self.report(
          index,
          name,
          "the target's route has \(route.waypointID.count) waypoints and "
            + "\(route.edgeID.count) edges; it needs one edge fewer than waypoints"
        )
        return nil
      }
      if goal.hasDestinationWaypointTformBodyGoal, let index {
        self.warn(
          index,
          "destination_waypoint_tform_body_goal is ignored: the robot stops at the waypoint"
        )
      }
      node = .named("\(name): follow the route to \(route.waypointID[route.waypointID.count - 1])")
      {
        $0.bosdynNavigateRoute.serviceName = self.configuration.graphNavServiceName
        $0.bosdynNavigateRoute.host = "localhost"
        $0.bosdynNavigateRoute.route = route
        if goal.hasTravelParams { $0.bosdynNavigateRoute.travelParams = goal.travelParams }
      }
    case nil:
      self.report(index, name, "the target has neither navigate_to nor navigate_route")
      return nil
    }
    return .missionText(
      "\(name): navigating",
      "Navigating to \(name.formatEscaped)",
      child: node
    )
  }

  // MARK: Actions

  /// The node performing the element's action; `nil` without one (or with an error recorded).
  mutating func action(
    _ element: Bosdyn_Api_Autowalk_Element,
    _ name: String,
    index: Int32
  ) -> Bosdyn_Api_Mission_Node? {
    guard element.hasAction else { return nil }
    switch element.action.action {
    case nil:
      return nil
    case .sleep(let sleep):
      guard let seconds = self.seconds(sleep.duration, "the sleep's duration", element: index)
      else { return nil }
      return .sleep("\(name): sleep", seconds: Float(seconds))
    case .remoteGrpc(let call):
      guard !call.serviceName.isEmpty else {
        self.fail(index, "the remote_grpc action has no service_name")
        return nil
      }
      guard
        let node = self.callback(
          call,
          name: "\(name): callback \(call.serviceName)",
          userString: name,
          index: index
        )
      else { return nil }
      return .missionText("\(name): performing", "Performing \(name.formatEscaped)", child: node)
    case .dataAcquisition(let capture):
      var request = capture.acquireDataRequest
      request.actionID.actionName = name
      let captures =
        request.acquisitionRequests.imageCaptures.count
        + request.acquisitionRequests.dataCaptures.count
        + request.acquisitionRequests.networkComputeCaptures.count
      return .missionText(
        "\(name): data acquisition (simulated)",
        "Data acquisition \(name.formatEscaped): \(captures) captures requested, "
          + "simulated: nothing is captured",
        child: .constantResult("\(name): data acquisition done", .success)
      )
    case .executeChoreography:
      self.fail(
        index,
        "execute_choreography actions are not supported: choreography is not simulated"
      )
      return nil
    case .node(let node):
      guard node.type != nil else {
        self.fail(index, "the node action has no implementation")
        return nil
      }
      return node
    }
  }

  /// A RemoteGrpc node calling `call`'s service: its timeout, lease resources and parameter
  /// values, its (deprecated) inputs plus `user-string` set to `userString`, and the
  /// playback's group name.
  mutating func callback(
    _ call: Bosdyn_Api_Autowalk_Action.RemoteGrpc,
    name: String,
    userString: String,
    index: Int32?
  ) -> Bosdyn_Api_Mission_Node? {
    var timeout: Duration?
    if call.hasRpcTimeout {
      guard let seconds = self.seconds(call.rpcTimeout, "\(name): rpc_timeout", element: index)
      else { return nil }
      timeout = seconds > 0 ? Self.duration(seconds: seconds) : nil
    }
    let inputs =
      call.inputs.filter { $0.key != "user-string" }
      + [.entry("user-string", .string(userString))]
    return .remoteGrpc(
      name,
      serviceName: call.serviceName,
      timeout: timeout,
      leaseResources: call.leaseResources,
      inputs: inputs,
      params: call.hasParameters && call.parameters.hasValues ? call.parameters.values : nil,
      groupNameFormat: "{\(WalkVariables.groupName)}"
    )
  }
}
