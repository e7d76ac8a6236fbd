import BosdynAPI
import BosdynMission

extension WalkTreeBuilder {
  /// The playbacks of the walk, by `playback_mode`: one run (once, the default), `repetitions`
  /// runs with `interval` between the end of one and the start of the next (periodic; 0
  /// repetitions means without end), or runs without end (continuous). A run that fails ends
  /// the walk.
  mutating func playback(
    loop: Bosdyn_Api_Mission_Node,
    docking: Bosdyn_Api_Mission_Node?
  ) -> Bosdyn_Api_Mission_Node {
    let run = self.run(loop: loop, docking: docking)
    switch self.walk.playbackMode.mode {
    case .once, nil:
      return run
    case .periodic(let periodic):
      var repetitions = periodic.repetitions
      if repetitions < 0 {
        self.fail(node: "Playback mode", "periodic repetitions must not be negative")
        repetitions = 1
      }
      let interval =
        periodic.hasInterval
        ? self.seconds(periodic.interval, "Playback mode interval", element: nil) ?? 0 : 0
      return .repeat(
        "Periodic playback",
        maxStarts: repetitions == 0 ? Int32.max : repetitions,
        startCounter: WalkVariables.playback,
        respectChildFailure: true,
        .sequence(
          "Playback",
          [
            .selector(
              "Wait the interval after the previous playback",
              [
                .condition(
                  "First playback",
                  .blackboard(WalkVariables.playback, type: .int),
                  .eq,
                  .constant(.int(0))
                ),
                .sleep("Interval", seconds: Float(interval)),
              ]
            ),
            run,
          ]
        )
      )
    case .continuous:
      return .repeat(
        "Continuous playback",
        maxStarts: Int32.max,
        respectChildFailure: true,
        run
      )
    }
  }

  /// One run of the walk: prepare the robot, note the start time and group name, the
  /// elements, the final docking, the post-mission callbacks; then mark the walk completed.
  private mutating func run(
    loop: Bosdyn_Api_Mission_Node,
    docking: Bosdyn_Api_Mission_Node?
  ) -> Bosdyn_Api_Mission_Node {
    var steps: [Bosdyn_Api_Mission_Node] = []
    if self.configuration.preparesRobot {
      var stand = Bosdyn_Api_RobotCommand()
      stand.synchronizedCommand.mobilityCommand.standRequest = .init()
      steps.append(
        .sequence(
          "Prepare the robot",
          [
            .powerRequest(
              "Power on",
              .onMotors,
              serviceName: self.configuration.powerServiceName
            ),
            .robotCommand("Stand", stand, serviceName: self.configuration.robotCommandServiceName),
          ]
        )
      )
    }
    let group =
      self.walk.globalParameters.groupName.isEmpty
      ? self.missionName : self.walk.globalParameters.groupName
    steps.append(.dateToBlackboard("Playback start time", key: WalkVariables.startTime))
    steps.append(
      .formatBlackboard(
        "Group name",
        key: WalkVariables.groupName,
        format: "\(group.formatEscaped)_{\(WalkVariables.startTime)}"
      )
    )
    steps.append(loop)
    if let docking { steps.append(docking) }
    if let callbacks = self.postMissionCallbacks() { steps.append(callbacks) }
    steps.append(.set("Walk completed", [(WalkVariables.completed, .bool(true))]))
    return .sequence("Playback run", steps)
  }

  /// The post-mission callbacks, one after another; one that fails does not keep the next
  /// from running.
  private mutating func postMissionCallbacks() -> Bosdyn_Api_Mission_Node? {
    let callbacks = self.walk.globalParameters.postMissionCallbacks
    guard !callbacks.isEmpty else { return nil }
    var nodes: [Bosdyn_Api_Mission_Node] = []
    for (position, call) in callbacks.enumerated() {
      let name = "Post-mission callback \(position + 1): \(call.serviceName)"
      guard !call.serviceName.isEmpty else {
        self.fail(node: name, "the post-mission callback has no service_name")
        continue
      }
      guard let node = self.callback(call, name: name, userString: self.missionName, index: nil)
      else { continue }
      nodes.append(
        .selector(
          "\(name), come what may",
          [node, .constantResult("\(name) failed; the next one runs", .success)]
        )
      )
    }
    return .sequence("Post-mission callbacks", nodes)
  }

  /// The final docking: back to the first dock the walk may end on (not `disable_end`), with
  /// the dock's prompt duration and safe power off as its failure behavior. Checks every dock
  /// has a usable target.
  mutating func docking() -> Bosdyn_Api_Mission_Node? {
    for dock in self.walk.docks where !dock.hasTargetPrepPose || dock.targetPrepPose.target == nil {
      self.fail(node: "Dock \(dock.dockID)", "the dock has no target_prep_pose")
    }
    guard let dock = self.walk.docks.first(where: { !$0.disableEnd }),
      dock.hasTargetPrepPose,
      dock.targetPrepPose.target != nil
    else { return nil }
    let name = "Dock \(dock.dockID)"
    guard let navigation = self.navigation(dock.targetPrepPose, name, index: nil) else {
      return nil
    }
    var behavior = Bosdyn_Api_Autowalk_FailureBehavior()
    if dock.hasPromptDuration { behavior.promptDuration = dock.promptDuration }
    behavior.safePowerOff = .init()
    return Bosdyn_Api_Mission_Node.sequence(
      "\(name): return to the dock",
      self.handled(
        name: name,
        subject: name,
        attempt: navigation,
        behavior: behavior,
        hasBehavior: true,
        index: nil,
        part: .docking
      )
    ).tagged(Self.dockingID)
  }

  /// The playback in a loop that, after a failure behavior asked to try again later, waits the
  /// delay and starts it over; the walk then succeeds only if a playback completed.
  func tryingAgainLater(_ playback: Bosdyn_Api_Mission_Node) -> Bosdyn_Api_Mission_Node {
    .sequence(
      "Autowalk",
      [
        .retry(
          "Try again later",
          maxAttempts: Int32.max,
          .sequence(
            "Playback attempt",
            [
              .set(
                "Start afresh",
                [
                  (WalkVariables.terminate, .bool(false)),
                  (WalkVariables.tryAgain, .bool(false)),
                  (WalkVariables.completed, .bool(false)),
                ]
              ),
              .selector(
                "Play, or try again later",
                [
                  playback,
                  .check("No second try asked for", WalkVariables.tryAgain, is: false),
                  .sequence(
                    "Wait, then try again",
                    [
                      .named("Try-again delay") {
                        $0.sleep.durationNameInBlackboard = WalkVariables.tryAgainDelay
                      },
                      .constantResult("Try again", .failure),
                    ]
                  ),
                ]
              ),
            ]
          )
        ),
        .check("Walk completed", WalkVariables.completed, is: true),
      ]
    )
  }
}
