import BosdynAPI
import BosdynCore
import BosdynMission

extension WalkTreeBuilder {
  /// What a failure behavior guards.
  enum Part {
    case navigation
    case action
    case docking

    /// How the question names the failure.
    var failure: String {
      switch self {
      case .navigation: "could not reach its target"
      case .action: "its action failed"
      case .docking: "could not reach the dock"
      }
    }

    /// What skipping means, as an answer.
    var skip: String {
      switch self {
      case .navigation: "Skip this element"
      case .action: "Skip the action"
      case .docking: "Skip docking"
      }
    }
  }

  /// The answer codes of a failure question.
  enum Answer: Int64 {
    case retry = 0
    case skip = 1
    case applyDefault = 2
  }

  /// `attempt` with its failure behavior, as the nodes to put in the part's Sequence (node
  /// names start with `name`; the question names `subject`, the element or the dock):
  ///
  /// ```text
  /// Retry "… until done" (no limit)               ← the operator's "Retry" loops here
  ///   Selector "… try, or ask the operator"
  ///     Retry "… N automatic retries" (N + 1 attempts)
  ///       attempt
  ///     ForDuration "… waiting for the operator" (prompt_duration, at least 10 s)
  ///       Prompt "… failed" (Retry / Skip / <default>), always asking anew
  ///         Switch on the answer: Retry → FAILURE, Skip → SUCCESS, default → the default
  ///       timeout: the default
  /// Condition "… walk goes on" (autowalk_terminate == false)
  /// ```
  ///
  /// Defaults never fail (so they do not loop back to the attempt): proceed-if-able succeeds;
  /// safe power off and the returns to the start set `autowalk_terminate` (and, to try again
  /// later, `autowalk_try_again` and its delay) and succeed whatever their commands did; the
  /// Condition then fails the part, and with it the walk.
  mutating func handled(
    name: String,
    subject: String,
    attempt: Bosdyn_Api_Mission_Node,
    behavior: Bosdyn_Api_Autowalk_FailureBehavior,
    hasBehavior: Bool,
    index: Int32?,
    part: Part
  ) -> [Bosdyn_Api_Mission_Node] {
    var retries = behavior.retryCount
    if retries < 0 {
      self.report(index, name, "retry_count must not be negative (is \(retries))")
      retries = 0
    }
    let automatic: Bosdyn_Api_Mission_Node =
      retries == 0
      ? attempt
      : .retry(
        "\(name): \(retries) automatic \(retries == 1 ? "retry" : "retries")",
        maxAttempts: retries == Int32.max ? Int32.max : retries + 1,
        attempt
      )
    let promptSeconds = self.promptSeconds(behavior, name: name, index: index)
    let (defaultNode, defaultText) = self.defaultBehavior(
      behavior,
      hasBehavior: hasBehavior,
      name: name,
      index: index
    )
    let question =
      "\(subject): \(part.failure). What should the robot do? Without an answer "
      + "within \(Int(promptSeconds.rounded())) s: \(defaultText)."
    var prompt = Bosdyn_Api_Mission_Node.prompt(
      "\(name): failed",
      text: question.formatEscaped,
      source: WalkVariables.answer,
      options: [
        ("Retry", Answer.retry.rawValue),
        (part.skip, Answer.skip.rawValue),
        (defaultText, Answer.applyDefault.rawValue),
      ],
      alwaysReprompt: true,
      child: .switch(
        "\(name): the operator's answer",
        pivot: .blackboard(WalkVariables.answer, type: .int),
        cases: [
          Int32(Answer.retry.rawValue): .constantResult("\(name): retry", .failure),
          Int32(Answer.skip.rawValue): .constantResult("\(name): skip", .success),
          Int32(Answer.applyDefault.rawValue): defaultNode,
        ]
      )
    )
    prompt.prompt.severity = .warn
    let ask = Bosdyn_Api_Mission_Node.forDuration(
      "\(name): waiting for the operator",
      Self.duration(seconds: promptSeconds),
      prompt,
      timeoutChild: defaultNode
    )
    let loop = Bosdyn_Api_Mission_Node.retry(
      "\(name): until done",
      maxAttempts: Int32.max,
      .selector("\(name): try, or ask the operator", [automatic, ask])
    )
    return [loop, .check("\(name): the walk goes on", WalkVariables.terminate, is: false)]
  }

  /// The prompt duration, raised to the minimum (with a warning when the walk set a shorter
  /// one).
  private mutating func promptSeconds(
    _ behavior: Bosdyn_Api_Autowalk_FailureBehavior,
    name: String,
    index: Int32?
  ) -> Double {
    let minimum = self.configuration.minimumPromptDuration.seconds
    guard behavior.hasPromptDuration,
      let seconds = self.seconds(
        behavior.promptDuration,
        "\(name): prompt_duration",
        element: index
      )
    else { return minimum }
    if seconds < minimum, let index {
      self.warn(index, "prompt_duration \(seconds) s was raised to the minimum of \(minimum) s")
    }
    return max(seconds, minimum)
  }

  /// The node applying the default behavior, and its text for the question.
  private mutating func defaultBehavior(
    _ behavior: Bosdyn_Api_Autowalk_FailureBehavior,
    hasBehavior: Bool,
    name: String,
    index: Int32?
  ) -> (Bosdyn_Api_Mission_Node, String) {
    switch behavior.defaultBehavior {
    case .proceedIfAble:
      return (.constantResult("\(name): proceed if able", .success), "Proceed if able")
    case .safePowerOff(let powerOff):
      return (self.safePowerOff(name, powerOff), "Safe power off")
    case nil:
      // Spot's documentation names safe power off the safest option; a behavior without a
      // default gets it.
      return (self.safePowerOff(name, .init()), "Safe power off")
    case .returnToStartAndTerminate:
      guard
        let back = self.returnToStart(name, behavior: "return_to_start_and_terminate", index: index)
      else {
        return (.constantResult("\(name): no dock", .failure), "Return to start and terminate")
      }
      return (
        .sequence(
          "\(name): return to start and terminate",
          [.set("\(name): end the walk", [(WalkVariables.terminate, .bool(true))]), back]
        ),
        "Return to start and terminate"
      )
    case .returnToStartAndTryAgainLater(let later):
      guard
        let back = self.returnToStart(
          name,
          behavior: "return_to_start_and_try_again_later",
          index: index
        )
      else {
        return (
          .constantResult("\(name): no dock", .failure), "Return to start and try again later"
        )
      }
      self.triesAgainLater = true
      let minimum = self.configuration.minimumTryAgainDelay.seconds
      var delay = minimum
      if later.hasTryAgainDelay,
        let seconds = self.seconds(later.tryAgainDelay, "\(name): try_again_delay", element: index)
      {
        if seconds < minimum, let index {
          self.warn(index, "try_again_delay \(seconds) s was raised to the minimum of \(minimum) s")
        }
        delay = max(seconds, minimum)
      }
      return (
        .sequence(
          "\(name): return to start and try again later",
          [
            .set(
              "\(name): try the walk again later",
              [
                (WalkVariables.terminate, .bool(true)),
                (WalkVariables.tryAgain, .bool(true)),
                (WalkVariables.tryAgainDelay, .float(delay)),
              ]
            ),
            back,
          ]
        ),
        "Return to start and try again later"
      )
    }
  }

  /// Ends the walk and powers the robot off safely (whether or not the command succeeds).
  private func safePowerOff(
    _ name: String,
    _ powerOff: Bosdyn_Api_Autowalk_FailureBehavior.SafePowerOff
  ) -> Bosdyn_Api_Mission_Node {
    var command = Bosdyn_Api_RobotCommand()
    command.fullBodyCommand.safePowerOffRequest =
      powerOff.hasRequest ? powerOff.request : Bosdyn_Api_SafePowerOffCommand.Request()
    return .sequence(
      "\(name): safe power off",
      [
        .set("\(name): end the walk", [(WalkVariables.terminate, .bool(true))]),
        .selector(
          "\(name): power off, come what may",
          [
            .robotCommand(
              "\(name): safe power off command",
              command,
              serviceName: self.configuration.robotCommandServiceName
            ),
            .constantResult("\(name): the power off failed; the walk ends anyway", .success),
          ]
        ),
      ]
    )
  }

  /// Navigation back to the start (the first dock's prep pose), succeeding whether or not it
  /// arrives; `nil` (with an error) when the walk has no dock to return to.
  private mutating func returnToStart(
    _ name: String,
    behavior: String,
    index: Int32?
  ) -> Bosdyn_Api_Mission_Node? {
    guard let dock = self.walk.docks.first else {
      self.report(
        index,
        name,
        "\(behavior) needs a dock in the walk to return to, and the walk has none "
          + "(add one to walk.docks, or choose proceed_if_able or safe_power_off)"
      )
      return nil
    }
    guard dock.hasTargetPrepPose, dock.targetPrepPose.target != nil else {
      self.report(
        index,
        name,
        "\(behavior) returns to dock \(dock.dockID), which has no target_prep_pose"
      )
      return nil
    }
    guard
      let navigation = self.navigation(dock.targetPrepPose, "\(name): return to start", index: nil)
    else { return nil }
    return .selector(
      "\(name): return to start, come what may",
      [navigation, .constantResult("\(name): could not return to start", .success)]
    )
  }
}
