import BosdynAPI

/// What changed in a playing mission since the last look, as lines to print: which nodes are
/// running (a line each time that set changes) and each question the first time it is
/// outstanding, with its options and how to answer it.
///
/// A program that polls `GetState` (as `replay-mission` does every second) prints these lines
/// rather than the whole state, so its output reads as a log of what the mission did.
///
/// ```swift
/// var progress = MissionProgress(answerHint: { "bosdyn ROBOT mission answer \($0) CODE" })
/// for line in progress.changes(in: MissionStateText(state: state, info: info)) { print(line) }
/// ```
public struct MissionProgress: Sendable {
  private var running: [String]?
  private var asked: Set<Int64> = []
  private let answerHint: @Sendable (Int64) -> String?

  /// Starts with nothing seen.
  ///
  /// - Parameter answerHint: The command that answers question `id`, printed after it; `nil`
  ///   for none.
  public init(answerHint: @escaping @Sendable (Int64) -> String? = { _ in nil }) {
    self.answerHint = answerHint
  }

  /// The lines describing what changed since the previous call (all of it on the first call):
  /// `Running: …` when the running nodes changed, then the questions not seen before.
  public mutating func changes(in state: MissionStateText) -> [String] {
    var lines: [String] = []
    let running = state.runningNodes
    if running != self.running {
      // Before the first tick nothing runs yet; say so only once something ran.
      if self.running != nil || !running.isEmpty { lines.append(state.runningLine) }
      self.running = running
    }
    for question in state.state.questions where self.asked.insert(question.id).inserted {
      lines += MissionStateText.describe(question)
      if let hint = self.answerHint(question.id) { lines.append("    Answer with: \(hint)") }
    }
    return lines
  }
}
