import BosdynAPI
import BosdynCore
import Foundation
import Testing
import TestSupport

/// Compares the Swift lease value logic with Python's `bosdyn.client.lease.Lease` over a
/// generated set of lease pairs.
@Suite("Lease value logic vs Python")
struct LeaseDifferentialTests {
  /// For every pair: Python's compare (both ways of treating resources), and for the first lease
  /// its sublease and newer lease. An invalid lease is reported as "INVALID" because Python's
  /// `Lease` refuses to hold it.
  static let script = """
    import json, sys
    from bosdyn.api import lease_pb2
    from bosdyn.client.lease import Lease

    def proto(d):
        p = lease_pb2.Lease(resource=d["resource"], epoch=d["epoch"])
        p.sequence.extend(d["sequence"])
        p.client_names.extend(d["client_names"])
        return p

    def as_dict(lease):
        p = lease.lease_proto
        return {"resource": p.resource, "epoch": p.epoch, "sequence": list(p.sequence),
                "client_names": list(p.client_names)}

    def wrap(d):
        try:
            return Lease(proto(d))
        except ValueError:
            return None

    out = []
    for pair in json.load(sys.stdin):
        a, b = wrap(pair["a"]), wrap(pair["b"])
        row = {}
        if a is None or b is None:
            row["compare"] = row["compare_ignoring"] = "INVALID"
        else:
            row["compare"] = a.compare(b).name
            row["compare_ignoring"] = a.compare(b, ignore_resources=True).name
        if a is not None:
            row["sublease"] = as_dict(a.create_sublease(pair["name"]))
            row["sublease_unnamed"] = as_dict(a.create_sublease())
            try:
                row["newer"] = as_dict(a.create_newer())
            except (ValueError, IndexError):
                row["newer"] = None
        out.append(row)
    json.dump(out, sys.stdout)
    """

  /// A deterministic spread of leases: valid and invalid, shared and different resources and
  /// epochs, prefixes, equal and differing sequences, plus subleases and newer leases derived
  /// from them so the interesting relations are common.
  static func generatedPairs() -> [(Lease, Lease, String)] {
    var generator = SplitMix64(seed: 0x5107_1EA5E)
    let resources = ["body", "body", "body", "arm", ""]
    let epochs = ["epoch-a", "epoch-a", "epoch-a", "epoch-b", ""]
    func randomLease() -> Lease {
      var lease = Lease()
      lease.resource = resources[Int(generator.next() % UInt64(resources.count))]
      lease.epoch = epochs[Int(generator.next() % UInt64(epochs.count))]
      let length = Int(generator.next() % 4)
      lease.sequence = (0..<length).map { _ in UInt32(generator.next() % 3) }
      lease.clientNames = (0..<Int(generator.next() % 3)).map { "client-\($0)" }
      return lease
    }
    var pairs: [(Lease, Lease, String)] = []
    for index in 0..<400 {
      let a = randomLease()
      let b: Lease
      switch index % 4 {
      case 0: b = randomLease()
      case 1: b = a.sublease(clientName: "sub")
      case 2: b = a.newer() ?? randomLease()
      default:
        var copy = a
        copy.clientNames = ["someone-else"]
        b = copy
      }
      pairs.append((a, b, "name-\(index)"))
      pairs.append((b, a, "name-\(index)-reversed"))
    }
    var maxed = Lease()
    maxed.resource = "body"
    maxed.epoch = "e"
    maxed.sequence = [3, UInt32.max]
    pairs.append((maxed, maxed, "max"))
    return pairs
  }

  @Test
  func swiftMatchesPython() async throws {
    let pairs = Self.generatedPairs()
    let input = pairs.map { a, b, name in
      ["a": Self.json(a), "b": Self.json(b), "name": name] as [String: Any]
    }
    let run = try await PythonPeer.run(
      Self.script,
      stdin: String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self)
    )
    try #require(run.status == 0, "python exited \(run.status): \(run.stderr)")
    let output = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
    )
    try #require(output.count == pairs.count)
    var checked = Set<LeaseComparison>()
    for ((a, b, name), row) in zip(pairs, output) {
      let context = "a=\(Self.json(a)) b=\(Self.json(b))"
      #expect(Self.pythonName(a.compare(to: b)) == row["compare"] as? String, "\(context)")
      #expect(
        Self.pythonName(a.compare(to: b, ignoringResources: true))
          == row["compare_ignoring"] as? String,
        "\(context)"
      )
      checked.insert(a.compare(to: b))
      guard a.isValid else {
        #expect(row["sublease"] == nil, "\(context)")
        continue
      }
      #expect(
        Self.json(a.sublease(clientName: name)) as NSDictionary
          == (row["sublease"] as? NSDictionary),
        "\(context)"
      )
      #expect(
        Self.json(a.sublease()) as NSDictionary
          == (row["sublease_unnamed"] as? NSDictionary),
        "\(context)"
      )
      if let newer = a.newer() {
        #expect(Self.json(newer) as NSDictionary == (row["newer"] as? NSDictionary), "\(context)")
      } else {
        #expect(row["newer"] is NSNull, "\(context)")
      }
    }
    // The generated set must exercise every outcome, or the comparison proves little.
    #expect(checked == Set(LeaseComparison.allCases))
  }

  static func json(_ lease: Lease) -> [String: Any] {
    [
      "resource": lease.resource, "epoch": lease.epoch,
      "sequence": lease.sequence.map { Int($0) }, "client_names": lease.clientNames,
    ]
  }

  static func pythonName(_ comparison: LeaseComparison) -> String {
    switch comparison {
    case .same: "SAME"
    case .superLease: "SUPER_LEASE"
    case .subLease: "SUB_LEASE"
    case .older: "OLDER"
    case .newer: "NEWER"
    case .differentResources: "DIFFERENT_RESOURCES"
    case .differentEpochs: "DIFFERENT_EPOCHS"
    case .invalid: "INVALID"
    }
  }
}

/// A small seeded generator so the generated leases are the same on every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { self.state = seed }
  mutating func next() -> UInt64 {
    self.state &+= 0x9E37_79B9_7F4A_7C15
    var z = self.state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
