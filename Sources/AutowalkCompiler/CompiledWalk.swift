public import BosdynAPI

/// A walk compiled into a mission: the tree to load, and which of its nodes stand for each
/// element, the main loop and the final docking, by the `user_data.id` the compiler gave them.
///
/// Node ids are assigned by the mission service when it loads (or compiles) the tree; pass
/// its `MissionInfo` to ``elementIdentifiers(in:)`` to get the `ElementIdentifiers`,
/// `loop_node` and `docking_node` an Autowalk response reports.
public struct CompiledWalk: Sendable {
  /// The mission.
  public var root: Bosdyn_Api_Mission_Node
  /// Per element of the walk: the user data ids of its nodes; `nil` for a skipped element.
  public var elements: [ElementNodes?]
  /// The user data id of the node holding the elements in order (the walk's main loop).
  public var loopNode: String
  /// The user data id of the final docking node, when the walk ends on a dock.
  public var dockingNode: String?
  /// Element index → the changes the compiler made to it (no errors: it compiled).
  public var warnings: [Int32: Bosdyn_Api_Autowalk_FailedElement]

  /// The nodes of one element.
  public struct ElementNodes: Sendable, Hashable {
    /// The element's whole subtree.
    public var root: String
    /// Navigation to its target, with its failure handling; `nil` without a target.
    public var navigation: String?
    /// Its action, with its failure handling; `nil` without an action or when actions are
    /// skipped.
    public var action: String?
    /// The name of its RemoteGrpc node (its callback action), which a mission service names in
    /// the `FailedNode` of a callback it could not reach.
    public var callbackNode: String?

    /// Nodes of an element with root `root`.
    public init(
      root: String,
      navigation: String? = nil,
      action: String? = nil,
      callbackNode: String? = nil
    ) {
      self.root = root
      self.navigation = navigation
      self.action = action
      self.callbackNode = callbackNode
    }
  }

  /// The element identifiers, loop node and docking node, with the node ids of `info` (the
  /// loaded or compiled mission). Skipped elements, and parts an element lacks, get default
  /// identifiers (id 0, empty user data id), as autowalk.proto says.
  public func elementIdentifiers(in info: Bosdyn_Api_Mission_NodeInfo) -> (
    elements: [Bosdyn_Api_Autowalk_ElementIdentifiers],
    loop: Bosdyn_Api_Autowalk_NodeIdentifier,
    docking: Bosdyn_Api_Autowalk_NodeIdentifier
  ) {
    var ids: [String: Int64] = [:]
    var pending = [info]
    while let node = pending.popLast() {
      if node.hasUserData, !node.userData.id.isEmpty { ids[node.userData.id] = node.id }
      pending += node.children
    }
    func identifier(_ userDataID: String?) -> Bosdyn_Api_Autowalk_NodeIdentifier {
      var identifier = Bosdyn_Api_Autowalk_NodeIdentifier()
      guard let userDataID, let id = ids[userDataID] else { return identifier }
      identifier.nodeID = id
      identifier.userDataID = userDataID
      return identifier
    }
    let elements = self.elements.map { nodes in
      var element = Bosdyn_Api_Autowalk_ElementIdentifiers()
      guard let nodes else { return element }
      element.rootID = identifier(nodes.root)
      if nodes.navigation != nil { element.navigationID = identifier(nodes.navigation) }
      if nodes.action != nil { element.actionID = identifier(nodes.action) }
      return element
    }
    return (elements, identifier(self.loopNode), identifier(self.dockingNode))
  }
}
