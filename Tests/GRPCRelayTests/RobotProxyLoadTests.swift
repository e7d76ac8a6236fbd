import BosdynAPI
import GRPCCore
import GRPCProtobuf
import GRPCNIOTransportHTTP2
import GRPCRelay
import SpotSimulator
import Synchronization
import TestSupport
import Testing

/// Calls abandoned in bulk must not leave upstream streams behind: each one would hold a slot
/// of the pooled upstream connection's concurrent-stream limit (100 when the service announces
/// none) until, slot by slot, later calls wait forever.
@Suite("Robot proxy under load", .serialized)
struct RobotProxyLoadTests {
  private typealias MissionClient = Bosdyn_Api_Mission_MissionService.Client<
    HTTP2ClientTransport.Posix
  >
  private typealias RobotIdClient = Bosdyn_Api_RobotIdService.Client<HTTP2ClientTransport.Posix>

  /// More than twice the upstream connection's 100 streams: 100 reach the service, the rest
  /// wait in NIOHTTP2's buffer for a free slot when they are abandoned.
  private static let abandonedCalls = 250

  @Test("Abandoning many calls in flight resets them at the service; later calls still work")
  func abandonedCallsReleaseUpstreamStreams() async throws {
    let counters = SleepCounters()
    let transport = HTTP2ServerTransport.Posix(
      address: .ipv4(host: "127.0.0.1", port: 0),
      transportSecurity: .plaintext
    )
    try await withGRPCServer(
      transport: transport,
      services: [EchoRobotIdService(), SleepingStateService(counters: counters)]
    ) { server in
      let upstreamPort = try #require(try await server.listeningAddress?.ipv4?.port)
      try await Self.withOneLoopProxy(to: upstreamPort) { routes, port in
        // The calls go out on their own client connection, dropped with them in flight.
        try await withProxyClient(port: port) { client in
          let missions = MissionClient(wrapping: client)
          try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<Self.abandonedCalls {
              group.addTask {
                _ = try? await missions.getState(Bosdyn_Api_Mission_GetStateRequest())
              }
            }
            // Every call has been routed and the service holds as many as it will get.
            try await waitUntil("the abandoned calls to reach the service") {
              routes.heads.count >= Self.abandonedCalls && counters.started >= 100
            }
            group.cancelAll()
          }
        }
        // The service saw the calls it had started cancelled.
        try await waitUntil("100 cancellations") { counters.cancelled >= 100 }
        #expect(counters.started >= 100)
        #expect(counters.cancelled >= 100)

        // No stream of the abandoned calls is left open upstream: 99 new sleeping calls take
        // 99 of the pooled connection's 100 streams, and one more call still gets through.
        // (Before the fix the queued abandoned calls went out later and held their streams.)
        try await withProxyClient(port: port) { client in
          let missions = MissionClient(wrapping: client)
          let startedBefore = counters.started
          try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<99 {
              group.addTask {
                _ = try? await missions.getState(Bosdyn_Api_Mission_GetStateRequest())
              }
            }
            try await waitUntil("99 new calls") { counters.started >= startedBefore + 99 }
            try await Self.expectEchoAnswer(through: client)
            counters.release()
            group.cancelAll()
          }
        }
      }
      counters.release()
    }
  }

  @Test("A call waiting for a free upstream stream gets '504 Gateway Timeout', not a hang")
  func callWaitingForUpstreamCapacityTimesOut() async throws {
    let counters = SleepCounters()
    let transport = HTTP2ServerTransport.Posix(
      address: .ipv4(host: "127.0.0.1", port: 0),
      transportSecurity: .plaintext
    )
    try await withGRPCServer(
      transport: transport,
      services: [EchoRobotIdService(), SleepingStateService(counters: counters)]
    ) { server in
      let upstreamPort = try #require(try await server.listeningAddress?.ipv4?.port)
      try await Self.withOneLoopProxy(to: upstreamPort, responseTimeout: .seconds(1)) { _, port in
        try await withProxyClient(port: port) { client in
          let missions = MissionClient(wrapping: client)
          let codes = await withTaskGroup(of: RPCError.Code?.self) { group in
            for _ in 0..<120 {
              group.addTask {
                var options = CallOptions.defaults
                options.timeout = .seconds(10)
                do {
                  _ = try await missions.getState(
                    request: ClientRequest(message: Bosdyn_Api_Mission_GetStateRequest()),
                    options: options
                  ) { try $0.message }
                  return nil
                } catch let error as RPCError {
                  return error.code
                } catch {
                  return .unknown
                }
              }
            }
            var codes: [RPCError.Code?] = []
            for await code in group { codes.append(code) }
            return codes
          }
          // The 20 beyond the service's 100 streams waited for a slot; all end with 504.
          counters.release()
          #expect(codes.count == 120)
          #expect(codes.allSatisfy { $0 == .deadlineExceeded })
        }
        // The service stopped answering, so later calls use a new connection and succeed.
        try await Self.expectEchoAnswers(port: port)
      }
      // The service saw the calls it had started cancelled by the 504s.
      try await waitUntil("100 cancellations") { counters.cancelled >= 100 }
      #expect(counters.cancelled >= 100)
      counters.release()
    }
  }

  @Test("Answers to calls the proxy already reset, more than NIOHTTP2 remembers, wedge nothing")
  func lateAnswersToResetCalls() async throws {
    // A client gives up on 100 calls whose answers are on their way: the proxy resets the 100
    // upstream streams, then the answers arrive. NIOHTTP2 ignores frames on the last 32 streams
    // it reset by default and calls any others a connection error; the proxy's connections
    // must remember enough of them, and a connection that hits an error must not be used again.
    // (Seen with h2load: after a 128-stream run, every later call on that loop hung until 504.)
    let calls = CallCounter()
    try await withUpstreamServer(calls: calls) { upstreamPort in
      let relay = try await DelayingRelay(to: upstreamPort, delay: .milliseconds(500))
      try await Self.withOneLoopProxy(to: relay.port, responseTimeout: .seconds(30)) {
        routes,
        port in
        try await withProxyClient(port: port) { client in
          let robotID = RobotIdClient(wrapping: client)
          try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<100 {
              group.addTask { _ = try? await robotID.getRobotId(Bosdyn_Api_RobotIdRequest()) }
            }
            // The requests reach the service; its answers wait in the relay.
            try await waitUntil("100 calls at the service") { calls.value >= 100 }
            group.cancelAll()
          }
        }
        // A call made now is on the same upstream connection while the 100 answers arrive
        // there for streams the proxy reset: it gets its answer (the connection is not torn
        // down), and so does a call made afterwards.
        for _ in 0..<2 {
          try await Self.expectEchoAnswers(port: port)
        }
      }
      await relay.close()
    }
  }

  /// A proxy on one event loop (so every call shares one pooled upstream connection) that
  /// forwards `api.spot.robot` to `upstreamPort`.
  private static func withOneLoopProxy(
    to upstreamPort: Int,
    responseTimeout: Duration? = nil,
    _ body: (_ routes: ProxyRouteTable, _ port: Int) async throws -> Void
  ) async throws {
    let routes = ProxyRouteTable()
    routes["api.spot.robot"] = .forward(host: "127.0.0.1", port: upstreamPort, label: "robot")
    try await withRobotProxy(
      routes: routes,
      configure: { configuration in
        configuration.eventLoopCount = 1
        if let responseTimeout { configuration.upstreamResponseTimeout = responseTimeout }
      }
    ) { _, port in
      try await body(routes, port)
    }
  }

  /// A RobotId call through the proxy gets the echo service's answer within 5 s.
  private static func expectEchoAnswer(
    through client: GRPCClient<HTTP2ClientTransport.Posix>
  ) async throws {
    var options = CallOptions.defaults
    options.timeout = .seconds(5)
    let message = try await RobotIdClient(wrapping: client).getRobotId(
      request: ClientRequest(message: Bosdyn_Api_RobotIdRequest()),
      options: options
    ) { try $0.message }
    #expect(message.robotID.computerSerialNumber == "echo")
  }

  /// The same from a new client connection.
  private static func expectEchoAnswers(port: Int) async throws {
    try await withProxyClient(port: port) { try await Self.expectEchoAnswer(through: $0) }
  }
}

/// How many sleeping calls started and how many of those were cancelled.
final class SleepCounters: Sendable {
  private let counts = Mutex((started: 0, cancelled: 0, released: false))

  var started: Int { self.counts.withLock { $0.started } }
  var cancelled: Int { self.counts.withLock { $0.cancelled } }
  var released: Bool { self.counts.withLock { $0.released } }

  func start() { self.counts.withLock { $0.started += 1 } }
  func cancel() { self.counts.withLock { $0.cancelled += 1 } }
  /// Ends every sleep, so the server can shut down.
  func release() { self.counts.withLock { $0.released = true } }
}

/// `MissionService.GetState` that sleeps until cancelled, counting both.
struct SleepingStateService: RegistrableRPCService {
  var counters: SleepCounters

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    let counters = self.counters
    router.registerHandler(
      forMethod: Bosdyn_Api_Mission_MissionService.Method.GetState.descriptor,
      deserializer: ProtobufDeserializer<Bosdyn_Api_Mission_GetStateRequest>(),
      serializer: ProtobufSerializer<Bosdyn_Api_Mission_GetStateResponse>()
    ) { request, context in
      for try await _ in request.messages {}
      counters.start()
      // The RPC's cancellation (a reset from the proxy) ends the wait early.
      let cancelled = await withTaskGroup(of: Bool.self) { group in
        group.addTask { (try? await context.cancellation.cancelled) != nil }
        group.addTask {
          // Until the test releases the service (or a minute passes).
          let deadline = ContinuousClock.now + .seconds(60)
          while !counters.released, !Task.isCancelled, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
          }
          return false
        }
        let first = await group.next() ?? false
        group.cancelAll()
        return first
      }
      if cancelled {
        counters.cancel()
        throw RPCError(code: .cancelled, message: "cancelled")
      }
      return StreamingServerResponse(
        single: ServerResponse(message: Bosdyn_Api_Mission_GetStateResponse())
      )
    }
  }
}

@Suite("Robot proxy immediate routing")
struct RobotProxyImmediateRouteTests {
  private typealias RobotIdClient = Bosdyn_Api_RobotIdService.Client<HTTP2ClientTransport.Posix>

  @Test("Calls the immediate route decides skip the async route; nil falls back to it")
  func immediateRouteFirst() async throws {
    try await withUpstreamServer { upstreamPort in
      let asyncHeads = Mutex<[String]>([])
      let immediateHeads = Mutex<[String]>([])
      let forward = RobotProxy.Route.forward(host: "127.0.0.1", port: upstreamPort, label: "robot")
      var configuration = RobotProxy.Configuration(certificates: ProxyTestCertificates.shared)
      configuration.eventLoopCount = 1
      let proxy = RobotProxy(
        configuration: configuration,
        logger: proxyTestLogger,
        immediateRoute: { head in
          immediateHeads.withLock { $0.append(head.authority) }
          switch head.authority {
          case "api.spot.robot": return forward
          case "refused.spot.robot":
            return .reject(code: .permissionDenied, message: "403 immediately")
          default: return nil
          }
        },
        route: { head in
          asyncHeads.withLock { $0.append(head.authority) }
          return head.authority == "later.spot.robot"
            ? forward : .reject(code: .unavailable, message: "502 Bad Gateway: unknown")
        }
      )
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await proxy.run() }
        let port = try await proxy.listeningPort()
        for authority in ["api.spot.robot", "later.spot.robot"] {
          try await withProxyClient(port: port, authority: authority) { client in
            let message = try await RobotIdClient(wrapping: client).getRobotId(
              Bosdyn_Api_RobotIdRequest()
            )
            #expect(message.robotID.serialNumber == authority)
          }
        }
        try await withProxyClient(port: port, authority: "refused.spot.robot") { client in
          do {
            _ = try await RobotIdClient(wrapping: client).getRobotId(Bosdyn_Api_RobotIdRequest())
            Issue.record("The call succeeded")
          } catch let error as RPCError {
            #expect(error.code == .permissionDenied)
            #expect(error.message == "403 immediately")
          }
        }
        group.cancelAll()
      }
      #expect(
        immediateHeads.withLock { $0 }
          == ["api.spot.robot", "later.spot.robot", "refused.spot.robot"]
      )
      #expect(asyncHeads.withLock { $0 } == ["later.spot.robot"])
    }
  }
}
