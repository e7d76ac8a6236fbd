import BosdynAPI
import BosdynCore
import BosdynRobot
import TestSupport
import Testing

/// The robot honours only leases it issued and the ones derived from them.
@Suite("Leases the robot never issued")
struct LeaseForgeryTests {
  @Test func aSequenceOneAboveTheListedLeaseIsRefusedAndTheOwnerKeepsTheBody() async throws {
    try await TestRobot.with { robot in
      try await robot.withConnection(clientName: "owner") { owner in
        let wallet = LeaseWallet(clientName: "owner")
        let leases = LeaseClient(connection: owner, wallet: wallet)
        try await leases.acquire()
        try await robot.withConnection(clientName: "intruder") { intruder in
          // What ListLeases tells anyone with a token, one step further.
          let listed = try await LeaseClient(connection: intruder).list()
          let body = try #require(listed.first { $0.resource == "body" })
          #expect(body.leaseOwner.clientName == "owner")
          #expect(body.leaseOwner.userName == "user")
          var forged = body.lease
          forged.sequence[forged.sequence.count - 1] += 1
          let refused = await #expect(throws: ClientError.self) {
            try await PowerClient(connection: intruder).command(.on, lease: forged)
          }
          #expect(refused?.code == .leaseUseError)
          #expect(refused?.leaseUseResult?.status == .invalidLease)
          let retained = await #expect(throws: ClientError.self) {
            try await LeaseClient(connection: intruder).retain(forged)
          }
          #expect(retained?.code == .leaseUseError)
        }
        // The owner's lease is still the newest: its commands and the ones it derives go on.
        #expect(try await leases.retain(try wallet.lease()).status == .ok)
        let advanced = try wallet.advance()
        let (status, _) = try await PowerClient(connection: owner).command(.on, lease: advanced)
        #expect(status == .statusInProgress)
      }
    }
  }
}
