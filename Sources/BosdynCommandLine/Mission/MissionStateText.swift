public import BosdynAPI

/// A mission's state as an operator reads it: the status, which nodes are running (by name, not
/// by the ids `GetState` reports), and the outstanding questions with their answer codes.
///
/// `GetState` names nodes only by the ids of `GetInfo`'s `MissionInfo`; this joins the two, so
/// `bosdyn ROBOT mission state` and `replay-mission` print the same names the same way.
///
/// ```swift
/// let text = MissionStateText(state: try await missions.state(), info: try await missions.info())
/// for line in text.lines { print(line) }
/// ```
public struct MissionStateText: Sendable {
  /// The state as the robot reported it.
  public var state: Bosdyn_Api_Mission_State
  /// Each node's name by its `NodeInfo` id; unnamed nodes are absent.
  public var nodeNames: [Int64: String]

  /// Joins a state with the structure of the mission it belongs to.
  ///
  /// - Parameters:
  ///   - state: From `GetState`.
  ///   - info: From `GetInfo`; `nil` when no mission is loaded (nodes are then named by id).
  public init(state: Bosdyn_Api_Mission_State, info: Bosdyn_Api_Mission_MissionInfo?) {
    self.state = state
    var names: [Int64: String] = [:]
    if let info, info.hasRoot {
      var pending = [info.root]
      while let node = pending.popLast() {
        if !node.name.isEmpty { names[node.id] = node.name }
        pending += node.children
      }
    }
    self.nodeNames = names
  }

  /// The name to show for node `id`: its name, or `node ID` for an unnamed one (Autowalk and
  /// `build-mission` leave some nodes unnamed).
  public func name(ofNode id: Int64) -> String {
    self.nodeNames[id] ?? "node \(id)"
  }

  /// The nodes that returned RUNNING in the newest tick, in the order they were ticked (so a
  /// parent comes before the child it is waiting for).
  public var runningNodes: [String] {
    guard let newest = self.state.history.first else { return [] }
    return newest.nodeStates.filter { $0.result == .running }.map { self.name(ofNode: $0.id) }
  }

  /// The running nodes as one line: `Running: Root, Greet`, or `Running: nothing`.
  public var runningLine: String {
    let running = self.runningNodes
    return "Running: " + (running.isEmpty ? "nothing" : running.joined(separator: ", "))
  }

  /// The whole state, one fact per line: status, error, tick counter, mission id, running
  /// nodes, questions with their options.
  public var lines: [String] {
    var lines = ["Mission status: \(self.state.status.protoName)"]
    if !self.state.error.isEmpty { lines.append("Error:          \(self.state.error)") }
    lines.append("Tick counter:   \(Self.numberOrNone(self.state.tickCounter, "not started"))")
    lines.append("Mission id:     \(Self.numberOrNone(self.state.missionID, "none loaded"))")
    let running = self.runningNodes
    lines.append("Running nodes:  " + (running.isEmpty ? "none" : running.joined(separator: ", ")))
    if self.state.questions.isEmpty {
      lines.append("Questions:      none")
    } else {
      lines.append("Questions:")
      for question in self.state.questions {
        lines += Self.describe(question).map { "  " + $0 }
      }
    }
    return lines
  }

  /// A question as lines: `Question 3 from 'answer': "Continue?"`, then one line per option
  /// (`    0  Yes`), or what kind of answer it wants when it has no options.
  public static func describe(_ question: Bosdyn_Api_Mission_Question) -> [String] {
    let source = question.source.isEmpty ? "" : " from '\(question.source)'"
    var lines = ["Question \(question.id)\(source): \"\(question.text)\""]
    if !question.options.isEmpty {
      let width = question.options.map { String($0.answerCode).count }.max() ?? 1
      for option in question.options {
        let code = String(option.answerCode)
        let padding = String(repeating: " ", count: width - code.count)
        lines.append("    \(padding)\(code)  \(option.text)")
      }
    } else if question.hasCustomParams {
      let keys = question.customParams.specs.keys.sorted().joined(separator: ", ")
      lines.append("    (wants custom parameters: \(keys.isEmpty ? "none" : keys))")
    } else {
      lines.append("    (offers no options)")
    }
    return lines
  }

  /// `-1` is the proto's "none"; show a word instead.
  private static func numberOrNone(_ value: Int64, _ none: String) -> String {
    value < 0 ? "-1 (\(none))" : String(value)
  }
}
