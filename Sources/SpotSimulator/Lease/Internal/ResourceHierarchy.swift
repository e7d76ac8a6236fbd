import BosdynAPI

/// Fast questions about a lease resource tree: does a resource exist, which leaves lie under
/// it, is one resource under another.
struct ResourceHierarchy: Sendable {
  /// Every resource, in tree order (root first).
  let allResources: [String]
  private let leavesByResource: [String: [String]]
  private let parents: [String: String]

  init(_ tree: Bosdyn_Api_ResourceTree) {
    var order: [String] = []
    var leaves: [String: [String]] = [:]
    var parents: [String: String] = [:]
    @discardableResult
    func visit(_ node: Bosdyn_Api_ResourceTree, parent: String?) -> [String] {
      order.append(node.resource)
      if let parent { parents[node.resource] = parent }
      let below =
        node.subResources.isEmpty
        ? [node.resource]
        : node.subResources.flatMap { visit($0, parent: node.resource) }
      leaves[node.resource] = below
      return below
    }
    visit(tree, parent: nil)
    self.allResources = order
    self.leavesByResource = leaves
    self.parents = parents
  }

  func contains(_ resource: String) -> Bool {
    self.leavesByResource[resource] != nil
  }

  /// The leaves under `resource` (itself when it is a leaf); empty when unknown.
  func leaves(of resource: String) -> [String] {
    self.leavesByResource[resource] ?? []
  }

  /// Whether `resource` is `ancestor` or lies under it.
  func isWithin(_ resource: String, _ ancestor: String) -> Bool {
    var current: String? = resource
    while let name = current {
      if name == ancestor { return true }
      current = self.parents[name]
    }
    return false
  }
}
