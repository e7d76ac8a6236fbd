import Clocks

/// One variable in the blackboard: its value and when it was written, for the staleness
/// checks of Condition nodes.
struct BlackboardEntry: Sendable {
  var value: BlackboardValue
  var writtenAt: AnyClock<Duration>.Instant
}

/// The variables one node defines for its subtree (DefineBlackboard, a Repeat's counter, a
/// BosdynRobotState's state…). A node keeps its scope while it runs; ticking pushes it so that
/// the subtree sees it.
final class BlackboardScope {
  var entries: [String: BlackboardEntry] = [:]

  /// Defines or overwrites a variable of this scope.
  func define(_ name: String, _ value: BlackboardValue, at instant: AnyClock<Duration>.Instant) {
    self.entries[name] = BlackboardEntry(value: value, writtenAt: instant)
  }
}

/// The scoped blackboard as seen from the node being ticked: the scopes of its ancestors that
/// define variables, innermost last.
struct Blackboard {
  private(set) var scopes: [BlackboardScope] = []

  mutating func push(_ scope: BlackboardScope) {
    self.scopes.append(scope)
  }

  mutating func pop() {
    self.scopes.removeLast()
  }

  mutating func removeAll() {
    self.scopes.removeAll(keepingCapacity: true)
  }

  /// The innermost scope that defines `name`.
  func scope(defining name: String) -> BlackboardScope? {
    for scope in self.scopes.reversed() where scope.entries[name] != nil {
      return scope
    }
    return nil
  }

  /// Reads a variable, following the path into its value.
  ///
  /// - Returns: The value (or `.unset` for an absent message field) and when its variable was
  ///   written; `nil` when no scope defines the variable or the path does not exist.
  func read(_ ref: VariableRef) -> (BlackboardValue.PathRead, AnyClock<Duration>.Instant)? {
    for candidate in ref.candidates {
      for scope in self.scopes.reversed() {
        guard let entry = scope.entries[candidate.variable] else { continue }
        guard let read = entry.value.reading(path: candidate.path[...]) else { return nil }
        return (read, entry.writtenAt)
      }
    }
    return nil
  }

  /// Writes an existing variable in the innermost scope that defines it.
  ///
  /// - Returns: `false` when no scope defines it: Spot requires variables to be defined
  ///   (DefineBlackboard) before they are set.
  @discardableResult
  func write(_ name: String, _ value: BlackboardValue, at instant: AnyClock<Duration>.Instant)
    -> Bool
  {
    guard let scope = self.scope(defining: name) else { return false }
    scope.define(name, value, at: instant)
    return true
  }
}
