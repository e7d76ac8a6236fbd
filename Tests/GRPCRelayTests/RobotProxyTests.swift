import BosdynAPI
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import GRPCRelay
import SpotSimulator
import NIOCore
import NIOHPACK
import NIOHTTP2
import TestSupport
import Testing

@Suite("Robot proxy")
struct RobotProxyTests {
  private typealias RobotIdClient = Bosdyn_Api_RobotIdService.Client<HTTP2ClientTransport.Posix>
  private typealias MissionClient = Bosdyn_Api_Mission_MissionService.Client<
    HTTP2ClientTransport.Posix
  >

  private static func robotIdRequest(_ metadata: Metadata = [:]) -> ClientRequest<
    Bosdyn_Api_RobotIdRequest
  > {
    ClientRequest(message: Bosdyn_Api_RobotIdRequest(), metadata: metadata)
  }

  private static func expectRPCError(
    code: RPCError.Code,
    containing fragments: [String],
    notContaining absent: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation,
    _ call: () async throws -> Void
  ) async throws {
    do {
      try await call()
      Issue.record("The call succeeded", sourceLocation: sourceLocation)
    } catch let error as RPCError {
      #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
      for fragment in fragments {
        #expect(
          error.message.contains(fragment),
          "\(error.message)",
          sourceLocation: sourceLocation
        )
      }
      for fragment in absent {
        #expect(
          !error.message.contains(fragment),
          "\(error.message)",
          sourceLocation: sourceLocation
        )
      }
    }
  }

  @Test("A unary call reaches the service with :authority and metadata untouched")
  func unaryCallPassesMetadata() async throws {
    try await withUpstreamServer { upstreamPort in
      let routes = ProxyRouteTable()
      routes["api.spot.robot"] = .forward(host: "127.0.0.1", port: upstreamPort, label: "robot")
      try await withRobotProxy(routes: routes) { _, port in
        try await withProxyClient(port: port) { client in
          let response = try await RobotIdClient(wrapping: client).getRobotId(
            request: Self.robotIdRequest(["x-test": "hello", "authorization": "Bearer abc"])
          ) { $0 }
          let message = try response.message
          #expect(message.robotID.serialNumber == "api.spot.robot")
          #expect(message.robotID.nickname == "hello")
          #expect(message.robotID.species == "Bearer abc")
          #expect(response.metadata[stringValues: "x-echo"].map { $0 } == ["hello"])
          #expect(response.trailingMetadata[stringValues: "x-trailer"].map { $0 } == ["echo"])
        }
      }
      let head = try #require(routes.heads.first)
      #expect(head.authority == "api.spot.robot")
      #expect(head.path == "/bosdyn.api.RobotIdService/GetRobotId")
      #expect(head.serviceName == "bosdyn.api.RobotIdService")
      #expect(head.authorization == "Bearer abc")
    }
  }

  @Test("Calls go where their authority says; a service's own status comes back unchanged")
  func routesByAuthority() async throws {
    try await withUpstreamServer(name: "first") { firstPort in
      try await withUpstreamServer(name: "second") { secondPort in
        let routes = ProxyRouteTable()
        routes["api.spot.robot"] = .forward(host: "127.0.0.1", port: firstPort, label: "robot")
        routes["hello-world-callback.spot.robot"] = .forward(
          host: "127.0.0.1",
          port: secondPort,
          label: "hello-world-callback"
        )
        try await withRobotProxy(routes: routes) { _, port in
          for (authority, name) in [
            ("api.spot.robot", "first"), ("hello-world-callback.spot.robot", "second"),
          ] {
            try await withProxyClient(port: port, authority: authority) { client in
              let robotId = RobotIdClient(wrapping: client)
              let message = try await robotId.getRobotId(Bosdyn_Api_RobotIdRequest())
              #expect(message.robotID.computerSerialNumber == name)
              #expect(message.robotID.serialNumber == authority)
              try await Self.expectRPCError(
                code: .permissionDenied,
                containing: ["denied by \(name)"]
              ) {
                _ = try await robotId.getRobotId(
                  request: Self.robotIdRequest(["x-fail": "permission"])
                ) { try $0.message }
              }
            }
          }
        }
      }
    }
  }

  @Test("Many concurrent calls share the pooled upstream connection")
  func concurrentCalls() async throws {
    try await withUpstreamServer { upstreamPort in
      let routes = ProxyRouteTable()
      routes["api.spot.robot"] = .forward(host: "127.0.0.1", port: upstreamPort, label: "robot")
      try await withRobotProxy(routes: routes) { _, port in
        try await withProxyClient(port: port) { client in
          let robotId = RobotIdClient(wrapping: client)
          try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<200 {
              group.addTask {
                let message = try await robotId.getRobotId(
                  request: Self.robotIdRequest(["x-test": "\(index)"])
                ) { try $0.message }
                return message.robotID.nickname == "\(index)"
              }
            }
            var matched = 0
            for try await ok in group where ok { matched += 1 }
            #expect(matched == 200)
          }
        }
      }
    }
  }

  @Test("A bidirectional stream relays every message both ways, large ones too")
  func bidirectionalStreaming() async throws {
    try await withUpstreamServer { upstreamPort in
      let routes = ProxyRouteTable()
      routes["api.spot.robot"] = .forward(host: "127.0.0.1", port: upstreamPort, label: "robot")
      try await withRobotProxy(routes: routes) { _, port in
        try await withProxyClient(port: port) { client in
          // Bigger than every flow-control window on the way, so backpressure has to work.
          let sizes = [1, 10, 1000, 3 << 20, 0, 70_000] + Array(repeating: 100, count: 50)
          let received = try await MissionClient(wrapping: client).loadMissionAsChunks2(
            requestProducer: { writer in
              for (index, size) in sizes.enumerated() {
                var chunk = Bosdyn_Api_DataChunk()
                chunk.totalSize = UInt64(index)
                chunk.data = Data(repeating: UInt8(truncatingIfNeeded: index), count: size)
                try await writer.write(chunk)
              }
            },
            onResponse: { response in
              var received: [Bosdyn_Api_DataChunk] = []
              for try await chunk in response.messages { received.append(chunk) }
              return received
            }
          )
          #expect(received.count == sizes.count)
          for (index, chunk) in received.enumerated() {
            #expect(chunk.totalSize == UInt64(index))
            #expect(chunk.data.count == sizes[index])
            #expect(chunk.data.allSatisfy { $0 == UInt8(truncatingIfNeeded: index) })
          }
        }
      }
    }
  }

  @Test("A refusing route answers with exactly its code and message")
  func rejectRoute() async throws {
    let routes = ProxyRouteTable()
    routes["auth-needed.spot.robot"] = .reject(
      code: .unauthenticated,
      message: "401 Unauthorized: no token for ünïcode% service"
    )
    try await withRobotProxy(routes: routes) { _, port in
      try await withProxyClient(port: port, authority: "auth-needed.spot.robot") { client in
        try await Self.expectRPCError(
          code: .unauthenticated,
          containing: ["401 Unauthorized: no token for ünïcode% service"]
        ) {
          _ = try await RobotIdClient(wrapping: client).getRobotId(Bosdyn_Api_RobotIdRequest())
        }
      }
      try await withProxyClient(port: port, authority: "nobody.spot.robot") { client in
        try await Self.expectRPCError(
          code: .unavailable,
          containing: ["502 Bad Gateway: no service registered for nobody.spot.robot"]
        ) {
          _ = try await RobotIdClient(wrapping: client).getRobotId(Bosdyn_Api_RobotIdRequest())
        }
      }
    }
  }

  @Test("An upstream that refuses connections gives UNAVAILABLE 'Failed to connect to remote host'")
  func refusedUpstream() async throws {
    let refused = try await RawListener.refusedPort()
    let routes = ProxyRouteTable()
    routes["down.spot.robot"] = .forward(host: "127.0.0.1", port: refused, label: "down")
    try await withRobotProxy(routes: routes) { _, port in
      try await withProxyClient(port: port, authority: "down.spot.robot") { client in
        for _ in 0..<2 {
          try await Self.expectRPCError(
            code: .unavailable,
            containing: ["Failed to connect to remote host", "down", "\(refused)"],
            notContaining: ["Connect Failed"]
          ) {
            _ = try await RobotIdClient(wrapping: client).getRobotId(Bosdyn_Api_RobotIdRequest())
          }
        }
      }
    }
  }

  @Test("An upstream that never answers gives DEADLINE_EXCEEDED '504 Gateway Timeout'")
  func hangingUpstream() async throws {
    let silent = try await RawListener(.silent)
    let routes = ProxyRouteTable()
    routes["slow.spot.robot"] = .forward(host: "127.0.0.1", port: silent.port, label: "slow")
    try await withRobotProxy(
      routes: routes,
      configure: { $0.upstreamResponseTimeout = .milliseconds(200) }
    ) { _, port in
      try await withProxyClient(port: port, authority: "slow.spot.robot") { client in
        try await Self.expectRPCError(
          code: .deadlineExceeded,
          containing: ["504 Gateway Timeout", "slow"]
        ) {
          _ = try await RobotIdClient(wrapping: client).getRobotId(Bosdyn_Api_RobotIdRequest())
        }
      }
    }
    await silent.close()
  }

  @Test("An upstream that drops the connection mid-call gives UNAVAILABLE '502'")
  func upstreamClosesConnection() async throws {
    let closer = try await RawListener(.closeOnRead)
    let routes = ProxyRouteTable()
    routes["flaky.spot.robot"] = .forward(host: "127.0.0.1", port: closer.port, label: "flaky")
    try await withRobotProxy(routes: routes) { _, port in
      try await withProxyClient(port: port, authority: "flaky.spot.robot") { client in
        try await Self.expectRPCError(
          code: .unavailable,
          containing: ["502", "flaky"],
          notContaining: ["Connect Failed", "Failed to connect", "Socket closed"]
        ) {
          _ = try await RobotIdClient(wrapping: client).getRobotId(Bosdyn_Api_RobotIdRequest())
        }
      }
    }
    await closer.close()
  }

  @Test("An upstream that breaks HTTP/2 gives UNAVAILABLE '502' at once, not a 504 later")
  func upstreamProtocolViolation() async throws {
    // NIOHTTP2 answers a protocol error with a GOAWAY but leaves the socket open; the proxy
    // closes it, so the call ends now and the next one gets a new connection.
    let violator = try await RawListener(.protocolViolation)
    let routes = ProxyRouteTable()
    routes["broken.spot.robot"] = .forward(
      host: "127.0.0.1",
      port: violator.port,
      label: "broken"
    )
    try await withRobotProxy(
      routes: routes,
      configure: { $0.upstreamResponseTimeout = .seconds(30) }
    ) { _, port in
      try await withProxyClient(port: port, authority: "broken.spot.robot") { client in
        for _ in 0..<2 {
          var options = CallOptions.defaults
          options.timeout = .seconds(10)
          try await Self.expectRPCError(code: .unavailable, containing: ["502", "broken"]) {
            _ = try await RobotIdClient(wrapping: client).getRobotId(
              request: ClientRequest(message: Bosdyn_Api_RobotIdRequest()),
              options: options
            ) { try $0.message }
          }
        }
      }
    }
    await violator.close()
  }

  @Test("When the service restarts, the proxy connects again")
  func upstreamRestart() async throws {
    let routes = ProxyRouteTable()
    try await withRobotProxy(routes: routes) { _, port in
      try await withProxyClient(port: port, authority: "restart.spot.robot") { client in
        let robotId = RobotIdClient(wrapping: client)
        let upstreamPort = try await withUpstreamServer(name: "before") { upstreamPort in
          routes["restart.spot.robot"] = .forward(
            host: "127.0.0.1",
            port: upstreamPort,
            label: "restart"
          )
          let message = try await robotId.getRobotId(Bosdyn_Api_RobotIdRequest())
          #expect(message.robotID.computerSerialNumber == "before")
          return upstreamPort
        }
        try await Self.expectRPCError(
          code: .unavailable,
          containing: ["Failed to connect to remote host"]
        ) {
          _ = try await robotId.getRobotId(Bosdyn_Api_RobotIdRequest())
        }
        try await withUpstreamServer(name: "after", port: upstreamPort) { _ in
          let message = try await robotId.getRobotId(Bosdyn_Api_RobotIdRequest())
          #expect(message.robotID.computerSerialNumber == "after")
        }
      }
    }
  }

  @Test(
    "A NIOSSL client verifying the robot's names accepts the certificate",
    arguments: [
      "api.spot.robot", "auth.spot.robot", "id.spot.robot", "hello-world-callback.spot.robot",
      "payload-registration.spot.robot", "localhost",
    ]
  )
  func hostnameVerification(name: String) async throws {
    // NIOSSL also accepts a certificate whose IP addresses include the one it connected to, so
    // a name outside the certificate cannot fail here; the Python test checks that case.
    let routes = ProxyRouteTable()
    try await withRobotProxy(routes: routes) { _, port in
      let client = try await RawTLSClient(
        port: port,
        serverHostname: name,
        caPEM: ProxyTestCertificates.shared.caCertificatePEM
      )
      await client.close()
    }
  }

  @Test("A client trusting another CA is refused by TLS")
  func otherCertificateAuthority() async throws {
    let otherCA = try SimulatorCertificates.loadOrCreate(
      dataDirectory: ProxyTestCertificates.directory + "-other",
      logger: proxyTestLogger
    )
    let routes = ProxyRouteTable()
    try await withRobotProxy(routes: routes) { _, port in
      await #expect(throws: (any Error).self) {
        let client = try await RawTLSClient(
          port: port,
          serverHostname: "api.spot.robot",
          caPEM: otherCA.caCertificatePEM
        )
        await client.close()
      }
      try await withProxyClient(port: port, caPEM: otherCA.caCertificatePEM) { client in
        await #expect(throws: RPCError.self) {
          _ = try await RobotIdClient(wrapping: client).getRobotId(
            Bosdyn_Api_RobotIdRequest(),
            options: Self.shortDeadline
          )
        }
      }
    }
    #expect(routes.heads.isEmpty)
  }

  @Test("Graceful shutdown lets a call in flight finish, then run() returns")
  func gracefulShutdown() async throws {
    try await withUpstreamServer { upstreamPort in
      let routes = ProxyRouteTable()
      routes["api.spot.robot"] = .forward(host: "127.0.0.1", port: upstreamPort, label: "robot")
      var configuration = RobotProxy.Configuration(certificates: ProxyTestCertificates.shared)
      configuration.shutdownGracePeriod = .seconds(10)
      let proxy = RobotProxy(configuration: configuration, logger: proxyTestLogger) {
        routes.route($0)
      }
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await proxy.run() }
        let port = try await proxy.listeningPort()
        try await withProxyClient(port: port) { client in
          let (firstEcho, firstEchoArrived) = AsyncStream.makeStream(of: Void.self)
          let echoed = try await MissionClient(wrapping: client).loadMissionAsChunks2(
            requestProducer: { writer in
              var chunk = Bosdyn_Api_DataChunk()
              chunk.totalSize = 1
              try await writer.write(chunk)
              // Once the call is surely open end to end, shut down while it is in flight.
              for await _ in firstEcho { break }
              // Shutting down quiesces every connection before it returns: what follows is
              // written to a draining proxy.
              proxy.beginGracefulShutdown()
              chunk.totalSize = 2
              try await writer.write(chunk)
            },
            onResponse: { response in
              var sizes: [UInt64] = []
              for try await chunk in response.messages {
                sizes.append(chunk.totalSize)
                firstEchoArrived.yield()
              }
              return sizes
            }
          )
          #expect(echoed == [1, 2])
        }
        try await group.waitForAll()
      }
      // Stopped: the port is still reported, nothing listens on it.
      _ = try await proxy.listeningPort()
    }
  }

  @Test("Shutdown before run() makes run() return at once")
  func shutdownBeforeRun() async throws {
    let proxy = RobotProxy(
      configuration: .init(certificates: ProxyTestCertificates.shared),
      logger: proxyTestLogger
    ) { _ in .reject(code: .unavailable, message: "") }
    proxy.beginGracefulShutdown()
    try await proxy.run()
    await #expect(throws: (any Error).self) { _ = try await proxy.listeningPort() }
  }

  private static var shortDeadline: CallOptions {
    var options = CallOptions.defaults
    options.timeout = .seconds(5)
    return options
  }
}

extension RobotProxyTests {
  @Test("Graceful shutdown's GOAWAY names the streams in flight")
  func gracefulShutdownGoAway() async throws {
    try await withUpstreamServer { upstreamPort in
      let routes = ProxyRouteTable()
      routes["api.spot.robot"] = .forward(host: "127.0.0.1", port: upstreamPort, label: "robot")
      var configuration = RobotProxy.Configuration(certificates: ProxyTestCertificates.shared)
      configuration.shutdownGracePeriod = .seconds(30)
      let proxy = RobotProxy(configuration: configuration, logger: proxyTestLogger) {
        routes.route($0)
      }
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await proxy.run() }
        let port = try await proxy.listeningPort()
        let client = try await RawTLSClient(
          port: port,
          serverHostname: "api.spot.robot",
          caPEM: ProxyTestCertificates.shared.caCertificatePEM
        )
        let stream = try await client.multiplexer.createStreamChannel { channel in
          channel.eventLoop.makeSucceededVoidFuture()
        }.get()
        let headers: HPACKHeaders = [
          ":method": "POST", ":scheme": "https", ":authority": "api.spot.robot",
          ":path": "/bosdyn.api.mission.MissionService/LoadMissionAsChunks2",
          "content-type": "application/grpc", "te": "trailers",
        ]
        try await stream.writeAndFlush(HTTP2Frame.FramePayload.headers(.init(headers: headers)))
        try await waitUntil("the proxy to route the open stream") { !routes.heads.isEmpty }
        proxy.beginGracefulShutdown()
        // First "no new streams from now on", then, once the client answered a PING, the
        // last stream the proxy will serve.
        try await waitUntil("two GOAWAY frames") { client.goAwayLastStreamIDs.count >= 2 }
        #expect(client.goAwayLastStreamIDs == [Int(Int32.max), 1])
        // The open stream keeps the connection (and run()) alive until the client leaves.
        await client.close()
        try await group.waitForAll()
      }
    }
  }
}

extension RobotProxyTests {
  @Test("A client cancelling a stream cancels it at the service")
  func clientCancellationReachesService() async throws {
    let events = ProxyEventLog()
    try await withUpstreamServer(events: events) { upstreamPort in
      let routes = ProxyRouteTable()
      routes["api.spot.robot"] = .forward(host: "127.0.0.1", port: upstreamPort, label: "robot")
      try await withRobotProxy(routes: routes) { _, port in
        try await withProxyClient(port: port) { client in
          let first = try await MissionClient(wrapping: client).loadMissionAsChunks2(
            requestProducer: { writer in
              var chunk = Bosdyn_Api_DataChunk()
              chunk.totalSize = 7
              try await writer.write(chunk)
              // Keep the request stream open until the call is cancelled.
              try await Task.sleep(for: .seconds(60))
            },
            onResponse: { response in
              // Returning before the stream ends cancels the call.
              for try await chunk in response.messages { return chunk.totalSize }
              return 0
            }
          )
          #expect(first == 7)
          let ended = try await events.waitForAny()
          #expect(ended == ["cancelled"])
        }
      }
    }
  }
}
