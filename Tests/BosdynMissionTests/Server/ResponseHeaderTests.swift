import BosdynClient
import BosdynAPI
import BosdynCore
import BosdynMission
import BosdynMissionTesting
import GRPCCore
import GRPCNIOTransportHTTP2
import GRPCProtobuf
import Synchronization
import SwiftProtobuf
import Testing

@Suite("Response headers, over real gRPC on loopback")
struct ResponseHeaderTests {
  @Test func everyResponseEchoesTheRequestHeaderAndIsStamped() async throws {
    let servicer = ScriptedServicer { _ in .success() }
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      let before = Google_Protobuf_Timestamp.now
      let response = try await client.tick(sessionID: "")
      let after = Google_Protobuf_Timestamp.now
      let sent = try #require(servicer.lastRequest.withLock { $0 })
      #expect(response.header.requestHeader == sent.header)
      #expect(response.header.requestHeader.clientName == "test-client")
      #expect(response.header.error.code == .ok)
      let received = response.header.requestReceivedTimestamp
      let answered = response.header.responseTimestamp
      #expect(received.date >= before.date && received.date <= answered.date)
      #expect(answered.date <= after.date)
    }
  }

  @Test func aThrowingServicerReturnsAnInternalServerErrorHeaderAndKeepsServing() async throws {
    let servicer = ScriptedServicer { request in
      if request.sessionID == "break" { throw ScriptedServicer.Failure() }
      return .success()
    }
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      let error = try await #require(throws: ClientError.self) {
        _ = try await client.tick(sessionID: "break")
      }
      #expect(error.code == .internalServerError)
      #expect(error.layer == .response)
      #expect(error.message.contains("[Failure] the servicer broke on purpose"))
      // The same connection still works.
      #expect(try await client.tick(sessionID: "fine").status == .success)
    }
  }

  @Test func aRequestWithoutHeaderIsServed() async throws {
    let servicer = ScriptedServicer { _ in .success() }
    try await withRemoteMissionTestServer(servicer: servicer) { _, port in
      try await withRawStub(port: port) { stub in
        let response = try await stub.tick(TickRequest())
        #expect(response.status == .success)
        #expect(response.header.error.code == .ok)
        #expect(response.header.hasResponseTimestamp)
      }
    }
  }

  @Test func unimplementedRPCsAnswerLikeTheDocumentsHelloWorld() async throws {
    let servicer = ScriptedServicer { _ in .success() }
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      #expect(try await client.establishSession() == "")
      try await client.stop(sessionID: "")
      try await client.teardownSession(sessionID: "")
      let info = try await client.serviceInfo()
      #expect(info.header.error.code == .ok)
      #expect(info.customParams.specs.isEmpty)
    }
  }

  @Test func aBodyThatIsNotProtobufGetsAnRPCErrorAndTheServerKeepsServing() async throws {
    let servicer = ScriptedServicer { _ in .success() }
    try await withRemoteMissionTestServer(servicer: servicer) { client, port in
      try await withRawClient(port: port) { _, grpcClient in
        // 0xFF is a field header with wire type 7, which does not exist.
        let error = try await #require(throws: RPCError.self) {
          try await grpcClient.unary(
            request: ClientRequest(message: [UInt8]([0xFF, 0xFF, 0xFF])),
            descriptor: Bosdyn_Api_Mission_RemoteMissionService.Method.Tick.descriptor,
            serializer: RawBytesSerializer(),
            deserializer: ProtobufDeserializer<TickResponse>(),
            options: CallOptions.defaults
          ) { response in try response.message }
        }
        #expect(error.code == .internalError || error.code == .invalidArgument, "\(error)")
      }
      #expect(try await client.tick(sessionID: "").status == .success)
    }
  }

  @Test func gracefulShutdownLetsAnInFlightTickComplete() async throws {
    let started = AsyncStream<Void>.makeStream()
    let release = AsyncStream<Void>.makeStream()
    let slow = SlowServicer(started: started.continuation, release: release.stream)
    let server = RemoteMissionServer(servicer: slow, configuration: .init(host: "127.0.0.1"))
    try await withThrowingTaskGroup { group in
      group.addTask { try await server.serve() }
      let port = try await server.listeningPort()
      let response = try await RemoteMissionClient.withDirectConnection(
        host: "127.0.0.1",
        port: port
      ) { client in
        async let tick = client.tick(sessionID: "")
        var iterator = started.stream.makeAsyncIterator()
        await iterator.next()
        // Shut down while the tick is in flight, then let it finish.
        server.beginGracefulShutdown()
        release.continuation.finish()
        return try await tick
      }
      #expect(response.status == .success)
      try await group.waitForAll()
    }
  }
}

/// Ticks announce when they start and finish when the test releases them.
struct SlowServicer: RemoteMissionServicer {
  let started: AsyncStream<Void>.Continuation
  let release: AsyncStream<Void>
  func tick(_ request: TickRequest) async throws -> TickResponse {
    self.started.yield()
    for await _ in self.release {}
    return .success()
  }
}
