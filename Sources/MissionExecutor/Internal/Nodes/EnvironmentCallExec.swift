import BosdynAPI

/// The shared part of nodes that call the robot through the environment, one call at a time:
/// power, robot command, robot state, lease retain (and, later, navigation).
///
/// A call made in an earlier run of the node (before it finished or was restarted) is waited
/// out but its answer dropped, so one run never acts on another's answer.
class EnvironmentCallExec: ExecNode {
  private var inFlight: (token: UInt64, stale: Bool)?
  private var answer: CallResult?
  private var overtakenLeases = 0

  /// How many commands in a row may be re-sent because a newer play lease overtook theirs.
  static let maximumOvertakenLeases = 5

  /// Whether a call is in flight.
  final var isCalling: Bool { self.inFlight != nil }

  /// Takes the answer to the last call, if it came.
  final func takeAnswer() -> CallResult? {
    defer { self.answer = nil }
    return self.answer
  }

  /// Makes a call through the environment.
  final func send(
    _ context: TickContext,
    _ body: @escaping @Sendable (any MissionEnvironment) async throws -> any Sendable
  ) {
    let environment = context.mission.environment
    let call = context.call(
      from: self.index,
      timeout: context.mission.configuration.robotCallTimeout
    ) {
      try await body(environment)
    }
    self.inFlight = (call.token, false)
  }

  /// Whether a command refused for its lease should go again, carrying a sublease of the play
  /// lease as it is now.
  ///
  /// Clients play a mission again every second or faster, and Boston Dynamics' replay example
  /// advances the lease with every PlayMission. A command built from the previous play lease
  /// can reach the robot after the newer one did, and the robot then judges it `STATUS_OLDER`
  /// although the mission holds a good lease. Such a refusal is the mission's own doing, not
  /// a lost lease: when the lease the command carried is no longer derived from the mission's
  /// play lease for that resource, the command is re-sent (a few times in a row at most). A
  /// refusal of the play lease itself (another client took the lease) stands. A good lease
  /// resets the count.
  final func resendsWithNewerPlayLease(
    _ result: Bosdyn_Api_LeaseUseResult,
    _ context: TickContext
  ) -> Bool {
    guard result.status != .ok else {
      self.overtakenLeases = 0
      return false
    }
    let attempted = result.attemptedLease
    guard result.status == .older,
      let play = context.mission.leases[attempted.resource] ?? context.mission.leases["body"],
      play.epoch == attempted.epoch,
      !attempted.sequence.starts(with: play.sequence),
      self.overtakenLeases < Self.maximumOvertakenLeases
    else { return false }
    self.overtakenLeases += 1
    return true
  }

  /// Drops the answer of a call from the previous run.
  final func forgetCalls() {
    self.overtakenLeases = 0
    self.answer = nil
    if self.inFlight != nil { self.inFlight?.stale = true }
  }

  override func deliver(_ token: UInt64, _ result: CallResult, _ context: TickContext) {
    guard let inFlight = self.inFlight, inFlight.token == token else { return }
    self.inFlight = nil
    if !inFlight.stale { self.answer = result }
  }

  override func restart() {
    super.restart()
    self.forgetCalls()
  }
}

extension CallResult {
  /// The failure message of a call that did not answer.
  func failureMessage(_ what: String) -> String? {
    switch self {
    case .answered: nil
    case .failed(let message): "\(what): \(message)"
    case .timedOut: "\(what): no answer in time"
    case .cancelled: "\(what): cancelled"
    }
  }
}
