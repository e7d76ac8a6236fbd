import BosdynAPI
import GRPCCore
import GRPCNIOTransportHTTP2
import GRPCProtobuf

/// Runs `body` with the generated stub on a plain connection: no request header, no checks,
/// exactly what a minimal client (like Python's RemoteClient on a bare channel) sends.
func withRawClient<Result: Sendable>(
  port: Int,
  _ body: (
    Bosdyn_Api_Mission_RemoteMissionService.Client<HTTP2ClientTransport.Posix>,
    GRPCClient<HTTP2ClientTransport.Posix>
  ) async throws -> Result
) async throws -> Result {
  let transport = try HTTP2ClientTransport.Posix(
    target: .ipv4(address: "127.0.0.1", port: port),
    transportSecurity: .plaintext
  )
  return try await withGRPCClient(transport: transport) { client in
    try await body(Bosdyn_Api_Mission_RemoteMissionService.Client(wrapping: client), client)
  }
}

/// Same, for tests that need only the stub.
func withRawStub<Result: Sendable>(
  port: Int,
  _ body: (Bosdyn_Api_Mission_RemoteMissionService.Client<HTTP2ClientTransport.Posix>)
    async throws -> Result
) async throws -> Result {
  try await withRawClient(port: port) { stub, _ in try await body(stub) }
}

/// Sends bytes as they are, to test what servers do with malformed bodies.
struct RawBytesSerializer: MessageSerializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes {
    Bytes(message)
  }
}
