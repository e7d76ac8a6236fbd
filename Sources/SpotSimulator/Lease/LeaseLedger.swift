public import BosdynAPI
public import BosdynCore
import Foundation
import Synchronization

/// The simulated robot's lease state: who owns which resource, which lease is current, and
/// which leases the robot has seen used — what the real robot's lease service and its
/// lease-checking services share.
///
/// Resources form a tree (``Configuration/resourceTree``, `body` at the root). Ownership lives
/// on the leaves: acquiring or taking a resource claims every leaf under it, so a `body` lease
/// goes stale the moment anyone takes `arm`. Leases carry one random epoch per ledger (per
/// simulator start) and a sequence from one counter, so every lease issued is newer than all
/// before it. An owner that neither retains nor uses its lease for
/// ``Configuration/retainTimeout`` loses it (comms loss): commands with it are then `REVOKED`,
/// and anyone may acquire the resource.
///
/// ```swift
/// let ledger = LeaseLedger()
/// let acquired = ledger.acquire(resource: "body", owner: owner)
/// let verdict = ledger.judge([acquired.lease.sublease(clientName: "mission")])
/// // verdict.status == .ok
/// ```
public final class LeaseLedger: Sendable {
  /// How the ledger behaves.
  public struct Configuration: Sendable {
    /// The resource tree the robot manages; the real Spot with an arm by default.
    public var resourceTree: Bosdyn_Api_ResourceTree
    /// How long an owner may stay silent (no RetainLease, no command) before its lease is
    /// revoked. The Python `LeaseKeepAlive` retains every 2 s.
    public var retainTimeout: Duration
    /// The epoch of every lease; `nil` picks a random one, as a robot does at each boot.
    public var epoch: String?

    /// Spot with an arm, a 3 s comms-loss timeout and a random epoch.
    public static var defaults: Self {
      Self(resourceTree: .spotWithArm, retainTimeout: .seconds(3), epoch: nil)
    }

    /// Creates a configuration.
    public init(resourceTree: Bosdyn_Api_ResourceTree, retainTimeout: Duration, epoch: String?) {
      self.resourceTree = resourceTree
      self.retainTimeout = retainTimeout
      self.epoch = epoch
    }
  }

  /// The epoch stamped on every lease this ledger issues.
  public let epoch: String
  /// The configuration the ledger was created with.
  public let configuration: Configuration
  /// What "3 seconds without a retain" is measured on.
  public let clock: RobotClock
  let hierarchy: ResourceHierarchy
  let state: Mutex<State>

  /// Creates an empty ledger: nothing owned, no lease issued yet.
  public init(configuration: Configuration = .defaults, clock: RobotClock = .system()) {
    self.configuration = configuration
    self.clock = clock
    self.epoch = configuration.epoch ?? Self.randomEpoch()
    self.hierarchy = ResourceHierarchy(configuration.resourceTree)
    var leaves: [String: LeafState] = [:]
    for leaf in self.hierarchy.leaves(of: configuration.resourceTree.resource) {
      leaves[leaf] = LeafState(lastActivity: clock.now)
    }
    self.state = Mutex(State(leaves: leaves))
  }

  /// The resources the robot knows, root first.
  public var resources: [String] { self.hierarchy.allResources }

  private static func randomEpoch() -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return String((0..<16).map { _ in letters.randomElement()! })
  }
}

extension LeaseLedger {
  /// The per-leaf state.
  struct LeafState {
    /// The lease the lease service last issued for this leaf (sequence of one number).
    var issued: Bosdyn_Api_Lease?
    /// The newest lease seen for this leaf: the issued one or a sublease used in a command.
    var active: Bosdyn_Api_Lease?
    /// Who holds (or last held) the leaf.
    var owner: Bosdyn_Api_LeaseOwner?
    /// Whether the owner still holds it (false once returned or revoked).
    var held = false
    /// Whether the hold ended by timeout rather than a return.
    var stale = false
    /// The owner's last sign of life.
    var lastActivity: RobotClock.Instant
  }

  struct State {
    var leaves: [String: LeafState]
    var counter: UInt32 = 0
  }
}

extension Bosdyn_Api_ResourceTree {
  /// The real Spot's lease resources with an arm: `body` over `mobility` and `full-arm`,
  /// which is `arm` and `gripper`.
  public static var spotWithArm: Self {
    .node("body", [.node("mobility"), .node("full-arm", [.node("arm"), .node("gripper")])])
  }

  /// Spot without an arm: `body` over `mobility`.
  public static var spotWithoutArm: Self {
    .node("body", [.node("mobility")])
  }

  /// A tree node, for building resource trees compactly.
  public static func node(_ resource: String, _ children: [Self] = []) -> Self {
    var tree = Self()
    tree.resource = resource
    tree.subResources = children
    return tree
  }
}
