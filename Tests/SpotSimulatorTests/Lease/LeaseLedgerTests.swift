import BosdynAPI
import BosdynCore
import SpotSimulator
import TestSupport
import SwiftProtobuf
import Testing

@Suite("Lease ledger")
struct LeaseLedgerTests {
  static func owner(_ name: String) -> Bosdyn_Api_LeaseOwner {
    var owner = Bosdyn_Api_LeaseOwner()
    owner.clientName = name
    return owner
  }

  static func ledger(timeout: Duration = .seconds(30), time: ManualTime = ManualTime())
    -> LeaseLedger
  {
    LeaseLedger(
      configuration: .init(resourceTree: .spotWithArm, retainTimeout: timeout, epoch: nil),
      clock: time.clock
    )
  }

  @Test func acquireClaimsTheTreeAndRefusesOthers() {
    let ledger = Self.ledger()
    let first = ledger.acquire(resource: "body", owner: Self.owner("alice"))
    #expect(first.status == .ok)
    #expect(first.lease.resource == "body")
    #expect(first.lease.epoch == ledger.epoch)
    #expect(first.lease.isValid)
    let second = ledger.acquire(resource: "arm", owner: Self.owner("bob"))
    #expect(second.status == .resourceAlreadyClaimed)
    #expect(second.leaseOwner.clientName == "alice")
    #expect(ledger.acquire(resource: "tail", owner: Self.owner("bob")).status == .invalidResource)
    #expect(ledger.take(resource: "tail", owner: Self.owner("bob")).status == .invalidResource)
  }

  @Test func takeMakesThePreviousLeaseOlder() throws {
    let ledger = Self.ledger()
    let alice = ledger.acquire(resource: "body", owner: Self.owner("alice")).lease
    let bob = ledger.take(resource: "body", owner: Self.owner("bob"))
    #expect(bob.status == .ok)
    #expect(bob.lease.compare(to: alice) == .newer)
    let verdict = ledger.judge([alice.sublease(clientName: "alice")])
    #expect(verdict.status == .older)
    #expect(verdict.latestKnownLease.sequence == bob.lease.sequence)
    #expect(verdict.owner.clientName == "bob")
    #expect(ledger.retain(alice).status == .older)
    #expect(ledger.returnLease(alice) == .notActiveLease)
    #expect(ledger.judge([bob.lease]).status == .ok)
  }

  @Test func takingASubResourceStalesTheBodyLease() {
    let ledger = Self.ledger()
    let body = ledger.acquire(resource: "body", owner: Self.owner("alice")).lease
    #expect(ledger.take(resource: "arm", owner: Self.owner("bob")).status == .ok)
    #expect(ledger.judge([body]).status == .older)
    // The body lease no longer covers the whole body, whatever the command needs.
    #expect(ledger.judge([body], resource: "mobility").status == .older)
    // Bob's arm lease works for the arm, not for the body.
    let arm = ledger.list(includeFullLeaseInfo: false).resources.first { $0.resource == "arm" }
    #expect(ledger.judge([arm?.lease ?? Lease()], resource: "arm").status == .ok)
    #expect(ledger.judge([arm?.lease ?? Lease()], resource: "body").status == .unmanaged)
  }

  @Test func subleasesAreAcceptedAndSupersedeTheirParent() throws {
    let ledger = Self.ledger()
    let lease = ledger.acquire(resource: "body", owner: Self.owner("alice")).lease
    let wallet = lease.sublease(clientName: "alice")
    #expect(ledger.judge([wallet]).status == .ok)
    let mission = wallet.sublease(clientName: "power-off")
    #expect(ledger.judge([mission]).status == .ok)
    // The wallet's own lease is now a super-lease of the newest seen: older for commands...
    #expect(ledger.judge([wallet]).status == .older)
    // ...but the lease service still lets the owner retain and return it.
    #expect(ledger.retain(wallet).status == .ok)
    let newer = try #require(mission.newer())
    #expect(ledger.judge([newer]).status == .ok)
    #expect(ledger.judge([mission]).status == .older)
    #expect(ledger.returnLease(wallet) == .ok)
  }

  @Test func badLeasesGetTheirStatus() {
    let ledger = Self.ledger()
    let lease = ledger.acquire(resource: "body", owner: Self.owner("alice")).lease
    #expect(ledger.judge([]).status == .invalidLease)
    #expect(ledger.judge([Bosdyn_Api_Lease()]).status == .invalidLease)
    var otherEpoch = lease
    otherEpoch.epoch = "another-boot"
    #expect(ledger.judge([otherEpoch]).status == .wrongEpoch)
    var unknown = lease
    unknown.resource = "tail"
    #expect(ledger.judge([unknown]).status == .unmanaged)
    var armOnly = lease
    armOnly.resource = "arm"
    #expect(ledger.judge([armOnly], resource: "body").status == .unmanaged)
    #expect(ledger.retain(unknown).status == .unmanaged)
    #expect(ledger.retain(otherEpoch).status == .wrongEpoch)
  }

  @Test func returnedLeaseIsRevokedAndTheResourceFree() {
    let ledger = Self.ledger()
    let lease = ledger.acquire(resource: "body", owner: Self.owner("alice")).lease
    #expect(ledger.returnLease(lease.sublease(clientName: "alice")) == .ok)
    #expect(ledger.returnLease(lease) == .notActiveLease)
    #expect(ledger.judge([lease]).status == .revoked)
    #expect(ledger.retain(lease).status == .revoked)
    #expect(ledger.acquire(resource: "body", owner: Self.owner("bob")).status == .ok)
    #expect(ledger.judge([lease]).status == .older)
  }

  @Test func silentOwnersLoseTheLease() async throws {
    let time = ManualTime()
    let ledger = Self.ledger(timeout: .seconds(3), time: time)
    let lease = ledger.acquire(resource: "body", owner: Self.owner("alice")).lease
    // Retained every 2 s, the lease outlives several timeouts.
    for _ in 0..<3 {
      await time.advance(by: .seconds(2))
      #expect(ledger.retain(lease).status == .ok)
    }
    var listed = ledger.list(includeFullLeaseInfo: true)
    #expect(listed.resources.first?.isStale == false)
    #expect(
      listed.resources.first?.staleTime
        == Google_Protobuf_Timestamp(date: time.clock.wallTime(at: time.clock.now + .seconds(3)))
    )
    #expect(
      ledger.acquire(resource: "body", owner: Self.owner("bob")).status == .resourceAlreadyClaimed
    )
    // Silent for just under the timeout: still held (listing is not a use of the lease).
    await time.advance(by: .milliseconds(2999))
    #expect(ledger.list(includeFullLeaseInfo: true).resources.first?.isStale == false)
    await time.advance(by: .milliseconds(2))
    #expect(ledger.judge([lease]).status == .revoked)
    #expect(ledger.retain(lease).status == .revoked)
    listed = ledger.list(includeFullLeaseInfo: true)
    #expect(listed.resources.first?.isStale == true)
    #expect(ledger.acquire(resource: "body", owner: Self.owner("bob")).status == .ok)
  }

  @Test func listShowsTheTreeAndOwners() {
    let ledger = Self.ledger()
    _ = ledger.acquire(resource: "full-arm", owner: Self.owner("alice"))
    let listed = ledger.list(includeFullLeaseInfo: false)
    #expect(listed.resourceTree == .spotWithArm)
    #expect(listed.resources.map(\.resource) == ["body", "mobility", "full-arm", "arm", "gripper"])
    let byName = Dictionary(uniqueKeysWithValues: listed.resources.map { ($0.resource, $0) })
    #expect(byName["arm"]?.leaseOwner.clientName == "alice")
    #expect(byName["full-arm"]?.lease.resource == "full-arm")
    #expect(byName["body"]?.hasLeaseOwner == false)
    #expect(byName["mobility"]?.hasLease == false)
  }
}
