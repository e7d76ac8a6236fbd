import BosdynAPI
import BosdynCore
import BosdynMission
import MissionExecutor
import SwiftProtobuf
import Testing

@Suite("Mission node builders")
struct MissionNodesTests {
  /// One of every builder, nested as a real mission would be.
  static let everyNode: Bosdyn_Api_Mission_Node = {
    var stand = Bosdyn_Api_RobotCommand()
    stand.synchronizedCommand.mobilityCommand.standRequest = .init()
    var shared = Bosdyn_Api_Mission_Node.sleep("Shared pause", seconds: 0.5)
    shared.referenceID = "pause"
    return .defineBlackboard(
      "Mission",
      [.entry("loops", .int(0)), .entry("who", .string("Spot"))],
      .sequence(
        "Steps",
        [
          shared,
          .reference("Pause again", to: "pause"),
          .selector("Either", [.constantResult("No", .failure), .constantResult("Yes", .success)]),
          .switch(
            "Pick",
            pivot: .constant(.int(1)),
            cases: [1: .constantResult("One", .success)],
            defaultChild: .constantResult("Other", .failure)
          ),
          .repeat("Twice", maxStarts: 2, startCounter: "loop", .constantResult("Body", .success)),
          .retry("Again", maxAttempts: 3, .constantResult("Try", .success)),
          .forDuration("Bounded", .seconds(5), .constantResult("Quick", .success)),
          .simpleParallel(
            "Beside",
            primary: .constantResult("Main", .success),
            secondary: .sleep("Side", seconds: 1)
          ),
          .parallelAnd("All", [.constantResult("A", .success), .constantResult("B", .success)]),
          .condition("Is one", .blackboard("loops", type: .int), .lt, .constant(.int(1))),
          .setBlackboard("Count", [.entry("loops", .int(1))]),
          .formatBlackboard("Greeting", key: "greeting", format: "Hello {who}"),
          .dateToBlackboard("Stamp", key: "date"),
          .missionText("Say", "{greeting}", child: .constantResult("Said", .success)),
          .prompt(
            "Ask",
            text: "Go on?",
            source: "go_on",
            options: [("Yes", 1), ("No", 0)],
            child: .constantResult("Asked", .success)
          ),
          .remoteGrpc(
            "Greet",
            serviceName: "hello-world-callback",
            timeout: .seconds(10),
            leaseResources: ["body"],
            inputs: [.constant("user-string", string: "Spot")]
          ),
          .retainLease("Keep lease"),
          .robotState("Read state", .constantResult("Seen", .success)),
          .powerRequest("Power on", .onMotors),
          .robotCommand("Stand", stand),
        ]
      )
    )
  }()

  @Test func everyBuilderMakesANodeTheExecutorCompiles() throws {
    let compiled = try MissionCompiler().compile(Self.everyNode)
    #expect(compiled.remoteServices.map(\.name) == ["hello-world-callback"])
    #expect(compiled.nodeCount > 30)
  }

  @Test func theTreeDescriptionListsEveryNodeIndentedByDepth() {
    let lines = Self.everyNode.treeDescription.split(separator: "\n")
    #expect(lines.first == "Mission (DefineBlackboard)")
    #expect(lines.contains("  Steps (Sequence)"))
    #expect(lines.contains("    Pause again (reference to pause)"))
    #expect(lines.contains("    Greet (RemoteGrpc)"))
    #expect(lines.contains("      Main (ConstantResult)"))
  }

  @Test func aRemoteGrpcNodeCarriesItsCallAsTheDocumentsBuildMissionWritesIt() throws {
    let node = Bosdyn_Api_Mission_Node.remoteGrpc(
      "Greet",
      serviceName: "hello-world-callback",
      timeout: .milliseconds(2500),
      inputs: [.constant("user-string", string: "Spot")]
    )
    let parsed = try Bosdyn_Api_Mission_Node(serializedBytes: try node.serializedBytes() as [UInt8])
    #expect(parsed.remoteGrpc.serviceName == "hello-world-callback")
    #expect(parsed.remoteGrpc.host == "localhost")
    #expect(parsed.remoteGrpc.timeout == 2.5)
    #expect(parsed.remoteGrpc.inputs.constantString(forKey: "user-string") == "Spot")
  }
}
