import BosdynAPI
import MissionExecutor
import SwiftProtobuf
import Testing

@Suite("Compiling mission trees")
struct MissionCompilerTests {
  private func failures(_ root: Node, maxDepth: Int = 256) -> [Bosdyn_Api_Mission_FailedNode] {
    do {
      _ = try MissionCompiler(configuration: .init(maxDepth: maxDepth)).compile(root)
      return []
    } catch {
      return error.failedNodes
    }
  }

  @Test func idsFollowPreOrderFromOneAndMissionInfoMirrorsTheTree() throws {
    var userData = Bosdyn_Api_Mission_UserData()
    userData.id = "u-1"
    var root = Node.sequence(
      "root",
      [.sequence("a", [.succeed("a1"), .succeed("a2")]), .succeed("b")]
    )
    root.userData = userData
    let compiled = try MissionCompiler().compile(root)
    let info = compiled.missionInfo(id: 7)
    #expect(info.id == 7)
    #expect(info.root.id == 1 && info.root.name == "root" && info.root.userData.id == "u-1")
    #expect(info.root.children.map(\.name) == ["a", "b"])
    #expect(info.root.children.map(\.id) == [2, 5])
    #expect(info.root.children[0].children.map(\.id) == [3, 4])
    #expect(compiled.nodeCount == 5)
  }

  @Test func nodesPackedInTheDeprecatedImplAnyCompileLikeTypedOnes() throws {
    let root = Node.sequence("root", [.succeed("a").packedInImpl, .sleep("s", seconds: 1)])
      .packedInImpl
    let compiled = try MissionCompiler().compile(root)
    #expect(compiled.rootInfo.children.map(\.name) == ["a", "s"])
  }

  @Test func anUnsupportedNodeTypeIsNamedWithItsNode() {
    let dock = Node.make("go dock") { $0.dock.dockingStationID = 520 }
    let failed = self.failures(.sequence("root", [dock]))
    #expect(failed.count == 1)
    #expect(failed.first?.name == "go dock")
    #expect(failed.first?.implTypename == "bosdyn.api.mission.Dock")
    #expect(failed.first?.error.contains("bosdyn.api.mission.Dock is not supported") == true)
  }

  @Test func anUnknownTypeInImplIsNamed() throws {
    var node = Node()
    node.name = "mystery"
    var any = Google_Protobuf_Any()
    any.typeURL = "type.googleapis.com/bosdyn.api.mission.Teleport"
    node.impl = any
    let failed = self.failures(node)
    #expect(failed.map(\.implTypename) == ["bosdyn.api.mission.Teleport"])
  }

  @Test func aNodeWithoutImplementationFails() {
    let failed = self.failures(.sequence("root", [Node.make("empty") { _ in }]))
    #expect(failed.map(\.name) == ["empty"])
    #expect(failed.first?.error.contains("no implementation") == true)
  }

  @Test func referencesReuseTheNodeAndMayPointForward() throws {
    let shared = Node.make("shared") {
      $0.referenceID = "s"
      $0.sleep.seconds = 1
    }
    let reference = Node.make("ref") { $0.nodeReference = "s" }
    let compiled = try MissionCompiler().compile(.sequence("root", [reference, shared]))
    #expect(compiled.rootInfo.children.map(\.id) == [2, 2])
    #expect(compiled.rootInfo.children.map(\.name) == ["shared", "shared"])
    #expect(compiled.nodeCount == 2)
  }

  @Test func aDanglingReferenceFails() {
    let failed = self.failures(.sequence("root", [Node.make("ref") { $0.nodeReference = "nope" }]))
    #expect(failed.map(\.name) == ["ref"])
    #expect(failed.first?.error.contains("'nope'") == true)
  }

  @Test func aCyclicReferenceFails() {
    let loop = Node.make("loop") {
      $0.referenceID = "loop"
      $0.sequence.children = [Node.make("back") { $0.nodeReference = "loop" }]
    }
    let failed = self.failures(loop)
    #expect(failed.map(\.name) == ["back"])
    #expect(failed.first?.error.contains("cyclic") == true)
  }

  @Test func aTreeDeeperThanTheLimitFailsOnceAndTheLimitIsConfigurable() throws {
    var node = Node.succeed("leaf")
    for level in 0..<300 { node = .sequence("level \(level)", [node]) }
    let failed = self.failures(node)
    #expect(failed.count == 1)
    #expect(failed.first?.error.contains("deeper than the limit of 256") == true)
    #expect(self.failures(node, maxDepth: 400).isEmpty)

    var shallow = Node.succeed("leaf")
    for level in 0..<9 { shallow = .sequence("level \(level)", [shallow]) }
    #expect(self.failures(shallow, maxDepth: 10).isEmpty)
    #expect(self.failures(shallow, maxDepth: 9).count == 1)
  }

  @Test(arguments: [
    ("repeat", Node.make("n") { $0.repeat.maxStarts = 2 }),
    ("retry", Node.make("n") { $0.retry.maxAttempts = 2 }),
    ("for duration", Node.make("n") { $0.forDuration.duration.seconds = 1 }),
    ("define", Node.make("n") { $0.defineBlackboard.blackboardVariables = [] }),
    ("robot state", Node.make("n") { $0.bosdynRobotState.stateName = "state" }),
    ("parallel", Node.make("n") { $0.simpleParallel.primary = .succeed("p") }),
  ])
  func missingRequiredChildrenFail(_ label: String, _ node: Node) {
    let failed = self.failures(node)
    #expect(failed.count == 1, "\(label)")
    #expect(failed.first?.error.contains("needs a") == true, "\(label): \(failed)")
  }

  @Test(arguments: [
    (
      "max_starts",
      Node.make("n") {
        $0.repeat.maxStarts = -1; $0.repeat.child = .succeed("c")
      }
    ),
    (
      "max_attempts",
      Node.make("n") {
        $0.retry.maxAttempts = -3; $0.retry.child = .succeed("c")
      }
    ),
    ("seconds", Node.sleep("n", seconds: -1)),
    ("seconds", Node.sleep("n", seconds: .nan)),
    ("timeout", Node.remote("n", service: "svc", timeout: -2)),
    ("needs a result", Node.constant("n", .unknown)),
    ("operation", Node.condition("n", .constant(.int(1)), .unknown, .constant(.int(1)))),
    ("unclosed", Node.format("n", key: "k", "{oops")),
    ("unsupported format spec", Node.format("n", key: "k", "{x:>10}")),
    ("service_name", Node.remote("n", service: "")),
    ("pivot_value", Node.make("n") { $0.switch.defaultChild = .succeed("d") }),
    ("options", Node.make("n") { $0.prompt.text = "?" }),
    (
      "must not be negative",
      Node.make("n") {
        $0.forDuration.duration.seconds = -5
        $0.forDuration.child = .succeed("c")
      }
    ),
  ])
  func badValuesFailWithTheField(_ field: String, _ node: Node) {
    let failed = self.failures(node)
    #expect(failed.count == 1)
    #expect(failed.first?.error.contains(field) == true, "\(failed)")
  }

  @Test func everyFailingNodeIsListedNotJustTheFirst() {
    let root = Node.sequence(
      "root",
      [
        Node.make("dock") { $0.dock.dockingStationID = 1 }, .sleep("bad sleep", seconds: -1),
        .succeed("fine"),
      ]
    )
    #expect(self.failures(root).map(\.name) == ["dock", "bad sleep"])
  }

  @Test func parametersResolveIntoValuesAndMustBeDefinedWhenDeclared() throws {
    var root = Node.define(
      "define",
      [.entry("x", .parameter("speed"))],
      child: .succeed("child")
    )
    root.parameterValues = [.entry("speed", .float(1.5))]
    _ = try MissionCompiler().compile(root)

    var undefined = Node.define("define", [.entry("x", .parameter("speed"))], child: .succeed("c"))
    undefined.parameterValues = []
    #expect(self.failures(undefined).first?.error.contains("'speed' is not defined") == true)

    var declared = Node.succeed("leaf")
    var declaration = Bosdyn_Api_Mission_VariableDeclaration()
    declaration.name = "speed"
    declaration.type = .float
    declared.parameters = [declaration]
    #expect(self.failures(declared).first?.error.contains("declared but has no value") == true)
    declared.parameterValues = [.entry("speed", .string("fast"))]
    #expect(self.failures(declared).first?.error.contains("declared") == true)
    declared.parameterValues = [.entry("speed", .int(2))]
    #expect(self.failures(declared).isEmpty)
  }

  @Test func overridesWriteFieldsByProtoNameAndRejectUnknownFields() throws {
    var sleep = Node.sleep("sleep", seconds: 1)
    sleep.overrides = [.entry("restart_after_stop", .bool(true))]
    _ = try MissionCompiler().compile(sleep)

    var unknown = Node.sleep("sleep", seconds: 1)
    unknown.overrides = [.entry("no_such_field", .int(1))]
    let failed = self.failures(unknown)
    #expect(failed.first?.error.contains("no_such_field") == true)

    var runtime = Node.sleep("sleep", seconds: 1)
    runtime.overrides = [.entry("seconds", .variable("x"))]
    #expect(self.failures(runtime).first?.error.contains("not runtime variables") == true)
  }
}
