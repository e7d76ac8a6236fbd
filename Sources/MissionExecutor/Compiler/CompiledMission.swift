public import BosdynAPI

/// A mission tree that compiled: its structure as `NodeInfo`, ready for a controller to run.
///
/// Compiling is pure: it resolves node references and parameters, applies overrides, parses
/// values and formats, and checks every node, without contacting any service. Loading a
/// mission into a ``MissionController`` then validates it against the environment (resolving
/// and establishing RemoteGrpc sessions).
public struct CompiledMission: Sendable {
  /// The mission as it was given, which GetMission returns.
  public let root: Bosdyn_Api_Mission_Node
  /// The structure of the compiled tree. Ids follow pre-order from 1; a node used in several
  /// places through `node_reference` is one node, with the id of its first occurrence.
  public let rootInfo: Bosdyn_Api_Mission_NodeInfo
  /// How many distinct nodes the tree has.
  public var nodeCount: Int { self.plans.count }
  /// The remote mission services the mission calls, one entry per RemoteGrpc node, in pre-order.
  public var remoteServices: [ServiceAddress] {
    self.plans.compactMap {
      if case .remoteGrpc(let plan) = $0.kind { return plan.address }
      return nil
    }
  }

  /// Every node's plan, by pre-order index.
  let plans: [NodePlan]

  init(root: Bosdyn_Api_Mission_Node, rootInfo: Bosdyn_Api_Mission_NodeInfo, plans: [NodePlan]) {
    self.root = root
    self.rootInfo = rootInfo
    self.plans = plans
  }

  /// The MissionInfo a load with mission id `id` answers with.
  public func missionInfo(id: Int64) -> Bosdyn_Api_Mission_MissionInfo {
    var info = Bosdyn_Api_Mission_MissionInfo()
    info.id = id
    info.root = self.rootInfo
    return info
  }
}
