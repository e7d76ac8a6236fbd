import BosdynAPI
import BosdynCore
import Foundation
import MissionExecutor
import Testing

/// BosdynNavigateTo and BosdynNavigateRoute, against a scripted GraphNav.
@Suite("Navigation nodes")
struct NavigationTests {
  static func navigateTo(
    _ destination: String = "waypoint-3",
    _ configure: (inout Node) -> Void = { _ in }
  )
    -> Node
  {
    var node = Node.make("go") {
      $0.bosdynNavigateTo.serviceName = "graph-nav-service"
      $0.bosdynNavigateTo.destinationWaypointID = destination
    }
    configure(&node)
    return node
  }

  @Test func navigateToSendsACommandWithASubleaseKeepsItAliveAndSucceedsAtTheGoal()
    async throws
  {
    let graphNav = ScriptedGraphNav(feedback: [.followingRoute, .followingRoute, .reachedGoal])
    let harness = Harness(environment: graphNav)
    try await harness.run(Self.navigateTo(), leases: [.body(sequence: [4])]) {
      await $0.untilFinished(limit: 30)
    }
    #expect(harness.status == .success)
    let commands = graphNav.navigateToRequests
    let first = try #require(commands.first)
    #expect(first.destinationWaypointID == "waypoint-3")
    #expect(first.commandID == 0)
    #expect(first.leases.map(\.sequence) == [[4, 0]], "a sublease of the play lease")
    let sent = harness.controller.robotClock.instant(at: first.endTime)
    #expect(
      sent - harness.controller.robotClock.instant(atWallTime: Harness.pinnedDate) == .seconds(2)
    )
    #expect(commands.dropFirst().allSatisfy { $0.commandID == 7 }, "continuations of command 7")
    #expect(commands.count == 3, "one continuation after each FOLLOWING_ROUTE")
    #expect(graphNav.feedbackRequests == [7, 7, 7])
  }

  @Test(
    arguments: [
      (
        Bosdyn_Api_GraphNav_NavigateToResponse.Status.unknownWaypoint, [.followingRoute],
        "STATUS_UNKNOWN_WAYPOINT"
      ),
      (.ok, [.followingRoute, .stuck], "STATUS_STUCK"),
      (.ok, [.commandOverridden], "STATUS_COMMAND_OVERRIDDEN"),
    ]
      as [(
        Bosdyn_Api_GraphNav_NavigateToResponse.Status,
        [Bosdyn_Api_GraphNav_NavigationFeedbackResponse.Status], String
      )]
  )
  func refusalsAndFailingFeedbackFailTheNodeNamingTheStatus(
    _ response: Bosdyn_Api_GraphNav_NavigateToResponse.Status,
    _ feedback: [Bosdyn_Api_GraphNav_NavigationFeedbackResponse.Status],
    _ named: String
  ) async throws {
    let harness = Harness(environment: ScriptedGraphNav(response: response, feedback: feedback))
    try await harness.run(Self.navigateTo(), leases: [.body()]) {
      await $0.untilFinished(limit: 30)
    }
    #expect(harness.status == .failure)
    let error = harness.nodeStates()["go"]?.error ?? ""
    #expect(error.contains(named) && error.contains("navigation to 'waypoint-3'"), "\(error)")
  }

  @Test func commandsThatExpireAreSentAfreshAFewTimesThenTheNodeFails() async throws {
    // Expired on arrival (a slow cycle): new commands, then the node gives up.
    let refused = ScriptedGraphNav(response: .expired, feedback: [.followingRoute])
    let harness = Harness(environment: refused)
    try await harness.run(Self.navigateTo(), leases: [.body()]) {
      await $0.untilFinished(limit: 30)
    }
    #expect(harness.status == .failure)
    #expect(refused.navigateToRequests.map(\.commandID) == [0, 0, 0], "three fresh commands")
    let error = harness.nodeStates()["go"]?.error ?? ""
    #expect(error.contains("kept expiring"), "\(error)")

    // Lapsed while walking: a fresh command, and the walk goes on to the goal.
    let lapsing = ScriptedGraphNav(feedback: [.followingRoute, .commandTimedOut, .reachedGoal])
    let resumed = Harness(environment: lapsing)
    try await resumed.run(Self.navigateTo(), leases: [.body()]) {
      await $0.untilFinished(limit: 30)
    }
    #expect(resumed.status == .success)
    #expect(lapsing.navigateToRequests.map(\.commandID) == [0, 7, 0], "a continuation, then anew")
  }

  @Test func aCommandOvertakenByTheNextPlaysLeaseIsSentAgainWithIt() async throws {
    // The client played again with an advanced lease (as Boston Dynamics' replay example does
    // every second) while the command built from the old one was on its way: the robot saw
    // lease 5 first and judges the command's [4, 0] older.
    let graphNav = ScriptedGraphNav(feedback: [.reachedGoal])
    graphNav.newestLease = [5]
    let harness = Harness(environment: graphNav)
    try await harness.run(Self.navigateTo(), leases: [.body(sequence: [4])]) { stepper in
      await stepper.cycle()
      harness.controller.play(pauseAt: nil, leases: [.body(sequence: [5])])
      await stepper.untilFinished(limit: 30)
    }
    #expect(harness.status == .success, "\(harness.nodeStates()["go"]?.error ?? "")")
    #expect(graphNav.navigateToRequests.map(\.leases.first?.sequence) == [[4, 0], [5, 0]])
  }

  @Test func aLeaseTakenByAnotherClientStillFailsTheNavigation() async throws {
    // The robot's newest lease is not one the mission was given: the refusal stands.
    let graphNav = ScriptedGraphNav(feedback: [.reachedGoal])
    graphNav.newestLease = [6]
    let harness = Harness(environment: graphNav)
    try await harness.run(Self.navigateTo(), leases: [.body(sequence: [4])]) {
      await $0.untilFinished(limit: 30)
    }
    #expect(harness.status == .failure)
    #expect(graphNav.navigateToRequests.count == 1)
    let error = harness.nodeStates()["go"]?.error ?? ""
    #expect(error.contains("refused: lease STATUS_OLDER"), "\(error)")
  }

  @Test func playSettingsCapTheVelocityAndAddTheirModes() async throws {
    let graphNav = ScriptedGraphNav(feedback: [.reachedGoal])
    let harness = Harness(environment: graphNav)
    let node = Self.navigateTo {
      $0.bosdynNavigateTo.travelParams.velocityLimit.maxVel.linear.x = 2
      $0.bosdynNavigateTo.travelParams.velocityLimit.maxVel.angular = 0.5
    }
    await harness.load(node, leases: [.body()])
    var settings = Bosdyn_Api_Mission_PlaySettings()
    settings.velocityLimit.maxVel.linear.x = 1
    settings.velocityLimit.maxVel.angular = 1
    settings.pathFollowingMode = .pathModeStrict
    settings.disableAlternateRouteFinding = true
    harness.controller.play(pauseAt: nil, leases: [.body()], settings: settings)
    try await harness.cycles { await $0.untilFinished(limit: 10) }
    let travel = try #require(graphNav.navigateToRequests.first).travelParams
    #expect(travel.velocityLimit.maxVel.linear.x == 1, "the smaller speed")
    #expect(travel.velocityLimit.maxVel.angular == 0.5, "the smaller turn rate")
    #expect(travel.pathFollowingMode == .pathModeStrict)
    #expect(travel.disableAlternateRouteFinding)
  }

  @Test func aResumedNavigationSendsANewCommand() async throws {
    let graphNav = ScriptedGraphNav(feedback: [.followingRoute])
    let harness = Harness(environment: graphNav)
    try await harness.run(Self.navigateTo(), leases: [.body()]) { stepper in
      await stepper.cycle(4)
      harness.controller.pause()
      await stepper.cycle(30)
      harness.controller.play(pauseAt: nil, leases: [.body()])
      await stepper.cycle(2)
    }
    let ids = graphNav.navigateToRequests.map(\.commandID)
    #expect(ids.first == 0 && ids.last == 0 && ids.contains(7), "\(ids)")
  }

  @Test func theLastResponsesGoToTheirBlackboardVariables() async throws {
    let graphNav = ScriptedGraphNav(feedback: [.followingRoute, .reachedGoal])
    let harness = Harness(environment: graphNav)
    let mission = Node.make("define") {
      $0.defineBlackboard.blackboardVariables = [
        Self.variable("feedback"), Self.variable("response"),
      ]
      $0.defineBlackboard.child = .sequence(
        "seq",
        [
          Self.navigateTo {
            $0.bosdynNavigateTo.navigationFeedbackResponseBlackboardKey = "feedback"
            $0.bosdynNavigateTo.navigateToResponseBlackboardKey = "response"
          },
          Node.make("reached") {
            $0.condition.lhs.var.name = "feedback.status"
            $0.condition.lhs.var.type = .int
            $0.condition.rhs.const.intValue = 2
            $0.condition.operation = .eq
          },
          Node.make("command") {
            $0.condition.lhs.var.name = "response.command_id"
            $0.condition.lhs.var.type = .int
            $0.condition.rhs.const.intValue = 7
            $0.condition.operation = .eq
          },
        ]
      )
    }
    try await harness.run(mission, leases: [.body()]) { await $0.untilFinished(limit: 30) }
    #expect(harness.status == .success)
  }

  @Test func navigateRouteFollowsTheRouteAndChecksItAtCompileTime() async throws {
    let graphNav = ScriptedGraphNav(feedback: [.followingRoute, .reachedGoal])
    let harness = Harness(environment: graphNav)
    var edge = Bosdyn_Api_GraphNav_Edge.Id()
    edge.fromWaypoint = "a"
    edge.toWaypoint = "b"
    let route = Node.make("route") {
      $0.bosdynNavigateRoute.route.waypointID = ["a", "b"]
      $0.bosdynNavigateRoute.route.edgeID = [edge]
    }
    try await harness.run(route, leases: [.body()]) { await $0.untilFinished(limit: 30) }
    #expect(harness.status == .success)
    #expect(graphNav.navigateRouteRequests.first?.route.waypointID == ["a", "b"])

    let broken = Node.make("broken") { $0.bosdynNavigateRoute.route.waypointID = ["a", "b"] }
    let result = await harness.controller.load(broken)
    #expect(result.status == .compileError)
    #expect(result.failedNodes.first?.error.contains("one edge fewer than waypoints") == true)
  }

  static func variable(_ name: String) -> Bosdyn_Api_Mission_KeyValue {
    var variable = Bosdyn_Api_Mission_KeyValue()
    variable.key = name
    variable.value.constant.intValue = 0
    return variable
  }
}
