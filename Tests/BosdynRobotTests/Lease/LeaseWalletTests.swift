import BosdynAPI
import BosdynCore
import BosdynRobot
import Testing

@Suite("LeaseWallet")
struct LeaseWalletTests {
  static func lease(_ sequence: [UInt32], epoch: String = "e1") -> Lease {
    var lease = Lease()
    lease.resource = "body"
    lease.epoch = epoch
    lease.sequence = sequence
    return lease
  }

  static func result(
    _ status: Bosdyn_Api_LeaseUseResult.Status,
    attempted: Lease,
    latest: Lease? = nil
  ) -> Bosdyn_Api_LeaseUseResult {
    var result = Bosdyn_Api_LeaseUseResult()
    result.status = status
    result.attemptedLease = attempted
    if let latest { result.latestKnownLease = latest }
    result.owner.clientName = "other"
    return result
  }

  @Test("an added lease is used as a sublease carrying the wallet's client name")
  func addMakesSublease() throws {
    let wallet = LeaseWallet(clientName: "me")
    wallet.add(Self.lease([3]))
    let current = try wallet.lease()
    #expect(current.sequence == [3, 0])
    #expect(current.clientNames == ["me"])
    #expect(current.isSublease(of: Self.lease([3])))
  }

  @Test("a resource never added is not owned")
  func notOwned() {
    let wallet = LeaseWallet()
    let error = #expect(throws: ClientError.self) { try wallet.lease() }
    #expect(error?.code == .leaseNotOwned)
  }

  @Test("OLDER with a newer latest lease means another owner")
  func olderMeansOtherOwner() throws {
    let wallet = LeaseWallet()
    wallet.add(Self.lease([3]))
    wallet.onLeaseUseResult(
      Self.result(.older, attempted: try wallet.lease(), latest: Self.lease([4]))
    )
    #expect(wallet.state() == .otherOwner(Self.result(.older, attempted: Lease()).owner))
    #expect(throws: ClientError.self) { try wallet.lease() }
  }

  @Test("a stale OLDER (the wallet is already newer) changes nothing")
  func staleOlderIgnored() throws {
    let wallet = LeaseWallet()
    wallet.add(Self.lease([5]))
    wallet.onLeaseUseResult(
      Self.result(.older, attempted: Self.lease([4, 0]), latest: Self.lease([4]))
    )
    #expect(try wallet.lease().sequence == [5, 0])
  }

  @Test(
    "REVOKED and WRONG_EPOCH for the current lease drop it",
    arguments: [
      (Bosdyn_Api_LeaseUseResult.Status.revoked, LeaseWallet.LeaseState.revoked),
      (.wrongEpoch, .unowned),
    ]
  )
  func revokedOrWrongEpoch(
    status: Bosdyn_Api_LeaseUseResult.Status,
    expected: LeaseWallet.LeaseState
  )
    throws
  {
    let wallet = LeaseWallet()
    wallet.add(Self.lease([2]))
    wallet.onLeaseUseResult(Self.result(status, attempted: try wallet.lease()))
    #expect(wallet.state() == expected)
  }

  @Test("REVOKED for some other lease changes nothing")
  func revokedOtherLeaseIgnored() throws {
    let wallet = LeaseWallet()
    wallet.add(Self.lease([2]))
    wallet.onLeaseUseResult(Self.result(.revoked, attempted: Self.lease([1])))
    #expect(try wallet.lease().sequence == [2, 0])
  }

  @Test("advance makes the current lease newer")
  func advance() throws {
    let wallet = LeaseWallet()
    wallet.add(Self.lease([2]))
    let advanced = try wallet.advance()
    #expect(advanced.sequence == [2, 1])
    #expect(try wallet.lease() == advanced)
  }

  @Test("remove forgets the resource")
  func remove() {
    let wallet = LeaseWallet()
    wallet.add(Self.lease([2]))
    wallet.remove(resource: "body")
    #expect(wallet.state() == nil)
  }
}
