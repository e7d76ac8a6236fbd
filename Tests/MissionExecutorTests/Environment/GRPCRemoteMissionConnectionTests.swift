import BosdynAPI
import BosdynClient
import BosdynCore
import BosdynMission
import BosdynMissionTesting
import GRPCCore
import GRPCNIOTransportHTTP2
import MissionExecutor
import Testing

@Suite("Connections over a generated gRPC client", .timeLimit(.minutes(1)))
struct GRPCRemoteMissionConnectionTests {
  /// Runs `body` with a GRPCRemoteMissionConnection to `servicer` over loopback HTTP/2.
  private func withConnection(
    to servicer: RecordingServicer,
    _ body: (any RemoteMissionConnection) async throws -> Void
  ) async throws {
    try await withRemoteMissionTestServer(servicer: servicer) { _, port in
      let transport = try HTTP2ClientTransport.Posix(
        target: .ipv4(address: "127.0.0.1", port: port),
        transportSecurity: .plaintext
      )
      try await withGRPCClient(transport: transport) { client in
        let stub = Bosdyn_Api_Mission_RemoteMissionService.Client(wrapping: client)
        try await body(GRPCRemoteMissionConnection(client: stub, clientName: "unit-robot"))
      }
    }
  }

  @Test func requestsAreStampedWithTheClientNameAndRunAMission() async throws {
    let servicer = RecordingServicer { _, number in .respond(number < 2 ? .running() : .success()) }
    try await self.withConnection(to: servicer) { connection in
      let run = try await MissionRun(
        root: .remote("call", service: "rec"),
        services: ["rec": connection]
      )
      #expect(try await run.untilFinished().status == .success)
    }
    #expect(servicer.ticks.map(\.header.clientName) == ["unit-robot", "unit-robot"])
    #expect(servicer.establishRequests.first?.header.clientName == "unit-robot")
    #expect(servicer.events.stops == 1 && servicer.events.teardowns == 1)
  }

  @Test func aResponseHeaderWithAnErrorIsAFailedCall() async throws {
    let servicer = RecordingServicer { _, _ in .crash }
    try await self.withConnection(to: servicer) { connection in
      var request = TickRequest()
      request.sessionID = (try await connection.call(EstablishSessionRequest())).sessionID
      let error = try await #require(throws: ClientError.self) {
        _ = try await connection.call(request)
      }
      #expect(error.code == .internalServerError)
      #expect(error.layer == .response)
    }
  }

  @Test func aStatusThatIsNotAnErrorComesBackAsTheResponse() async throws {
    let servicer = RecordingServicer()
    try await self.withConnection(to: servicer) { connection in
      var request = TickRequest()
      request.sessionID = "unknown"
      let tick = try await connection.call(request)
      #expect(tick.status == .invalidSessionID)
      var stop = StopRequest()
      stop.sessionID = "unknown"
      let stopped = try await connection.call(stop)
      #expect(stopped.status == .ok)
    }
  }
}
