import BosdynAPI
import BosdynCore
import BosdynRobot
import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A callback written with the official Python SDK, called by missions in `spot-sim` (the
/// executable, so that its graceful shutdown is the one a user gets from Ctrl+C): the RemoteGrpc
/// lifecycle the executor promises, as the callback saw it.
@Suite("Missions: a Python callback's lifecycle in spot-sim")
struct PythonCallbackLifecycleTests {
  @Test func sessionsTicksStopsAndTeardownsArriveAsPromised() async throws {
    let dataDirectory = TemporaryFiles.temporaryDirectory("mission-lifecycle")
    defer { TemporaryFiles.remove(dataDirectory) }
    let sim = try ChildProcess(
      try TestEnvironment.executable("spot-sim"),
      [
        "--port", "0", "--data-dir", dataDirectory, "--mission-tick-hz", "50",
        "--lease-retain-timeout-seconds", "120",
      ]
    )
    defer { if sim.process.isRunning { sim.signal(SIGKILL) } }
    let listening = try await sim.waitForOutput("Listening on 127.0.0.1:")
    let port = try #require(FaultPolling.port(after: "Listening on", in: listening))
    let caPath = dataDirectory + "/ca.pem"
    let callback = try await PythonCallback.start(
      robotArguments: ["--port", "\(port)", "--ca", caPath],
      name: "python-recorder"
    )
    defer { callback.process.closeStdin() }

    let running = try await withRobotConnection(
      to: RobotAddress(parsing: "127.0.0.1:\(port)"),
      configuration: .init(
        certificateAuthorityPath: caPath,
        clientName: "SwiftMissionDriver",
        callTimeout: .seconds(5),
        environment: [:]
      )
    ) { connection in
      try await connection.authenticate(username: "user", password: "password")
      return try await MissionDriver.with(connection) { driver in
        try await Self.runAndReplace(driver, callback)
        return try await Self.leaveRunning(driver, callback)
      }
    }

    // A graceful shutdown stops the running node and tears its session down.
    sim.signal(SIGTERM)
    #expect(try await sim.waitForExit() == 0, "\(sim.stderr)")
    let calls = try await callback.waitForCalls("the shutdown's teardown") {
      $0.named("TeardownSession").count == 2
    }
    let farewell = calls.filter { $0.sessionID == running }.map(\.rpc).suffix(2)
    #expect(Array(farewell) == ["Stop", "TeardownSession"], "\(calls.rpcs)")
    try await callback.stop()
  }

  /// Loads, plays to the end and replaces a mission calling the callback, checking each call.
  private static func runAndReplace(_ driver: MissionDriver, _ callback: PythonCallback)
    async throws
  {
    let loadLease = try driver.wallet.advance()
    try await driver.missions.load(Self.mission(ticks: 2), leases: [loadLease])
    // EstablishSession at load, before any Tick, with a sub-lease of the load's lease.
    let atLoad = callback.calls
    #expect(atLoad.rpcs == ["EstablishSession"])
    let establish = try #require(atLoad.first)
    let session = establish.newSessionID
    #expect(establish.clientName == "robot-mission")
    #expect(establish.declaredInputs == ["user-string"])
    #expect(establish.leases.count == 1)
    #expect(establish.leases.allSatisfy { Self.isMissionSublease($0, of: loadLease) })

    let playLease = try driver.wallet.advance()
    try await driver.play(leases: [playLease])
    #expect(try await driver.waitUntilFinished().status == .success)
    let played = try await callback.waitForCalls("the Stop after the last Tick") {
      !$0.named("Stop").isEmpty
    }
    #expect(played.rpcs == ["EstablishSession", "Tick", "Tick", "Tick", "Stop"])
    let ticks = played.named("Tick")
    #expect(ticks.map(\.status) == ["STATUS_RUNNING", "STATUS_RUNNING", "STATUS_SUCCESS"])
    for tick in ticks {
      #expect(tick.sessionID == session)
      #expect(tick.leases.count == 1)
      #expect(tick.leases.allSatisfy { Self.isMissionSublease($0, of: playLease) }, "\(tick)")
      #expect(tick.inputs["user-string"] as? [String: String] == ["stringValue": "Node 1"])
      #expect("\(tick.params)".contains("ticks"), "\(tick.params)")
      #expect(tick.groupName == "patrol-north")
    }
    let stop = try #require(played.named("Stop").first)
    #expect(stop.sessionID == session)
    #expect(stop.time >= ticks.last?.time ?? .infinity)

    // Replaced by another load: the session is torn down, once.
    try await driver.missions.load(MissionTrees.succeed())
    let replaced = try await callback.waitForCalls("the teardown of the replaced mission") {
      !$0.named("TeardownSession").isEmpty
    }
    #expect(replaced.rpcs.last == "TeardownSession")
    #expect(replaced.named("TeardownSession").map(\.sessionID) == [session])
    #expect(replaced.last?.status == "STATUS_OK")
  }

  /// Loads and plays a mission whose callback answers RUNNING for ever; returns its session.
  private static func leaveRunning(_ driver: MissionDriver, _ callback: PythonCallback)
    async throws -> String
  {
    try await driver.missions.load(Self.mission(ticks: -1))
    let session = try #require(callback.calls.named("EstablishSession").last?.newSessionID)
    try await driver.play()
    try await callback.waitForCalls("a tick of the second session") {
      $0.contains { $0.rpc == "Tick" && $0.sessionID == session }
    }
    return session
  }

  /// Defines `site` and calls the recording callback with the body lease, the `user-string`
  /// input Autowalk gives, a `ticks` param and a group name formatted from the blackboard.
  private static func mission(ticks: Int64) -> Bosdyn_Api_Mission_Node {
    var site = Bosdyn_Api_Mission_KeyValue()
    site.key = "site"
    site.value.constant.stringValue = "north"
    return MissionTrees.node("Vars") {
      $0.defineBlackboard.blackboardVariables = [site]
      $0.defineBlackboard.child = MissionTrees.callback(
        "Record",
        service: "python-recorder",
        leaseResources: ["body"],
        inputs: [.constant("user-string", string: "Node 1")],
        params: MissionTrees.intParams(["ticks": ticks]),
        groupNameFormat: "patrol-{site}"
      )
    }
  }

  /// Whether `lease` is what the mission service hands a callback for `parent`: one level
  /// below it, with its own name appended.
  private static func isMissionSublease(_ lease: Bosdyn_Api_Lease, of parent: Bosdyn_Api_Lease)
    -> Bool
  {
    lease.isSublease(of: parent) && lease.sequence.count == parent.sequence.count + 1
      && lease.clientNames == parent.clientNames + ["robot-mission"]
  }
}
