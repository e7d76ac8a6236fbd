public import BosdynAPI

/// Why a walk could not be compiled, as CompileAutowalk and LoadAutowalk report it: the
/// elements that failed (by their index in the walk) and the problems outside any element
/// (the playback mode, docks, post-mission callbacks) as failed nodes.
///
/// The compiler does not stop at the first problem: one round trip shows everything to fix.
public struct AutowalkCompileError: Error, Sendable, CustomStringConvertible {
  /// Element index → its errors (and the warnings the compiler had for it).
  public var failedElements: [Int32: Bosdyn_Api_Autowalk_FailedElement]
  /// Problems that belong to no element, each named after what it concerns.
  public var failedNodes: [Bosdyn_Api_Mission_FailedNode]

  /// Creates an error.
  public init(
    failedElements: [Int32: Bosdyn_Api_Autowalk_FailedElement] = [:],
    failedNodes: [Bosdyn_Api_Mission_FailedNode] = []
  ) {
    self.failedElements = failedElements
    self.failedNodes = failedNodes
  }

  /// One line per problem: `element 3: …` or `"name": …`.
  public var description: String {
    let elements = self.failedElements.sorted { $0.key < $1.key }.flatMap { index, element in
      element.errors.map { "element \(index): \($0)" }
    }
    let nodes = self.failedNodes.map { "\"\($0.name)\": \($0.error)" }
    return (elements + nodes).joined(separator: "\n")
  }
}
