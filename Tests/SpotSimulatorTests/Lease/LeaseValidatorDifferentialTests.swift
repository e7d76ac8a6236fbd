import BosdynAPI
import BosdynCore
import Foundation
import SpotSimulator
import Testing
import TestSupport

/// Replays lease scenarios through the ledger and through the Python SDK's `LeaseValidator`
/// (the robot's lease checks as the SDK mirrors them), and compares the lease use statuses.
///
/// The validator does not know ownership: for a lease whose resource was returned or timed
/// out it still says `STATUS_OK` where the ledger, like the robot's lease service, says
/// `STATUS_REVOKED`. That is the one expected difference.
@Suite("Lease judging vs Python LeaseValidator")
struct LeaseValidatorDifferentialTests {
  static let script = """
    import json, sys
    from bosdyn.api import lease_pb2
    from bosdyn.client.lease_validator import LeaseValidator
    from bosdyn.client.lease_resource_hierarchy import ResourceHierarchy

    def tree(d):
        t = lease_pb2.ResourceTree(resource=d["resource"])
        t.sub_resources.extend(tree(c) for c in d["children"])
        return t

    def lease(d):
        p = lease_pb2.Lease(resource=d["resource"], epoch=d["epoch"])
        p.sequence.extend(d["sequence"])
        p.client_names.extend(d["client_names"])
        return p

    data = json.load(sys.stdin)
    validator = LeaseValidator(None)
    validator.hierarchy = ResourceHierarchy(tree(data["tree"]))
    out = []
    for step in data["steps"]:
        result = validator.test_and_set_active_lease(lease(step["lease"]), allow_super_leases=False)
        out.append(lease_pb2.LeaseUseResult.Status.Name(result.status))
    json.dump(out, sys.stdout)
    """

  struct Step {
    var note: String
    var lease: Lease
    /// The ledger's verdict; `nil` for a lease the lease service issued (fed to the validator
    /// as the robot's responses feed it).
    var swift: Bosdyn_Api_LeaseUseResult.Status?
  }

  static func owner(_ name: String) -> Bosdyn_Api_LeaseOwner {
    var owner = Bosdyn_Api_LeaseOwner()
    owner.clientName = name
    return owner
  }

  /// Acquire, sublease, stale sequence, take by another client, wrong epoch, unknown
  /// resource, invalid lease, returned lease, re-acquire.
  static func scenario() throws -> [Step] {
    let ledger = LeaseLedger(
      configuration: .init(resourceTree: .spotWithArm, retainTimeout: .seconds(60), epoch: nil)
    )
    var steps: [Step] = []
    func judge(_ note: String, _ lease: Lease) {
      steps.append(Step(note: note, lease: lease, swift: ledger.judge([lease]).status))
    }
    func issued(_ note: String, _ lease: Lease) {
      steps.append(Step(note: note, lease: lease, swift: nil))
    }
    let alice = ledger.acquire(resource: "body", owner: Self.owner("alice")).lease
    issued("alice acquires", alice)
    judge("alice uses the acquired lease", alice)
    let wallet = alice.sublease(clientName: "alice")
    judge("alice's wallet sublease", wallet)
    let mission = wallet.sublease(clientName: "power-off")
    judge("a mission service's sublease", mission)
    judge("the wallet lease after the mission used a sublease", wallet)
    let newer = try #require(mission.newer())
    judge("a newer mission lease", newer)
    judge("the stale mission lease", mission)
    let bob = ledger.take(resource: "body", owner: Self.owner("bob")).lease
    issued("bob takes", bob)
    judge("alice's newest lease after the take", newer)
    judge("alice's root lease after the take", alice)
    judge("bob's wallet sublease", bob.sublease(clientName: "bob"))
    var otherEpoch = bob
    otherEpoch.epoch = "other-boot"
    judge("a lease from another epoch", otherEpoch)
    var unknown = bob
    unknown.resource = "tail"
    judge("a lease for an unknown resource", unknown)
    var noSequence = bob
    noSequence.sequence = []
    judge("a lease without a sequence", noSequence)
    #expect(ledger.returnLease(bob) == .ok)
    judge("bob's returned lease", bob.sublease(clientName: "bob"))
    let carol = ledger.acquire(resource: "body", owner: Self.owner("carol")).lease
    issued("carol acquires", carol)
    judge("bob's lease after carol acquired", bob.sublease(clientName: "bob"))
    judge("carol's lease", carol.sublease(clientName: "carol"))
    return steps
  }

  @Test
  func ledgerMatchesTheValidator() async throws {
    let steps = try Self.scenario()
    let input: [String: Any] = [
      "tree": Self.json(Bosdyn_Api_ResourceTree.spotWithArm),
      "steps": steps.map { ["lease": Self.json($0.lease)] },
    ]
    let data = try JSONSerialization.data(withJSONObject: input)
    let run = try await PythonPeer.run(
      Self.script,
      stdin: String(decoding: data, as: UTF8.self)
    )
    try #require(run.status == 0, "\(run.stderr)")
    let python = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String]
    )
    try #require(python.count == steps.count)
    var revokedSeen = false
    for (step, verdict) in zip(steps, python) {
      guard let swift = step.swift else {
        #expect(verdict == "STATUS_OK", "\(step.note)")
        continue
      }
      if swift == .revoked {
        revokedSeen = true
        #expect(verdict == "STATUS_OK", "\(step.note): the validator ignores ownership")
      } else {
        #expect(Self.protoName(swift) == verdict, "\(step.note)")
      }
    }
    #expect(revokedSeen)
  }

  static func protoName(_ status: Bosdyn_Api_LeaseUseResult.Status) -> String {
    switch status {
    case .unknown: "STATUS_UNKNOWN"
    case .ok: "STATUS_OK"
    case .invalidLease: "STATUS_INVALID_LEASE"
    case .older: "STATUS_OLDER"
    case .revoked: "STATUS_REVOKED"
    case .unmanaged: "STATUS_UNMANAGED"
    case .wrongEpoch: "STATUS_WRONG_EPOCH"
    case .UNRECOGNIZED(let value): "UNRECOGNIZED(\(value))"
    }
  }

  static func json(_ tree: Bosdyn_Api_ResourceTree) -> [String: Any] {
    ["resource": tree.resource, "children": tree.subResources.map { Self.json($0) }]
  }

  static func json(_ lease: Lease) -> [String: Any] {
    [
      "resource": lease.resource, "epoch": lease.epoch,
      "sequence": lease.sequence.map { Int($0) }, "client_names": lease.clientNames,
    ]
  }
}
