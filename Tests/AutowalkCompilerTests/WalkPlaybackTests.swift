import AutowalkCompiler
import BosdynAPI
import BosdynCore
import BosdynMission
import Foundation
import MissionExecutor
import SpotSimulator
import Testing

/// Compiled walks run by the mission executor against the simulator's body and GraphNav, on a
/// test clock: what each part of a walk makes the robot do.
@Suite("Walks played")
struct WalkPlaybackTests {
  @Test func everyElementNavigatesToItsTargetThenCallsItsCallbackWithItsParameters()
    async throws
  {
    let world = WalkWorld(waypoints: 3, callbacks: ["inspect": .succeed])
    let walk = Bosdyn_Api_Autowalk_Walk.walk(
      "Tour",
      groupName: "tour",
      elements: [
        .element(
          "Gauge A",
          at: "waypoint-1",
          action: .callback("inspect", parameters: ["threshold": 3, "label": "left"])
        ),
        .element("Gauge B", at: "waypoint-2", action: .callback("inspect")),
      ]
    )
    try await world.load(walk)
    var positionsAtTicks: [Double] = []
    let status = try await world.play { stepper in
      var seen = 0
      await stepper.until {
        let ticks = world.callback("inspect").ticks.count
        if ticks > seen {
          seen = ticks
          positionsAtTicks.append(world.x)
        }
        return world.status == .success || world.status == .failure
      }
      return world.status
    }
    #expect(status == .success)
    let ticks = world.callback("inspect").ticks
    #expect(ticks.map(\.userString) == ["Gauge A", "Gauge B"])
    #expect(ticks[0].params.values["threshold"]?.intValue.value == 3)
    #expect(ticks[0].params.values["label"]?.stringValue.value == "left")
    #expect(ticks[1].params.values.isEmpty)
    #expect(positionsAtTicks.map { ($0 * 1000).rounded() / 1000 } == [1, 2], "at each waypoint")
    let group = ticks[0].groupName
    #expect(group.hasPrefix("tour_2026-05-28_"), "\(group)")
    #expect(ticks.allSatisfy { $0.groupName == group })
    #expect(world.graphNav.localizedWaypoint == "waypoint-2")
    #expect(world.body.isPoweredOn && world.body.isStanding, "the walk powered on and stood")
  }

  @Test func automaticRetriesComeBeforeAnyQuestion() async throws {
    let world = WalkWorld(callbacks: ["flaky": .failFirst(2)])
    try await world.load(
      .walk(
        "Retries",
        elements: [
          .element(
            "Flaky",
            at: "waypoint-1",
            action: .callback("flaky"),
            onActionFailure: .proceedIfAble(retries: 2)
          )
        ]
      )
    )
    var asked = false
    let status = try await world.play { stepper in
      await stepper.until {
        if world.question != nil { asked = true }
        return world.status == .success || world.status == .failure
      }
      return world.status
    }
    #expect(status == .success)
    #expect(!asked, "two retries covered two failures")
    #expect(world.callback("flaky").ticks.count == 3)
  }

  @Test func afterTheRetriesTheOperatorIsAskedAndRetryRunsTheActionAgain() async throws {
    let world = WalkWorld(callbacks: ["flaky": .failFirst(2)])
    try await world.load(
      .walk(
        "Ask",
        elements: [
          .element(
            "Flaky",
            at: "waypoint-1",
            action: .callback("flaky"),
            onActionFailure: .proceedIfAble(retries: 1, promptDuration: .seconds(30))
          )
        ]
      )
    )
    let status = try await world.play { stepper in
      let question = try #require(await stepper.untilQuestion())
      #expect(question.options.map(\.text) == ["Retry", "Skip the action", "Proceed if able"])
      #expect(question.text.contains("Flaky: its action failed"), "\(question.text)")
      #expect(question.text.contains("within 30 s: Proceed if able"), "\(question.text)")
      #expect(world.callback("flaky").ticks.count == 2, "the attempt and one retry")
      try world.answer(0)
      return await stepper.untilFinished()
    }
    #expect(status == .success)
    #expect(world.callback("flaky").ticks.count == 3)
  }

  @Test func withoutAnAnswerProceedIfAbleGoesOnToTheNextElement() async throws {
    let world = WalkWorld(callbacks: ["broken": .fail, "next": .succeed])
    try await world.load(
      .walk(
        "Proceed",
        elements: [
          .element("Broken", at: "waypoint-1", action: .callback("broken")),
          .element("Next", at: "waypoint-2", action: .callback("next")),
        ]
      )
    )
    let status = try await world.play { stepper in
      _ = try #require(await stepper.untilQuestion())
      let asked = world.robotClock.now
      await stepper.until { world.question == nil }
      #expect(world.robotClock.now - asked >= .seconds(10), "the 10 s prompt ran out")
      return await stepper.untilFinished()
    }
    #expect(status == .success)
    #expect(world.callback("broken").ticks.count == 1)
    #expect(world.callback("next").ticks.map(\.userString) == ["Next"])
  }

  @Test func safePowerOffAsTheAnswerPowersOffAndEndsTheWalk() async throws {
    let world = WalkWorld(callbacks: ["broken": .fail, "never": .succeed])
    try await world.load(
      .walk(
        "Power off",
        elements: [
          .element(
            "Broken",
            at: "waypoint-1",
            action: .callback("broken"),
            onActionFailure: .safePowerOff()
          ),
          .element("Never", at: "waypoint-2", action: .callback("never")),
        ]
      )
    )
    let status = try await world.play { stepper in
      let question = try #require(await stepper.untilQuestion())
      #expect(question.options.last?.text == "Safe power off")
      try world.answer(2)
      let status = await stepper.untilFinished()
      await stepper.until { world.body.motorPowerState == .stateOff }
      return status
    }
    #expect(status == .failure)
    #expect(world.body.motorPowerState == .stateOff)
    #expect(!world.body.isStanding)
    #expect(world.callback("never").ticks.isEmpty)
  }

  @Test func skippingANavigationSkipsTheElementsAction() async throws {
    let world = WalkWorld(callbacks: ["there": .succeed, "next": .succeed])
    try await world.load(
      .walk(
        "Skip",
        elements: [
          .element("Nowhere", at: "not-in-the-map", action: .callback("there")),
          .element("Next", at: "waypoint-1", action: .callback("next")),
        ]
      )
    )
    let status = try await world.play { stepper in
      let question = try #require(await stepper.untilQuestion())
      #expect(question.text.contains("Nowhere: could not reach its target"), "\(question.text)")
      #expect(question.options[1].text == "Skip this element")
      try world.answer(1)
      return await stepper.untilFinished()
    }
    #expect(status == .success)
    #expect(world.callback("there").ticks.isEmpty, "no action where the robot never got")
    #expect(world.callback("next").ticks.count == 1)
  }

  @Test func actionDurationBoundsAnActionThatRunsTooLong() async throws {
    let world = WalkWorld(callbacks: ["slow": .runForever])
    try await world.load(
      .walk(
        "Bounded",
        elements: [
          .element(
            "Slow",
            at: "waypoint-1",
            action: .callback("slow"),
            actionDuration: .seconds(1)
          )
        ]
      )
    )
    let status = try await world.play { stepper in
      await stepper.until { !world.callback("slow").ticks.isEmpty }
      let started = world.robotClock.now
      _ = try #require(await stepper.untilQuestion())
      let took = world.robotClock.now - started
      #expect(took >= .seconds(1) && took < .seconds(2), "\(took)")
      try world.answer(1)
      return await stepper.untilFinished()
    }
    #expect(status == .success)
  }

  @Test func returnToStartAndTerminateWalksBackToTheDockAndEndsTheWalk() async throws {
    let world = WalkWorld(callbacks: ["broken": .fail])
    try await world.load(
      .walk(
        "Return",
        elements: [
          .element(
            "Far",
            at: "waypoint-3",
            action: .callback("broken"),
            onActionFailure: .returnToStartAndTerminate()
          )
        ],
        docks: [.dock(520, prepWaypoint: "waypoint-0")]
      )
    )
    let status = try await world.play { stepper in
      _ = try #require(await stepper.untilQuestion())
      #expect(abs(world.x - 3) < 1e-6)
      try world.answer(2)
      return await stepper.untilFinished()
    }
    #expect(status == .failure)
    #expect(abs(world.x) < 1e-6, "back at the start: \(world.x)")
    #expect(world.body.isPoweredOn, "the robot stays powered at the dock")
  }

  @Test func returnToStartAndTryAgainLaterStartsTheWalkOverAfterTheDelay() async throws {
    let world = WalkWorld(callbacks: ["flaky": .failFirst(1)])
    try await world.load(
      .walk(
        "Later",
        elements: [
          .element(
            "Flaky",
            at: "waypoint-2",
            action: .callback("flaky"),
            onActionFailure: .returnToStartAndTryAgainLater(after: .seconds(60))
          )
        ],
        docks: [.dock(520, prepWaypoint: "waypoint-0")]
      )
    )
    let status = try await world.play { stepper in
      _ = try #require(await stepper.untilQuestion())
      try world.answer(2)
      await stepper.until { abs(world.x) < 1e-6 }
      let back = world.robotClock.now
      await stepper.until { world.callback("flaky").ticks.count == 2 }
      #expect(world.robotClock.now - back >= .seconds(60), "waited the delay first")
      return await stepper.untilFinished(limit: 4_000)
    }
    #expect(status == .success)
    #expect(world.callback("flaky").ticks.count == 2)
  }

  @Test func periodicPlaybackRepeatsAfterTheInterval() async throws {
    let world = WalkWorld(callbacks: ["inspect": .succeed])
    try await world.load(
      .walk(
        "Rounds",
        playback: .periodically(every: .seconds(5), repetitions: 2),
        groupName: "rounds",
        elements: [.element("Gauge", at: "waypoint-1", action: .callback("inspect"))]
      )
    )
    let status = try await world.play { stepper in
      await stepper.until { world.callback("inspect").ticks.count == 1 }
      let first = world.robotClock.now
      await stepper.until { world.callback("inspect").ticks.count == 2 }
      #expect(world.robotClock.now - first >= .seconds(5), "the interval came between")
      return await stepper.untilFinished()
    }
    #expect(status == .success)
    let groups = world.callback("inspect").ticks.map(\.groupName)
    #expect(groups.count == 2 && groups[0] != groups[1], "each playback groups apart: \(groups)")
  }

  @Test func sleepDataAcquisitionAndNodeActionsPlayWhereTheirElementsStand() async throws {
    let world = WalkWorld(waypoints: 4)
    try await world.load(
      .walk(
        "Chores",
        elements: [
          .element("Rest", at: "waypoint-1", action: .sleep(.seconds(3))),
          .element("Capture", at: "waypoint-2", action: .dataAcquisition(.init())),
          .element("Own", at: "waypoint-3", action: .node(.sleep("Own sleep", seconds: 2))),
        ]
      )
    )
    // When the body reached waypoint-1 (x = 1) and when it left it again.
    var arrived: RobotClock.Instant?
    var left: RobotClock.Instant?
    let status = try await world.play { stepper in
      await stepper.until {
        if arrived == nil, world.x > 0.99 { arrived = world.robotClock.now }
        if left == nil, world.x > 1.01 { left = world.robotClock.now }
        return world.status != .running && world.status != .none
      }
      return world.status
    }
    #expect(status == .success)
    #expect(abs(world.x - 3) < 0.01, "the walk ended at the last element's waypoint")
    let rested = try #require(left) - #require(arrived)
    #expect(rested >= .seconds(3), "the sleep held the body at waypoint-1 for \(rested)")
  }

  @Test func continuousPlaybackStartsOverWithoutEnd() async throws {
    let world = WalkWorld(callbacks: ["inspect": .succeed])
    try await world.load(
      .walk(
        "Patrol",
        playback: .continuously,
        groupName: "patrol",
        elements: [.element("Gauge", at: "waypoint-2", action: .callback("inspect"))]
      )
    )
    let started = world.robotClock.now
    let reached = try await world.play { stepper in
      await stepper.until(limit: 5_000) { world.callback("inspect").ticks.count >= 3 }
    }
    #expect(reached, "three rounds played")
    #expect(world.status == .running, "a continuous walk does not end by itself")
    let groups = world.callback("inspect").ticks.map(\.groupName)
    #expect(Set(groups).count == groups.count, "each round groups its data apart: \(groups)")
    #expect(
      world.robotClock.now - started >= .seconds(2),
      "the first round walked 2 m to its waypoint"
    )
  }

  @Test func postMissionCallbacksRunLastOneAfterAnother() async throws {
    let world = WalkWorld(
      callbacks: ["inspect": .succeed, "upload": .fail, "notify": .succeed]
    )
    try await world.load(
      .walk(
        "Report",
        elements: [
          .element("A", at: "waypoint-1", action: .callback("inspect")),
          .element("B", at: "waypoint-2", action: .callback("inspect")),
        ],
        postMissionCallbacks: [.callback("upload"), .callback("notify")]
      )
    )
    let status = try await world.play { await $0.untilFinished() }
    #expect(status == .success, "a failing post-mission callback does not fail the walk")
    #expect(
      world.journal.lines == ["inspect: A", "inspect: B", "upload: Report", "notify: Report"]
    )
  }

  @Test func skippedElementsAndSkippedActionsAreLeftOut() async throws {
    let world = WalkWorld(callbacks: ["inspect": .succeed])
    var skipped = Bosdyn_Api_Autowalk_Element.element(
      "Skipped",
      at: "waypoint-3",
      action: .callback("inspect")
    )
    skipped.isSkipped = true
    var walk = Bosdyn_Api_Autowalk_Walk.walk(
      "Skips",
      elements: [skipped, .element("Kept", at: "waypoint-2", action: .callback("inspect"))]
    )
    try await world.load(walk)
    #expect(try await world.play { await $0.untilFinished() } == .success)
    #expect(world.callback("inspect").ticks.map(\.userString) == ["Kept"])
    #expect(abs(world.x - 2) < 1e-6, "never went to the skipped element's waypoint")

    let second = WalkWorld(callbacks: ["inspect": .succeed])
    walk.globalParameters.skipActions = true
    try await second.load(walk)
    #expect(try await second.play { await $0.untilFinished() } == .success)
    #expect(second.callback("inspect").ticks.isEmpty)
    #expect(abs(second.x - 2) < 1e-6, "navigated all the same")
  }

  @Test func thePlayedVelocityLimitSetsTheWalkingSpeed() async throws {
    func cyclesToWalk(_ settings: Bosdyn_Api_Mission_PlaySettings) async throws -> Int {
      let world = WalkWorld()
      try await world.load(.walk("Walk", elements: [.element("End", at: "waypoint-3")]))
      return try await world.play(settings: settings) { stepper in
        await stepper.until { world.x > 0 }
        var cycles = 0
        await stepper.until {
          cycles += 1
          return abs(world.x - 3) < 1e-6
        }
        return cycles
      }
    }
    var fast = Bosdyn_Api_Mission_PlaySettings()
    fast.velocityLimit.maxVel.linear.x = 3
    let atDefault = try await cyclesToWalk(.init())
    let atThree = try await cyclesToWalk(fast)
    #expect((29...32).contains(atDefault), "3 m at 1 m/s: \(atDefault) cycles of 100 ms")
    #expect((9...12).contains(atThree), "3 m at 3 m/s: \(atThree) cycles")
  }

  @Test func elementIdentifiersNameTheNodesOfTheLoadedMission() async throws {
    let world = WalkWorld(callbacks: ["inspect": .succeed])
    var skipped = Bosdyn_Api_Autowalk_Element.element("Skipped", at: "waypoint-1")
    skipped.isSkipped = true
    let compiled = try await world.load(
      .walk(
        "Ids",
        elements: [
          .element("A", at: "waypoint-1", action: .callback("inspect")), skipped,
          .element("B", at: "waypoint-2"),
        ],
        docks: [.dock(520, prepWaypoint: "waypoint-0")]
      )
    )
    let info = try #require(world.controller.missionInfo)
    let ids = compiled.elementIdentifiers(in: info.root)
    #expect(ids.elements.count == 3)
    #expect(ids.elements[0].navigationID.userDataID == "element-0-navigation")
    #expect(ids.elements[0].navigationID.nodeID > 0)
    #expect(ids.elements[0].actionID.userDataID == "element-0-action")
    #expect(ids.elements[1] == Bosdyn_Api_Autowalk_ElementIdentifiers(), "skipped: defaults")
    #expect(ids.elements[2].actionID == Bosdyn_Api_Autowalk_NodeIdentifier(), "no action")
    #expect(ids.loop.userDataID == "loop" && ids.loop.nodeID > 0)
    #expect(ids.docking.userDataID == "docking" && ids.docking.nodeID > 0)
    let names = Self.names(info.root)
    #expect(names[ids.elements[0].actionID.nodeID] == "A: action unless the target was not reached")
  }

  static func names(_ info: Bosdyn_Api_Mission_NodeInfo) -> [Int64: String] {
    var names = [info.id: info.name]
    for child in info.children { names.merge(Self.names(child)) { first, _ in first } }
    return names
  }
}
