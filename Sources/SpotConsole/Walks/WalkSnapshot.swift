/// What the walks page shows of the walk being played (the `walk` live event): the mission's
/// status, each node of its tree with its latest result, and the questions waiting for an
/// answer.
struct WalkSnapshot: Sendable, Codable, Equatable {
  /// One node of the mission tree, depth first.
  struct Node: Sendable, Codable, Equatable {
    var id: Int64
    var name: String
    /// How deep in the tree: 0 for the root.
    var depth: Int
    /// "Not started", "Running", "Success", "Failure" or "Error": the node's latest result.
    var state: String
    /// The colour of ``state``: `on`, `busy`, `error` or `neutral`.
    var tone: String
    /// How many of the mission's ticks reached the node (a callback's node is reached while
    /// its calls are in flight, so this is not the number of the callback's Ticks).
    var ticks: Int
    /// Whether some ticks were no longer in the mission service's history when the console
    /// looked (it keeps the last 100): ``ticks`` is then at least the count.
    var ticksAreLowerBound: Bool
    /// The node's error, if its latest tick had one.
    var error: String
  }

  /// One answer of a question.
  struct Option: Sendable, Codable, Equatable {
    var text: String
    var code: Int64
  }

  /// A question the mission asks, waiting for the operator.
  struct Question: Sendable, Codable, Equatable {
    var id: Int64
    var text: String
    var options: [Option]
  }

  /// One call the mission service made to a callback, for the timeline.
  struct Call: Sendable, Codable, Equatable {
    /// When it was sent, as "+1.25 s" after the walk was loaded.
    var at: String
    var service: String
    /// `EstablishSession`, `Tick`, `Stop` or `TeardownSession`.
    var rpc: String
    /// The answer's status, or why the call failed.
    var outcome: String
    /// `on` for a good answer, `busy` for `STATUS_RUNNING`, `error` for a failure.
    var tone: String
    /// How long the call took, as "12 ms".
    var duration: String
  }

  /// "Not loaded", "Ready", "Running", "Paused", "Success", "Failure", "Error" or "Stopped".
  var status: String
  /// The colour of ``status``: `ok`, `running`, `error` or `neutral`.
  var tone: String
  /// The mission's error, or why it could not be loaded.
  var error: String
  /// Whether play, pause and stop apply: play when not running, pause and stop when running.
  var canPlay: Bool
  var canPause: Bool
  var canStop: Bool
  var nodes: [Node]
  var questions: [Question]
  /// The walk's last ``WalkSnapshot/timelineLength`` callback calls, oldest first.
  var timeline: [Call]
  /// How many earlier calls the timeline leaves out.
  var earlierCalls: Int

  /// How many calls the timeline shows.
  static let timelineLength = 40
}
