import BosdynClient
import BosdynAPI
import BosdynCore
import BosdynMission
import GRPCCore
import GRPCNIOTransportHTTP2
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Hosting: ports, event loops, shutdown")
struct RemoteMissionServerHostingTests {
  @Test(
    arguments: [
      RemoteMissionServer.Configuration(host: "127.0.0.1"),
      .init(host: "127.0.0.1", eventLoops: 1),
      .init(host: "127.0.0.1", eventLoops: 3),
      .init(host: "127.0.0.1", handlersOnEventLoops: false),
      .init(host: "127.0.0.1", maxFlushDelay: nil),
      .init(host: "::1"),
    ])
  func everyConfigurationServesManyConnections(
    configuration: RemoteMissionServer.Configuration
  ) async throws {
    let server = RemoteMissionServer(
      servicer: ScriptedServicer { _ in .success() },
      configuration: configuration
    )
    try await withThrowingTaskGroup { group in
      group.addTask { try await server.serve() }
      let port = try await server.listeningPort()
      #expect(port > 0)
      // Several connections, so that every listening socket is likely to get one.
      try await withThrowingTaskGroup { clients in
        for _ in 0..<6 {
          clients.addTask {
            try await RemoteMissionClient.withDirectConnection(
              host: configuration.host,
              port: port
            ) { client in
              for _ in 0..<20 {
                let response = try await client.tick(sessionID: "")
                #expect(response.status == .success)
              }
            }
          }
        }
        try await clients.waitForAll()
      }
      server.beginGracefulShutdown()
      try await group.waitForAll()
    }
  }

  @Test func aSocketThatNeverCallsIsClosedAfterTheIdleTimeout() async throws {
    let server = RemoteMissionServer(
      servicer: ScriptedServicer { _ in .success() },
      configuration: .init(host: "127.0.0.1", idleTimeout: .seconds(1))
    )
    try await withThrowingTaskGroup { group in
      group.addTask { try await server.serve() }
      let port = try await server.listeningPort()
      let silent = try #require(SilentSocket(port: port))
      let deadline = ContinuousClock.now + .seconds(20)
      while !silent.peerHasClosed() {
        #expect(ContinuousClock.now < deadline, "the idle socket is still open after 20 s")
        if ContinuousClock.now >= deadline { break }
        try await Task.sleep(for: .milliseconds(50))
      }
      // And the server still serves.
      let status = try await RemoteMissionClient.withDirectConnection(
        host: "127.0.0.1",
        port: port
      ) { try await $0.tick(sessionID: "").status }
      #expect(status == .success)
      // Closed before shutting down: a graceful shutdown waits for every connection.
      silent.close()
      server.beginGracefulShutdown()
      try await group.waitForAll()
    }
  }

  @Test func aPeerThatGoesQuietAfterItsPrefaceIsClosed() async throws {
    let server = RemoteMissionServer(
      servicer: ScriptedServicer { _ in .success() },
      configuration: .init(host: "127.0.0.1", idleTimeout: .seconds(1))
    )
    try await withThrowingTaskGroup { group in
      group.addTask { try await server.serve() }
      let port = try await server.listeningPort()
      let quiet = try #require(SilentSocket(port: port))
      // The HTTP/2 client preface and an empty SETTINGS frame, then silence (no acknowledgements).
      quiet.send(Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8) + [0, 0, 0, 4, 0, 0, 0, 0, 0])
      let deadline = ContinuousClock.now + .seconds(20)
      while !quiet.peerHasClosed() {
        #expect(ContinuousClock.now < deadline, "the quiet connection is still open after 20 s")
        if ContinuousClock.now >= deadline { break }
        try await Task.sleep(for: .milliseconds(50))
      }
      quiet.close()
      server.beginGracefulShutdown()
      try await group.waitForAll()
    }
  }

  @Test func aPortInUseIsAClearErrorNotAHang() async throws {
    // A plain gRPC server holds the port without SO_REUSEPORT, so ours cannot share it; one
    // with SO_REUSEPORT is refused the same way (see the interop port tests).
    let holder = GRPCServer(
      transport: HTTP2ServerTransport.Posix(
        address: .ipv4(host: "127.0.0.1", port: 0),
        transportSecurity: .plaintext
      ),
      services: []
    )
    try await withThrowingTaskGroup { group in
      group.addTask { try await holder.serve() }
      let port = try #require(try await holder.listeningAddress?.ipv4?.port)
      let server = RemoteMissionServer(
        servicer: ScriptedServicer { _ in .success() },
        configuration: .init(host: "127.0.0.1", port: port)
      )
      let error = await #expect(throws: (any Error).self) { try await server.serve() }
      #expect("\(error.map { "\($0)" } ?? "")" == "127.0.0.1:\(port): address already in use")
      await #expect(throws: (any Error).self) { _ = try await server.listeningPort() }
      holder.beginGracefulShutdown()
      try await group.waitForAll()
    }
  }

  @Test func shuttingDownRightAfterBindingIsClean() async throws {
    // A signal that arrives as the server starts (before every event loop serves) must not
    // turn into an error.
    for _ in 0..<30 {
      let server = RemoteMissionServer(
        servicer: ScriptedServicer { _ in .success() },
        configuration: .init(host: "127.0.0.1")
      )
      try await withThrowingTaskGroup { group in
        group.addTask { try await server.serve() }
        _ = try await server.listeningPort()
        server.beginGracefulShutdown()
        try await group.waitForAll()
      }
    }
  }

  @Test func shuttingDownBeforeServingReturnsAtOnce() async throws {
    let server = RemoteMissionServer(
      servicer: ScriptedServicer { _ in .success() },
      configuration: .init(host: "127.0.0.1")
    )
    server.beginGracefulShutdown()
    server.beginGracefulShutdown()
    try await server.serve()
    await #expect(throws: (any Error).self) { _ = try await server.listeningPort() }
  }
}

/// A TCP connection that sends nothing, as a flood of idle sockets would.
private final class SilentSocket {
  private let descriptor: Int32

  init?(port: Int) {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return nil }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      Glibc.close(descriptor)
      return nil
    }
    self.descriptor = descriptor
  }

  /// Whether the server has closed its end (whatever it sent first is read and dropped).
  func peerHasClosed() -> Bool {
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = recv(self.descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
      if count > 0 { continue }
      return count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)
    }
  }

  func send(_ bytes: [UInt8]) {
    _ = bytes.withUnsafeBytes { Glibc.send(self.descriptor, $0.baseAddress, $0.count, 0) }
  }

  func close() {
    Glibc.close(self.descriptor)
  }
}
