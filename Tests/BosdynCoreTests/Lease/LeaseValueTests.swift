import BosdynAPI
import BosdynCore
import Testing

@Suite("Lease value logic")
struct LeaseValueTests {
  static func lease(_ sequence: [UInt32], resource: String = "body", epoch: String = "e")
    -> Lease
  {
    var lease = Lease()
    lease.resource = resource
    lease.epoch = epoch
    lease.sequence = sequence
    return lease
  }

  @Test func subleaseAndNewerRelateAsPythonDocuments() throws {
    let root = Self.lease([4])
    let sub = root.sublease(clientName: "mission")
    #expect(sub.sequence == [4, 0])
    #expect(sub.clientNames == ["mission"])
    #expect(root.compare(to: sub) == .superLease)
    #expect(sub.compare(to: root) == .subLease)
    #expect(sub.isSublease(of: root))
    #expect(!root.isSublease(of: sub))
    let newerSub = try #require(sub.newer())
    #expect(newerSub.sequence == [4, 1])
    #expect(newerSub.compare(to: sub) == .newer)
    let taken = try #require(root.newer())
    #expect(sub.compare(to: taken) == .older)
    #expect(taken.compare(to: newerSub) == .newer)
  }

  @Test func invalidAndIncomparableLeases() {
    #expect(!Lease().isValid)
    #expect(Lease().newer() == nil)
    #expect(Self.lease([], resource: "body").compare(to: Self.lease([1])) == .invalid)
    #expect(Self.lease([1], resource: "arm").compare(to: Self.lease([1])) == .differentResources)
    #expect(
      Self.lease([1], resource: "arm").compare(to: Self.lease([1]), ignoringResources: true)
        == .same
    )
    #expect(Self.lease([1], epoch: "x").compare(to: Self.lease([1])) == .differentEpochs)
    #expect(Self.lease([UInt32.max]).newer() == nil)
  }

  @Test(arguments: LeaseComparison.allCases)
  func leaseUseStatusMapping(_ comparison: LeaseComparison) {
    let expected: Bosdyn_Api_LeaseUseResult.Status =
      switch comparison {
      case .same, .subLease, .newer: .ok
      case .superLease, .older: .older
      case .differentResources: .unmanaged
      case .differentEpochs: .wrongEpoch
      case .invalid: .invalidLease
      }
    #expect(comparison.leaseUseStatus() == expected)
    #expect(
      comparison.leaseUseStatus(allowSuperLeases: true)
        == (comparison == .superLease ? .ok : expected)
    )
  }
}
