import BosdynCore
import GRPCCore
public import GRPCNIOTransportHTTP2
import NIOPosix

extension RemoteMissionClient where Transport == HTTP2ClientTransport.Posix {
  /// Connects straight to a service over plaintext HTTP/2 (the document's `local` mode), runs
  /// `body` with a client, and closes the connection when `body` returns.
  ///
  /// - Parameters:
  ///   - host: The service's host name or IP address.
  ///   - port: The service's port.
  ///   - clientName: Identifies this client in request headers.
  ///   - timeout: Deadline for each call.
  ///   - body: Work to do with the connected client.
  /// - Throws: ``/BosdynCore/ClientError`` with code `invalidRequest` for a port outside
  ///   1–65535 (one the transport would silently truncate), or what `body` throws.
  public static func withDirectConnection<Result: Sendable>(
    host: String,
    port: Int,
    clientName: String = "RemoteMissionClient",
    timeout: Duration? = .seconds(10),
    _ body: (RemoteMissionClient) async throws -> Result
  ) async throws -> Result {
    guard (1...65535).contains(port) else {
      throw ClientError(
        code: .invalidRequest,
        message: "port \(port) is not a port (1 to 65535)",
        method: "connect",
        layer: .rpc
      )
    }
    // The connection and the calls run on one event loop, so a call never changes threads.
    let loop = SharedEventLoops.next()
    let transport = try HTTP2ClientTransport.Posix(
      target: .dns(host: host, port: port),
      transportSecurity: .plaintext,
      config: .directConnection,
      eventLoopGroup: loop.group
    )
    return try await withTaskExecutorPreference(loop.executor) {
      try await withGRPCClient(transport: transport) { grpcClient in
        try await body(
          RemoteMissionClient(wrapping: grpcClient, clientName: clientName, timeout: timeout)
        )
      }
    }
  }
}

extension HTTP2ClientTransport.Posix.Config {
  /// Defaults tuned for one client ticking one service: flushes go out at once instead of
  /// waiting up to 100 µs to be coalesced, which at one call in flight only adds latency.
  public static var directConnection: Self {
    var config = Self.defaults
    config.connection.flushCoalescing = nil
    return config
  }
}
