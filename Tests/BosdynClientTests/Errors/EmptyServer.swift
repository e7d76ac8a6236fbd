import GRPCCore
import Testing
import GRPCNIOTransportHTTP2

/// Runs a gRPC server with no services on a free loopback port.
func withEmptyServer<Result: Sendable>(
  _ body: (Int) async throws -> Result
) async throws -> Result {
  let server = GRPCServer(
    transport: HTTP2ServerTransport.Posix(
      address: .ipv4(host: "127.0.0.1", port: 0),
      transportSecurity: .plaintext
    ),
    services: []
  )
  return try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { try await server.serve() }
    defer { server.beginGracefulShutdown() }
    let port = try #require(try await server.listeningAddress?.ipv4?.port)
    return try await body(port)
  }
}
