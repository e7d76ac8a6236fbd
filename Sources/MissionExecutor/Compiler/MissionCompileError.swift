public import BosdynAPI

/// Why a mission could not be compiled: every node that failed, as LoadMission reports them.
///
/// The compiler does not stop at the first problem; it lists each node it could not compile,
/// with the node's name, the reason, and (when known) its type, so one round trip shows
/// everything to fix.
public struct MissionCompileError: Error, Sendable, CustomStringConvertible {
  /// The nodes that failed, in pre-order.
  public var failedNodes: [Bosdyn_Api_Mission_FailedNode]

  /// Creates an error listing `failedNodes`.
  public init(failedNodes: [Bosdyn_Api_Mission_FailedNode]) {
    self.failedNodes = failedNodes
  }

  /// One line per failed node: `"name" (type): error`.
  public var description: String {
    self.failedNodes.map { node in
      let type = node.implTypename.isEmpty ? "" : " (\(node.implTypename))"
      return "\"\(node.name)\"\(type): \(node.error)"
    }.joined(separator: "\n")
  }
}
