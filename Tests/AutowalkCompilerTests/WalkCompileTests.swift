import AutowalkCompiler
import BosdynAPI
import BosdynMission
import Foundation
import MissionExecutor
import SwiftProtobuf
import Testing

/// What the compiler refuses, warns about, and how deep (or shallow) its trees are.
@Suite("Walks compiled")
struct WalkCompileTests {
  @Test func compileErrorsNameEveryFailingElementAndTheWalkLevelProblems() throws {
    var noDestination = Bosdyn_Api_Autowalk_Element.element("No destination", at: "")
    noDestination.target.navigateTo.destinationWaypointID = ""
    var noService = Bosdyn_Api_Autowalk_Element.element("No service", at: "waypoint-1")
    noService.action.remoteGrpc.serviceName = ""
    var dance = Bosdyn_Api_Autowalk_Element.element("Dance", at: "waypoint-1")
    dance.action.executeChoreography.sequenceName = "moonwalk"
    let needsDock = Bosdyn_Api_Autowalk_Element.element(
      "Needs a dock",
      at: "waypoint-1",
      action: .callback("inspect"),
      onActionFailure: .returnToStartAndTerminate()
    )
    var negativeRetries = Bosdyn_Api_Autowalk_Element.element("Negative", at: "waypoint-1")
    negativeRetries.targetFailureBehavior.retryCount = -1
    var walk = Bosdyn_Api_Autowalk_Walk.walk(
      "Broken",
      elements: [
        noDestination, .element("Fine", at: "waypoint-1"), noService, dance, needsDock,
        negativeRetries,
      ],
      postMissionCallbacks: [.callback("")]
    )
    walk.playbackMode = .periodically(every: .seconds(1), repetitions: -1)
    let error = try #require(throws: AutowalkCompileError.self) {
      try AutowalkCompiler().compile(walk)
    }
    #expect(error.failedElements.keys.sorted() == [0, 2, 3, 4, 5])
    #expect(
      error.failedElements[0]?.errors == ["the target's navigate_to has no destination_waypoint_id"]
    )
    #expect(error.failedElements[2]?.errors == ["the remote_grpc action has no service_name"])
    #expect(error.failedElements[3]?.errors.first?.contains("choreography") == true)
    let dock = try #require(error.failedElements[4]?.errors.first)
    #expect(dock.contains("return_to_start_and_terminate needs a dock"), "\(dock)")
    #expect(error.failedElements[5]?.errors.first?.contains("retry_count") == true)
    #expect(error.failedNodes.map(\.name).contains("Playback mode"))
    #expect(error.failedNodes.contains { $0.name.hasPrefix("Post-mission callback 1") })
  }

  @Test func warningsRecordTheCompilersChangesAndCanBeErrors() throws {
    let walk = Bosdyn_Api_Autowalk_Walk.walk(
      "Quick",
      elements: [
        .element(
          "Hasty",
          at: "waypoint-1",
          action: .callback("inspect"),
          onActionFailure: .proceedIfAble(promptDuration: .seconds(3))
        )
      ]
    )
    let compiled = try AutowalkCompiler().compile(walk)
    #expect(compiled.warnings[0]?.errors.isEmpty == true)
    #expect(
      compiled.warnings[0]?.warnings == [
        "prompt_duration 3.0 s was raised to the minimum of 10.0 s"
      ]
    )
    let error = try #require(throws: AutowalkCompileError.self) {
      try AutowalkCompiler().compile(walk, treatWarningsAsErrors: true)
    }
    #expect(error.failedElements[0]?.errors.first?.contains("raised to the minimum") == true)
  }

  @Test func aThousandElementWalkIsNoDeeperThanOneAndParsesWithinProtobufsDefaultLimit()
    throws
  {
    let elements = (1...1000).map { index in
      Bosdyn_Api_Autowalk_Element.element(
        "Gauge \(index)",
        at: "waypoint-\(index)",
        action: .callback("inspect", parameters: ["index": .int(Int64(index))]),
        onActionFailure: .safePowerOff(retries: 1)
      )
    }
    let one = try AutowalkCompiler().compile(.walk("One", elements: [elements[0]]))
    let started = ContinuousClock.now
    let thousand = try AutowalkCompiler().compile(.walk("Thousand", elements: elements))
    let took = ContinuousClock.now - started
    print("Compiling a 1 000-element walk took \(took)")
    #expect(Self.depth(thousand.root) == Self.depth(one.root))
    #expect(Self.depth(thousand.root) <= 25, "\(Self.depth(thousand.root)) levels")

    // What a Python client parses: a CompileAutowalkResponse holding the tree, with
    // protobuf's default nesting limit of 100 messages (SwiftProtobuf's default too).
    var response = Bosdyn_Api_Autowalk_CompileAutowalkResponse()
    response.root = thousand.root
    let bytes: [UInt8] = try response.serializedBytes()
    let parsed = try Bosdyn_Api_Autowalk_CompileAutowalkResponse(serializedBytes: bytes)
    #expect(parsed.root.defineBlackboard.child.name == thousand.root.defineBlackboard.child.name)
    let mission = try MissionCompiler().compile(thousand.root)
    #expect(mission.nodeCount > 1000 * 20)
  }

  @Test func everyCompiledWalkCompilesWithTheMissionExecutor() throws {
    let walk = Bosdyn_Api_Autowalk_Walk.walk(
      "Everything",
      playback: .periodically(every: .seconds(60), repetitions: 0),
      elements: [
        .element("Callback", at: "waypoint-1", action: .callback("inspect")),
        .element("Sleep", at: "waypoint-2", action: .sleep(.seconds(2))),
        .element(
          "Capture",
          at: "waypoint-3",
          action: .dataAcquisition(.init()),
          onNavigationFailure: .returnToStartAndTryAgainLater()
        ),
        .element(
          "Node",
          at: "waypoint-1",
          action: .node(.sleep("Own sleep", seconds: 1)),
          onActionFailure: .returnToStartAndTerminate()
        ),
      ],
      docks: [.dock(520, prepWaypoint: "waypoint-0")],
      postMissionCallbacks: [.callback("upload")]
    )
    let compiled = try AutowalkCompiler().compile(walk)
    _ = try MissionCompiler().compile(compiled.root)
    #expect(compiled.dockingNode == "docking")
    #expect(
      compiled.elements.map { $0?.callbackNode } == ["Callback: callback inspect", nil, nil, nil]
    )
  }

  /// The tree's depth in nodes (references are not used by the compiler).
  static func depth(_ node: Bosdyn_Api_Mission_Node) -> Int {
    1 + (node.children.map(Self.depth).max() ?? 0)
  }
}
