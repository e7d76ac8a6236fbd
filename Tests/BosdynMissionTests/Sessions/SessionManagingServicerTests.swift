import BosdynClient
import BosdynAPI
import BosdynCore
import BosdynMission
import BosdynMissionTesting
import Synchronization
import Testing

@Suite("Sessions over real gRPC")
struct SessionManagingServicerTests {
  @Test func aSessionRunsToSuccessThenIsTornDown() async throws {
    let base = CountdownServicer()
    let servicer = SessionManagingServicer(base)
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      let id = try await client.establishSession()
      #expect(!id.isEmpty)
      #expect(try await client.tick(sessionID: id).status == .running)
      #expect(try await client.tick(sessionID: id).status == .running)
      #expect(try await client.tick(sessionID: id).status == .success)
      try await client.stop(sessionID: id)
      try await client.teardownSession(sessionID: id)
      #expect(servicer.sessions.count == 0)
      #expect(base.tornDown.withLock { $0 } == 1)
      // A torn-down session is unknown from then on.
      let error = try await #require(throws: ClientError.self) {
        _ = try await client.tick(sessionID: id)
      }
      #expect(error.code == .invalidSessionID)
    }
  }

  @Test(arguments: ["", "no-such-session", String(repeating: "x", count: 10_000)])
  func unknownSessionIdsAreRejectedEverywhere(id: String) async throws {
    let servicer = SessionManagingServicer(CountdownServicer())
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      for call in [
        { try await _ = client.tick(sessionID: id) },
        { try await client.stop(sessionID: id) },
        { try await client.teardownSession(sessionID: id) },
      ] as [@Sendable () async throws -> Void] {
        let error = try await #require(throws: ClientError.self) { try await call() }
        #expect(error.code == .invalidSessionID)
      }
      // The service still works afterwards.
      let good = try await client.establishSession()
      #expect(try await client.tick(sessionID: good).status == .running)
    }
  }

  @Test func concurrentSessionsDoNotShareState() async throws {
    let servicer = SessionManagingServicer(CountdownServicer())
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      let ids = try await withThrowingTaskGroup(of: String.self) { group in
        for _ in 0..<16 { group.addTask { try await client.establishSession() } }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      let finals = try await withThrowingTaskGroup(of: [TickResponse.Status].self) { group in
        for id in ids {
          group.addTask {
            var statuses: [TickResponse.Status] = []
            for _ in 0..<3 { statuses.append(try await client.tick(sessionID: id).status) }
            return statuses
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      #expect(finals.count == 16)
      #expect(finals.allSatisfy { $0 == [.running, .running, .success] })
    }
  }

  @Test func aRefusedSessionReportsItsStatus() async throws {
    let servicer = SessionManagingServicer(CountdownServicer())
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      var lease = Lease()
      lease.resource = "refuse"
      let error = try await #require(throws: ClientError.self) {
        _ = try await client.establishSession(leases: [lease])
      }
      #expect(error.code == .missingLeases)
      #expect(error.message.contains("body"))
      #expect(servicer.sessions.count == 0)
    }
  }

  @Test func evictedSessionsAreTornDownAndBecomeUnknown() async throws {
    let base = CountdownServicer()
    let servicer = SessionManagingServicer(base, maxSessions: 2)
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      let first = try await client.establishSession()
      _ = try await client.establishSession()
      _ = try await client.establishSession()
      #expect(servicer.sessions.count == 2)
      #expect(base.tornDown.withLock { $0 } == 1)
      let error = try await #require(throws: ClientError.self) {
        _ = try await client.tick(sessionID: first)
      }
      #expect(error.code == .invalidSessionID)
    }
  }
}
