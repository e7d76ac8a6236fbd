import BosdynAPI
import SwiftProtobuf

/// Builds the plans of a mission tree, collecting every failure.
final class TreeBuilder {
  let maxDepth: Int
  private var failures: [Bosdyn_Api_Mission_FailedNode] = []
  private var plans: [NodePlan?] = []
  private var definitions: [String: Bosdyn_Api_Mission_Node] = [:]
  private var resolved: [String: (plan: NodePlan, info: Bosdyn_Api_Mission_NodeInfo)] = [:]
  private var resolving: Set<String> = []
  private var depthReported = false

  init(maxDepth: Int) {
    self.maxDepth = maxDepth
  }

  /// The depth limit for unpacking `impl` Anys: a node level is two message levels (Node and its
  /// implementation), plus room for the messages inside leaves.
  private var decodingDepth: Int { self.maxDepth * 2 + 64 }

  func compile(_ root: Bosdyn_Api_Mission_Node) throws(MissionCompileError) -> CompiledMission {
    self.collectDefinitions(root, depth: 1)
    let built = self.build(root, depth: 1, scope: ParameterScope())
    guard self.failures.isEmpty, let built else {
      throw MissionCompileError(failedNodes: self.failures)
    }
    return CompiledMission(root: root, rootInfo: built.info, plans: self.plans.map { $0! })
  }

  private func report(_ node: Bosdyn_Api_Mission_Node, _ error: String, typeName: String = "") {
    var failed = Bosdyn_Api_Mission_FailedNode()
    failed.name = node.name
    failed.error = error
    failed.implTypename = typeName
    self.failures.append(failed)
  }

  /// Finds every node with a `reference_id`, so references may point forward in the tree.
  private func collectDefinitions(_ node: Bosdyn_Api_Mission_Node, depth: Int) {
    guard depth <= self.maxDepth else { return }
    if !node.referenceID.isEmpty {
      if self.definitions[node.referenceID] != nil {
        self.report(node, "reference_id '\(node.referenceID)' is used by more than one node")
      } else {
        self.definitions[node.referenceID] = node
      }
    }
    if case .implementation(let message) = NodeImplementation.lookup(
      node,
      depthLimit: self.decodingDepth
    ) {
      for child in NodeImplementation.children(of: message) {
        self.collectDefinitions(child, depth: depth + 1)
      }
    }
  }

  private func build(
    _ node: Bosdyn_Api_Mission_Node,
    depth: Int,
    scope: ParameterScope
  ) -> (plan: NodePlan, info: Bosdyn_Api_Mission_NodeInfo)? {
    guard depth <= self.maxDepth else {
      if !self.depthReported {
        self.depthReported = true
        self.report(node, "the tree is deeper than the limit of \(self.maxDepth) levels")
      }
      return nil
    }
    if !node.referenceID.isEmpty, let done = self.resolved[node.referenceID] { return done }
    var message: any SwiftProtobuf.Message
    switch NodeImplementation.lookup(node, depthLimit: self.decodingDepth) {
    case .reference(let id):
      if let done = self.resolved[id] { return done }
      guard let definition = self.definitions[id] else {
        self.report(node, "node_reference '\(id)' names no node with that reference_id")
        return nil
      }
      guard !self.resolving.contains(id) else {
        self.report(node, "node_reference '\(id)' is cyclic: the node contains itself")
        return nil
      }
      guard definition.referenceID == id else { return nil }
      return self.build(definition, depth: depth, scope: scope)
    case .missing:
      self.report(node, "the node has no implementation (neither a type nor impl)")
      return nil
    case .unsupported(let typeName):
      self.report(
        node,
        "node type \(typeName) is not supported by this executor",
        typeName: typeName
      )
      return nil
    case .undecodable(let typeName, let reason):
      self.report(node, "impl could not be unpacked: \(reason)", typeName: typeName)
      return nil
    case .implementation(let implementation):
      message = implementation
    }
    let typeName = Swift.type(of: message).protoMessageName
    if !node.referenceID.isEmpty { self.resolving.insert(node.referenceID) }
    defer { if !node.referenceID.isEmpty { self.resolving.remove(node.referenceID) } }

    let inner: ParameterScope
    do {
      inner = try scope.entering(node)
      for override in node.overrides {
        let value = try inner.overrideValue(override.value, key: override.key)
        message = try Overrides.apply(value, at: override.key, to: message)
      }
    } catch {
      self.report(node, error.message, typeName: typeName)
      return nil
    }

    let index = self.plans.count
    self.plans.append(nil)
    var children: [NodePlan] = []
    var childInfos: [Bosdyn_Api_Mission_NodeInfo] = []
    var childFailed = false
    for child in NodeImplementation.children(of: message) {
      if let built = self.build(child, depth: depth + 1, scope: inner) {
        children.append(built.plan)
        childInfos.append(built.info)
      } else {
        childFailed = true
      }
    }
    let kind: NodePlan.Kind
    do {
      kind = try Self.kind(of: message, scope: inner)
    } catch {
      self.report(node, error.message, typeName: typeName)
      return nil
    }
    guard !childFailed else { return nil }

    let plan = NodePlan(index: index, name: node.name, kind: kind, children: children)
    self.plans[index] = plan
    var info = Bosdyn_Api_Mission_NodeInfo()
    info.id = plan.id
    info.name = node.name
    if node.hasUserData { info.userData = node.userData }
    info.children = childInfos
    if !node.referenceID.isEmpty { self.resolved[node.referenceID] = (plan, info) }
    return (plan, info)
  }
}
