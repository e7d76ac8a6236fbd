import AutowalkCompiler
import BosdynAPI
import BosdynCore
import BosdynMission
import BosdynMissionTesting
import ExampleServicers
import Foundation
import HTTPTypes
import HummingbirdTesting
import MissionExecutor
import NIOCore
import SpotSimulator
import SwiftProtobuf
import Synchronization
import TestSupport
import Testing

@testable import SpotConsole

@Suite("Walks composed from callbacks and questions, played as missions")
struct WalkTests {
  static let helloValues = [
    ("who", "Scout"), ("toggle_key", "toggle_key_enable"),
    ("toggle_key/toggle_key_enable/toggle_enable_value_key", "2"),
  ]

  @Test func actionsAreCheckedBeforeTheyJoinTheWalkAndAnEmptyWalkDoesNotPlay() async throws {
    try await ConsoleRig.with { rig in
      let servicer = try HelloWorldServicer(logger: TestLogging.logger("hello"))
      try await rig.withCallback(servicer) { browser in

        let empty = try await rig.post("/walks/play", [], as: browser)
        #expect(empty.headers[.location] == "/walks")
        #expect(
          try await rig.get("/walks", as: browser).text.contains("The walk has no actions yet.")
        )
        #expect(rig.robot.robot.missions.state().missionID == -1, "nothing was loaded")

        let tooMany = try await rig.post(
          "/callbacks/hello-world-callback/add-to-walk",
          [
            ("toggle_key", "toggle_key_enable"),
            ("toggle_key/toggle_key_enable/toggle_enable_value_key", "5000"),
          ],
          as: browser
        )
        #expect(tooMany.status == .unprocessableContent)
        #expect(tooMany.text.contains("Value 5000 above max_bound 1337"), "\(tooMany.text)")
        #expect(tooMany.text.contains(#"<details class="more" open>"#), "the collapsed field opens")
        let noQuestion = try await rig.post(
          "/walks/questions",
          [("text", "Go?"), ("options", " , ")],
          as: browser
        )
        #expect(noQuestion.headers[.location] == "/walks")
        let page = try await rig.get("/walks", as: browser).text
        #expect(page.contains("A question needs its text and at least one answer."))
        #expect(page.contains(#"id="walk-empty">"#), "the walk is still empty")

        let forged = try await rig.post("/walks/play", [], as: browser, csrf: false)
        #expect(forged.status == .forbidden)
        let signedOut = try await rig.get("/walks", as: ConsoleRig.Browser())
        #expect(signedOut.status == .seeOther)
      }
    }
  }

  @Test func aWalkPlaysItsCallbackAsksItsQuestionAndReturnsTheLease() async throws {
    try await ConsoleRig.with { rig in
      let (logger, log) = TestLogging.capturing("hello")
      let servicer = try HelloWorldServicer(
        logger: logger,
        spec: HelloWorldServicer.spec(helloOptions: ["World", "Everyone", "Scout"])
      )
      try await rig.withCallback(servicer) { browser in
        let added = try await rig.post(
          "/callbacks/hello-world-callback/add-to-walk",
          Self.helloValues,
          as: browser
        )
        #expect(added.headers[.location] == "/walks", "\(added.text)")
        _ = try await rig.post(
          "/walks/questions",
          [("text", "Say it again?"), ("options", "Yes, No")],
          as: browser
        )
        let composed = try await rig.get("/walks", as: browser).text
        #expect(
          composed.contains(
            "toggle_key = toggle_key_enable (toggle_enable_value_key = 2) · who = &quot;Scout&quot;"
          ),
          "\(composed)"
        )
        #expect(composed.contains("Say it again?"))

        let file = try await rig.get("/walks/walk-mission.pb", as: browser)
        #expect(file.headers[.contentDisposition] == #"attachment; filename="walk-mission.pb""#)
        let saved = try Bosdyn_Api_Mission_Node(serializedBytes: Data(file.body.readableBytesView))
        #expect(saved.sequence.children.map(\.name) == ["1. hello-world-callback", "2. Question"])
        #expect(saved.sequence.children[0].remoteGrpc.serviceName == "hello-world-callback")
        #expect(saved.sequence.children[1].prompt.text == "Say it again?")

        let played = try await rig.post("/walks/play", [], as: browser)
        #expect(played.headers[.location] == "/walks")
        let missions = rig.robot.robot.missions
        let question = try await eventually("the question") { missions.state().questions.first }
        #expect(question.text == "Say it again?")
        #expect(question.options.map(\.text) == ["Yes", "No"])
        let page = try await rig.get("/walks", as: browser).text
        #expect(
          page.contains(
            #"<input type="hidden" name="code" value="1"><button type="submit" class="button primary">No</button>"#
          )
        )
        #expect(page.contains("1. hello-world-callback"))
        #expect(rig.bodyLeaseHolder == "spot-console")

        let answered = try await rig.post(
          "/walks/answer",
          [("question", String(question.id)), ("code", "0")],
          as: browser
        )
        #expect(answered.headers[.location] == "/walks")
        _ = try await eventually("the walk's end") {
          missions.state().status == .success ? true : nil
        }
        let done = try await rig.get("/walks", as: browser).text
        #expect(done.contains(#"id="walk-status" data-tone="ok">Success</span>"#), "\(done)")
        #expect(log.count(containing: "Hello Scout!") == 3)
        #expect(
          done.contains(
            #/1\. hello-world-callback</span><span class="node-ticks">\d+ ticks?</span>/#
          ),
          "how many mission ticks reached the callback's node"
        )
        // The timeline: every call the mission service made to the callback, in order.
        let timeline = rig.console.walk.snapshot().timeline
        #expect(timeline.first?.rpc == "EstablishSession", "\(timeline)")
        #expect(timeline.first?.outcome == "STATUS_OK")
        let ticks = timeline.filter { $0.rpc == "Tick" }
        #expect(!ticks.isEmpty && ticks.allSatisfy { $0.service == "hello-world-callback" })
        #expect(ticks.last?.outcome == "STATUS_SUCCESS" && ticks.last?.tone == "on", "\(ticks)")
        #expect(timeline.allSatisfy { $0.at.hasPrefix("+") && $0.duration.hasSuffix(" ms") })
        #expect(
          done.contains(
            #"<span class="call-what"><strong>Tick</strong> hello-world-callback</span><span class="pill" data-tone="on">STATUS_SUCCESS</span>"#
          ),
          "\(done)"
        )
        #expect(rig.bodyLeaseHolder.isEmpty, "the lease was returned")

        // Played again: the new mission's timeline starts with its own session, without the
        // TeardownSession the replaced mission gets once the new sessions are established.
        _ = try await rig.post("/walks/play", [], as: browser)
        let calls = rig.robot.robot.callbackCalls
        _ = try await eventually("the replaced mission's teardown") {
          calls.calls().contains { $0.rpc == "TeardownSession" } ? true : nil
        }
        let replayed = rig.console.walk.snapshot().timeline
        #expect(replayed.first?.rpc == "EstablishSession", "\(replayed)")
        #expect(!replayed.contains { $0.rpc == "TeardownSession" }, "\(replayed)")
        _ = try await rig.post("/walks/stop", [], as: browser)
      }
    }
  }

  @Test func aWalkPlayedAsAutowalkWalksToEachActionsWaypoint() async throws {
    try await ConsoleRig.with { rig in
      let (logger, log) = TestLogging.capturing("hello")
      let servicer = try HelloWorldServicer(logger: logger)
      try await rig.withCallback(servicer) { browser in
        // Hello at waypoint-1, a question where the robot is, hello again at waypoint-2.
        _ = try await rig.post(
          "/callbacks/hello-world-callback/add-to-walk",
          Self.helloValues,
          as: browser
        )
        _ = try await rig.post(
          "/walks/questions",
          [("text", "Walk on?"), ("options", "Yes, No"), ("_place", "here")],
          as: browser
        )
        _ = try await rig.post(
          "/callbacks/hello-world-callback/add-to-walk",
          Self.helloValues,
          as: browser
        )
        let robot = rig.robot.robot
        #expect(!robot.body.isPoweredOn)
        let played = try await rig.post("/walks/autowalk", [], as: browser)
        #expect(played.headers[.location] == "/walks")
        var page = try await rig.get("/walks", as: browser).text
        #expect(page.contains("Playing the walk as Autowalk."), "\(page)")
        // The walk's map replaced the robot's, and the robot starts at its first waypoint.
        #expect(
          robot.graphNav.graph.waypoints.map(\.id) == ["waypoint-0", "waypoint-1", "waypoint-2"]
        )

        // The question comes after the first hello, asked at waypoint-1, with the robot
        // powered on and standing there as Autowalk's mission made it.
        let missions = robot.missions
        let question = try await eventually("the question") {
          missions.state().questions.first { $0.text == "Walk on?" }
        }
        #expect(robot.graphNav.localizedWaypoint == "waypoint-1")
        #expect(robot.body.isPoweredOn)
        #expect(log.count(containing: "Hello Scout!") == 3)
        page = try await rig.get("/walks", as: browser).text
        #expect(page.contains("1. hello-world-callback"), "\(page)")
        #expect(missions.answerQuestion(id: question.id, code: 0).status == .ok)

        _ = try await eventually("the walk's end", timeout: .seconds(60)) {
          missions.state().status == .success ? true : nil
        }
        #expect(robot.graphNav.localizedWaypoint == "waypoint-2", "walked on for the last action")
        #expect(log.count(containing: "Hello Scout!") == 6)
        let timeline = rig.console.walk.snapshot().timeline
        #expect(timeline.first?.rpc == "EstablishSession", "\(timeline)")
        #expect(rig.bodyLeaseHolder.isEmpty, "the lease was returned")
      }
    }
  }

  @Test func aWalkTheAutowalkServiceRefusesSaysWhyAndReturnsTheLease() async throws {
    try await ConsoleRig.with { rig in
      let browser = try await rig.signIn()
      // A callback that is registered when the action is added, and gone when the walk plays.
      rig.register("gone-callback", port: 1)
      #expect(
        rig.console.walk.add(
          WalkStep(.callback(name: "gone-callback", params: Bosdyn_Api_DictParam()))
        )
      )
      #expect(rig.robot.robot.registry.unregister(name: "gone-callback") == .ok)
      _ = try await rig.post("/walks/autowalk", [], as: browser)
      let page = try await rig.get("/walks", as: browser).text
      #expect(
        page.contains(
          "The Autowalk service refused the walk (STATUS_VALIDATE_ERROR): 1. gone-callback:"
        ),
        "\(page)"
      )
      #expect(rig.bodyLeaseHolder.isEmpty, "the lease was returned")
      #expect(rig.robot.robot.missions.state().status == .none, "nothing was loaded")
    }
  }

  // A regression would leave the second Play waiting on a clock nobody advances: bounded.
  @Test(.timeLimit(.minutes(1)))
  func aWalkWhoseCallbackIsSlowToEstablishKeepsItsLeaseAndPlaysOnceAtATime() async throws {
    let time = ManualTime()
    try await ConsoleRig.with(time: time) { rig in
      let callback = SlowSessionCallback(clock: time.clock, establishing: .seconds(4))
      try await rig.withCallback(callback, named: "slow-session") { browser in
        #expect(
          rig.console.walk.add(
            WalkStep(.callback(name: "slow-session", params: Bosdyn_Api_DictParam()))
          )
        )
        async let played = rig.post("/walks/play", [], as: browser)
        // Robot time moves only once the callback is inside EstablishSession (the lease's
        // retain loop sleeps on the clock too, so a sleeper alone does not say so).
        try await waitUntil("the callback establishing its session") {
          callback.establishing.hasStarted
        }
        try await time.waitForSleepers("the callback establishing its session")
        // A second Play while the first loads would take the lease it loads with.
        _ = try await rig.post("/walks/autowalk", [], as: browser)
        #expect(
          try await rig.get("/walks", as: browser).text.contains(
            "The walk is still being loaded; it plays when the load ends."
          )
        )
        // 4 s of robot time pass while the callback establishes its session: longer than
        // the robot keeps a lease nobody retains.
        try await time.advance(
          by: .seconds(6),
          inStepsOf: .milliseconds(100),
          waitingFor: "the load"
        )
        #expect(try await played.headers[.location] == "/walks")
        let page = try await rig.get("/walks", as: browser).text
        #expect(page.contains("Playing the walk."), "\(page)")
        #expect(rig.bodyLeaseHolder == "spot-console", "retained through the load")
        // And while it plays (the callback answers RUNNING), by the console's watch.
        let watcher = Task {
          await rig.console.walk.watch(clock: time.clock, interval: .milliseconds(500))
        }
        defer { watcher.cancel() }
        try await time.advance(
          by: .seconds(5),
          inStepsOf: .milliseconds(100),
          waitingFor: "the mission and the watch"
        )
        #expect(rig.bodyLeaseHolder == "spot-console", "retained while it plays")
        _ = try await rig.post("/walks/stop", [], as: browser)
        #expect(rig.bodyLeaseHolder.isEmpty)
      }
    }
  }

  @Test func aWalkHoldsAtMostItsLimitOfActionsAddedOrLoaded() async throws {
    try await ConsoleRig.with { rig in
      let browser = try await rig.signIn()
      let full = (0..<WalkPlayer.maximumSteps).map { index in
        WalkStep(.prompt(text: "Question \(index)?", options: ["Yes"]))
      }
      #expect(rig.console.walk.replace(with: full))
      _ = try await rig.post(
        "/walks/questions",
        [("text", "One too many?"), ("options", "Yes")],
        as: browser
      )
      var page = try await rig.get("/walks", as: browser).text
      #expect(page.contains("A walk holds at most 1000 actions"), "\(page.prefix(2_000))")
      #expect(rig.console.walk.steps.count == WalkPlayer.maximumSteps)

      // A mission file one action over the limit loads nothing.
      #expect(rig.console.walk.replace(with: Array(full.prefix(1))))
      let over = full + [WalkStep(.prompt(text: "Last?", options: ["Yes"]))]
      let file: Data = try over.mission(callbackTimeout: .seconds(10)).serializedBytes()
      _ = try await rig.post(
        "/walks/load",
        [("mission", file.base64EncodedString()), ("file_name", "big.pb")],
        as: browser
      )
      page = try await rig.get("/walks", as: browser).text
      #expect(page.contains("A walk holds at most 1000 actions"))
      #expect(rig.console.walk.steps.count == 1, "the walk as it was")
    }
  }

  @Test func aWalkPausesResumesAndStopsWithItsLeaseReturned() async throws {
    try await ConsoleRig.with { rig in
      let browser = try await rig.signIn()
      _ = try await rig.post(
        "/walks/questions",
        [("text", "Wait here?"), ("options", "Go")],
        as: browser
      )
      let missions = rig.robot.robot.missions

      _ = try await rig.post("/walks/play", [], as: browser)
      _ = try await eventually("the question") { missions.state().questions.first }
      #expect(rig.bodyLeaseHolder == "spot-console")
      #expect(try await rig.get("/walks", as: browser).text.contains(#"id="walk-pause">Pause"#))

      _ = try await rig.post("/walks/pause", [], as: browser)
      #expect(missions.state().status == .paused)
      var page = try await rig.get("/walks", as: browser).text
      #expect(page.contains("Paused the walk."))
      #expect(page.contains(#"id="walk-status" data-tone="neutral">Paused</span>"#), "\(page)")
      #expect(page.contains(#"id="walk-pause" disabled>"#))

      let missionID = missions.state().missionID
      _ = try await rig.post("/walks/play", [], as: browser)
      #expect(missions.state().status == .running)
      #expect(missions.state().missionID == missionID, "resumed, not reloaded")
      #expect(try await rig.get("/walks", as: browser).text.contains("Resumed the walk."))

      // Paused, then Play as Autowalk: loaded anew as Autowalk, not resumed as it was.
      _ = try await rig.post("/walks/pause", [], as: browser)
      _ = try await rig.post("/walks/autowalk", [], as: browser)
      #expect(
        try await rig.get("/walks", as: browser).text.contains("Playing the walk as Autowalk.")
      )
      #expect(missions.state().missionID != missionID, "reloaded")
      #expect(rig.bodyLeaseHolder == "spot-console")

      _ = try await rig.post("/walks/stop", [], as: browser)
      #expect(missions.state().status == .stopped)
      page = try await rig.get("/walks", as: browser).text
      #expect(page.contains("Stopped the walk."))
      #expect(page.contains(#"id="walk-stop" disabled>"#))
      #expect(rig.bodyLeaseHolder != "spot-console", "the lease was returned")
      _ = try await rig.post("/walks/stop", [], as: browser)
      #expect(try await rig.get("/walks", as: browser).text.contains("Stopped the walk."))
    }
  }

  @Test func aFinishedWalksLeaseIsReturnedWithNoPageWatching() async throws {
    try await ConsoleRig.with { rig in
      let browser = try await rig.signIn()
      _ = try await rig.post(
        "/walks/questions",
        [("text", "Done?"), ("options", "Yes")],
        as: browser
      )
      _ = try await rig.post("/walks/play", [], as: browser)
      let missions = rig.robot.robot.missions
      let question = try await eventually("the question") { missions.state().questions.first }
      #expect(rig.bodyLeaseHolder == "spot-console")
      let watcher = Task {
        await rig.console.walk.watch(
          clock: rig.robot.robot.configuration.clock,
          interval: .milliseconds(20)
        )
      }
      defer { watcher.cancel() }
      // Answered by another client (as `bosdyn mission answer` would): no console page looks.
      #expect(missions.answerQuestion(id: question.id, code: 0).status == .ok)
      _ = try await eventually("the lease returned") { rig.bodyLeaseHolder.isEmpty ? true : nil }
      #expect(missions.state().status == .success)
    }
  }

  @Test func aSavedWalkLoadsBackInPlaceOfTheActions() async throws {
    try await ConsoleRig.with { rig in
      let browser = try await rig.signIn()
      _ = try await rig.post(
        "/walks/questions",
        [("text", "A?"), ("options", "Yes, No")],
        as: browser
      )
      let file = try await rig.get("/walks/walk-mission.pb", as: browser)
      let encoded = Data(file.body.readableBytesView).base64EncodedString()
      _ = try await rig.post("/walks/questions", [("text", "B?"), ("options", "Go")], as: browser)
      #expect(try await rig.get("/walks", as: browser).text.contains("B?"))

      let loaded = try await rig.post(
        "/walks/load",
        [("mission", encoded), ("file_name", "walk-mission.pb")],
        as: browser
      )
      #expect(loaded.headers[.location] == "/walks")
      var page = try await rig.get("/walks", as: browser).text
      #expect(page.contains("Loaded 1 action from walk-mission.pb."), "\(page)")
      #expect(page.contains("A?") && page.contains("Yes · No"))
      #expect(!page.contains("B?"), "the loaded walk replaced the actions")

      let garbage = Data("not a mission".utf8).base64EncodedString()
      _ = try await rig.post(
        "/walks/load",
        [("mission", garbage), ("file_name", "notes.txt")],
        as: browser
      )
      page = try await rig.get("/walks", as: browser).text
      #expect(page.contains("notes.txt is not a walk the console saved"), "\(page)")
      #expect(page.contains("A?"), "a refused file changes nothing")
      let forged = try await rig.post(
        "/walks/load",
        [("mission", encoded)],
        as: browser,
        csrf: false
      )
      #expect(forged.status == .forbidden)
    }
  }

  @Test func aWalkSavedAsAWalkDirectoryCompilesAndOpensBack() async throws {
    try await ConsoleRig.with { rig in
      let servicer = try HelloWorldServicer(logger: TestLogging.logger("hello"))
      try await rig.withCallback(servicer) { browser in
        let walks = URL(fileURLWithPath: rig.robot.robot.configuration.dataDirectory)
          .appendingPathComponent("walks")
        let empty = try await rig.post("/walks/save", [("name", "Nothing")], as: browser)
        #expect(empty.headers[.location] == "/walks")
        #expect(
          try await rig.get("/walks", as: browser).text.contains("The walk has no actions to save.")
        )
        _ = try await rig.post(
          "/callbacks/hello-world-callback/add-to-walk",
          Self.helloValues,
          as: browser
        )
        // A place the select never offers is refused, not taken for "its own waypoint".
        for forged in ["elsewhere", "HERE", ""] {
          var values = Self.helloValues
          values.append(("_place", forged))
          let added = try await rig.post(
            "/callbacks/hello-world-callback/add-to-walk",
            values,
            as: browser
          )
          #expect(added.headers[.location] == "/callbacks/hello-world-callback")
          #expect(
            try await rig.get("/callbacks/hello-world-callback", as: browser).text.contains(
              "“Where in a walk” must be its own waypoint or where the robot is"
            )
          )
          _ = try await rig.post(
            "/walks/questions",
            [("text", "Forged?"), ("options", "Yes"), ("_place", forged)],
            as: browser
          )
          let page = try await rig.get("/walks", as: browser).text
          #expect(page.contains("nothing was added"), "\(page)")
          #expect(!page.contains("Forged?"), "\(page)")
        }
        #expect(rig.console.walk.steps.count == 1, "only the first, valid action")
        _ = try await rig.post(
          "/walks/questions",
          [("text", "Go on?"), ("options", "Yes, No"), ("_place", "here")],
          as: browser
        )
        #expect(
          try await rig.get("/walks", as: browser).text.contains(
            #"<span class="walk-step-place">stays at waypoint-1</span>"#
          ),
          "the question asks where the callback ran"
        )
        _ = try await rig.post("/walks/save", [("name", "Patrol 1")], as: browser)
        var page = try await rig.get("/walks", as: browser).text
        let directory = walks.appendingPathComponent("Patrol 1.walk")
        #expect(page.contains("Saved Patrol 1 to \(directory.path)."), "\(page)")
        #expect(page.contains(#"<option value="Patrol 1">Patrol 1</option>"#))

        // What the tablet would save: one waypoint per action, callbacks and a question.
        let saved = try WalkDirectory.read(from: directory)
        #expect(saved.walk.missionName == "Patrol 1")
        #expect(saved.graph.waypoints.map(\.id) == ["waypoint-0", "waypoint-1"])
        let elements = saved.walk.elements
        #expect(elements.map(\.name) == ["1. hello-world-callback", "2. Question"])
        #expect(
          elements.map(\.target.navigateTo.destinationWaypointID) == ["waypoint-1", "waypoint-1"]
        )
        let call = elements[0].action.remoteGrpc
        #expect(call.serviceName == "hello-world-callback")
        #expect(call.leaseResources == ["body"])
        #expect(call.parameters.values.values["who"]?.stringValue.value == "Scout")
        #expect(elements[1].action.node.prompt.optionsList.options.map(\.text) == ["Yes", "No"])
        let compiled = try AutowalkCompiler().compile(saved.walk)
        #expect(compiled.elements.count == 2)

        // Opened back in place of other actions.
        _ = try await rig.post(
          "/walks/questions",
          [("text", "Later?"), ("options", "Ok")],
          as: browser
        )
        _ = try await rig.post("/walks/open", [("name", "Patrol 1")], as: browser)
        page = try await rig.get("/walks", as: browser).text
        #expect(page.contains("Opened Patrol 1: 2 actions."), "\(page)")
        #expect(page.contains("Go on?") && !page.contains("Later?"))
        #expect(page.contains(#"<span class="walk-step-place">at waypoint-1</span>"#))
        #expect(page.contains(#"<span class="walk-step-place">stays at waypoint-1</span>"#))

        // Names that could leave the folder, and walks the console cannot show.
        for name in ["../escape", "", ".hidden", "a/b", String(repeating: "x", count: 65)] {
          _ = try await rig.post("/walks/save", [("name", name)], as: browser)
          page = try await rig.get("/walks", as: browser).text
          #expect(page.contains("A walk&#39;s name is 1 to 64 letters"), "\(name): \(page)")
        }
        #expect(
          !FileManager.default.fileExists(
            atPath: walks.appendingPathComponent("../escape.walk").path
          )
        )
        _ = try await rig.post("/walks/open", [("name", "Missing")], as: browser)
        #expect(try await rig.get("/walks", as: browser).text.contains("Missing could not be read"))
        try WalkDirectory(
          map: StraightLineMap(waypoints: 2),
          walk: .walk(
            "Nap",
            elements: [.element("Sleep", at: "waypoint-1", action: .sleep(.seconds(1)))]
          )
        ).write(to: walks.appendingPathComponent("Nap.walk"))
        _ = try await rig.post("/walks/open", [("name", "Nap")], as: browser)
        page = try await rig.get("/walks", as: browser).text
        #expect(page.contains("Nap has actions the console cannot show"), "\(page)")
        #expect(page.contains("Go on?"), "a refused walk changes nothing")
        let forged = try await rig.post(
          "/walks/save",
          [("name", "Forged")],
          as: browser,
          csrf: false
        )
        #expect(forged.status == .forbidden)
      }
    }
  }

  @Test func waypointsOfTheirOwnAreKeptThroughAWalkDirectoryAlsoForAFirstActionThatStays() throws {
    let steps = [
      WalkStep(.prompt(text: "Ready?", options: ["Yes"]), hasOwnWaypoint: false),
      WalkStep(.callback(name: "hello-world-callback", params: .init())),
      WalkStep(.callback(name: "power-off-callback", params: .init()), hasOwnWaypoint: false),
    ]
    #expect(steps.waypoints == ["waypoint-0", "waypoint-1", "waypoint-1"])
    let directory = steps.walkDirectory(name: "Stays", callbackTimeout: .seconds(5))
    #expect(directory.graph.waypoints.count == 2)
    #expect(
      directory.walk.elements.map(\.target.navigateTo.destinationWaypointID) == [
        "waypoint-0", "waypoint-1", "waypoint-1",
      ]
    )
    let back = try #require([WalkStep](walk: directory.walk))
    #expect(back.map(\.hasOwnWaypoint) == [false, true, false])
    #expect(back.map(\.action) == steps.map(\.action))
  }

  @Test func parameterValuesReadAsOneLine() {
    var params = Bosdyn_Api_DictParam()
    params.values["who"] = .with { $0.stringValue.value = "Scout" }
    params.values["count"] = .with { $0.intValue.value = 2 }
    params.values["on"] = .with { $0.boolValue.value = true }
    params.values["stops"] = .with {
      $0.listValue.values = [
        .with { $0.doubleValue.value = 1.5 }, .with { $0.doubleValue.value = 2 },
      ]
    }
    #expect(ParamsText.line(params) == #"count = 2 · on = on · stops = [1.5, 2.0] · who = "Scout""#)
    #expect(ParamsText.line(.init()) == "Default values")
  }
}

/// A callback whose EstablishSession takes `establishing` of robot time, then ticks RUNNING
/// until stopped: a walk that takes long to load.
struct SlowSessionCallback: RemoteMissionServicer {
  let clock: RobotClock
  let duration: Duration
  /// Whether EstablishSession has begun.
  let establishing = Started()

  init(clock: RobotClock, establishing duration: Duration) {
    self.clock = clock
    self.duration = duration
  }

  func establishSession(_ request: EstablishSessionRequest) async throws
    -> EstablishSessionResponse
  {
    self.establishing.mark()
    try await self.clock.sleep(for: self.duration)
    var response = EstablishSessionResponse()
    response.status = .ok
    response.sessionID = "slow"
    return response
  }

  func tick(_ request: TickRequest) async throws -> TickResponse {
    var response = TickResponse()
    response.status = .running
    return response
  }
}

/// A one-way flag a test servicer raises when a call begins.
final class Started: Sendable {
  private let started = Mutex(false)

  /// Raises the flag.
  func mark() { self.started.withLock { $0 = true } }

  /// Whether the flag is raised.
  var hasStarted: Bool { self.started.withLock { $0 } }
}
