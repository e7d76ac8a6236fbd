import BosdynAPI
import BosdynCore
import SpotSimulator
import TestSupport
import Testing

@Suite("Lease service over gRPC")
struct LeaseServiceTests {
  @Test func acquireTakeRetainReturnList() async throws {
    let harness = BodyServiceHarness()
    try await harness.serve { robot in
      var acquire = Bosdyn_Api_AcquireLeaseRequest()
      acquire.header = .stamped(clientName: "alice")
      acquire.resource = "body"
      let acquired = try await robot.lease.acquireLease(acquire)
      #expect(acquired.status == .ok)
      #expect(acquired.header.error.code == .ok)
      #expect(acquired.header.requestHeader.clientName == "alice")
      #expect(acquired.header.hasRequestReceivedTimestamp && acquired.header.hasResponseTimestamp)
      #expect(acquired.leaseOwner.clientName == "alice")

      acquire.header = .stamped(clientName: "bob")
      let refused = try await robot.lease.acquireLease(acquire)
      #expect(refused.status == .resourceAlreadyClaimed)
      #expect(refused.leaseOwner.clientName == "alice")

      var unknown = Bosdyn_Api_AcquireLeaseRequest()
      unknown.resource = "tail"
      #expect(try await robot.lease.acquireLease(unknown).status == .invalidResource)

      let wallet = acquired.lease.sublease(clientName: "alice")
      var retain = Bosdyn_Api_RetainLeaseRequest()
      retain.lease = wallet
      let retained = try await robot.lease.retainLease(retain)
      #expect(retained.leaseUseResult.status == .ok)
      #expect(retained.header.error.code == .ok)

      var take = Bosdyn_Api_TakeLeaseRequest()
      take.header = .stamped(clientName: "bob")
      take.resource = "body"
      let taken = try await robot.lease.takeLease(take)
      #expect(taken.status == .ok)
      #expect(taken.lease.compare(to: acquired.lease) == .newer)
      #expect(try await robot.lease.retainLease(retain).leaseUseResult.status == .older)

      var returnAlice = Bosdyn_Api_ReturnLeaseRequest()
      returnAlice.lease = wallet
      #expect(try await robot.lease.returnLease(returnAlice).status == .notActiveLease)

      var list = Bosdyn_Api_ListLeasesRequest()
      list.includeFullLeaseInfo = true
      let listed = try await robot.lease.listLeases(list)
      #expect(listed.header.error.code == .ok)
      #expect(listed.resourceTree.resource == "body")
      let body = try #require(listed.resources.first { $0.resource == "body" })
      #expect(body.leaseOwner.clientName == "bob")
      #expect(body.lease.sequence == taken.lease.sequence)
      #expect(body.hasStaleTime)
      #expect(!body.isStale)

      var returnBob = Bosdyn_Api_ReturnLeaseRequest()
      returnBob.lease = taken.lease
      #expect(try await robot.lease.returnLease(returnBob).status == .ok)
      let afterReturn = try await robot.lease.listLeases(list)
      #expect(afterReturn.resources.first { $0.resource == "body" }?.hasLeaseOwner == false)
    }
  }

  @Test func leaseIsRevokedAfterTheRetainTimeout() async throws {
    let time = ManualTime()
    let harness = BodyServiceHarness(retainTimeout: .seconds(3), time: time)
    try await harness.serve { robot in
      let lease = try await robot.acquire("alice")
      await time.advance(by: .seconds(3) + .milliseconds(1))
      var retain = Bosdyn_Api_RetainLeaseRequest()
      retain.lease = lease
      #expect(try await robot.lease.retainLease(retain).leaseUseResult.status == .revoked)
      var power = Bosdyn_Api_PowerCommandRequest()
      power.request = .on
      power.lease = lease
      #expect(try await robot.power.powerCommand(power).leaseUseResult.status == .revoked)
      let bob = try await robot.acquire("bob")
      #expect(bob.compare(to: lease) == .newer)
    }
  }
}
