/// The shared part of nodes that call the robot through the environment, one call at a time:
/// power, robot command, robot state, lease retain (and, later, navigation).
///
/// A call made in an earlier run of the node (before it finished or was restarted) is waited
/// out but its answer dropped, so one run never acts on another's answer.
class EnvironmentCallExec: ExecNode {
  private var inFlight: (token: UInt64, stale: Bool)?
  private var answer: CallResult?

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

  /// Drops the answer of a call from the previous run.
  final func forgetCalls() {
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
