import BosdynAPI
import BosdynCore
import GRPCCore
import GRPCNIOTransportHTTP2

/// A plaintext gRPC connection to a registered callback, straight to the host and port it
/// registered: how the robot's own mission service reaches callbacks (not through the robot's
/// TLS front), so the console sees what the mission service would.
enum CallbackClient {
  /// The generated client over a running connection.
  typealias Stub = Bosdyn_Api_Mission_RemoteMissionService.Client<HTTP2ClientTransport.Posix>

  /// The name in request headers, so the callback's logs say who called.
  static let clientName = "spot-console"

  /// Runs `body` with a connection to `host:port`, closed when `body` returns.
  static func with<Result: Sendable>(
    host: String,
    port: Int,
    _ body: (Stub) async throws -> Result
  ) async throws -> Result {
    // As the simulator's mission service resolves a registered endpoint.
    let target: any ResolvableTarget =
      host.contains(":") ? .ipv6(address: host, port: port) : .dns(host: host, port: port)
    return try await withGRPCClient(
      transport: try .http2NIOPosix(target: target, transportSecurity: .plaintext)
    ) { client in
      try await body(Stub(wrapping: client))
    }
  }

  /// Options with a deadline, so a hung callback cannot hang a page.
  static func options(timeout: Duration) -> CallOptions {
    var options = CallOptions.defaults
    options.timeout = timeout
    return options
  }

  /// The spec the callback advertises (GetRemoteMissionServiceInfo), as the tablet asks for
  /// it before showing the form.
  ///
  /// - Throws: ``CallbackError`` saying what failed, in words for the page.
  static func spec(
    of callback: CallbackSummary,
    timeout: Duration
  ) async throws(CallbackError) -> Bosdyn_Api_DictParam.Spec {
    do {
      return try await Self.with(host: callback.host, port: callback.port) { stub in
        let request = Bosdyn_Api_Mission_GetRemoteMissionServiceInfoRequest()
          .stamped(clientName: Self.clientName)
        let response = try await stub.getRemoteMissionServiceInfo(
          request,
          options: Self.options(timeout: timeout)
        )
        if let problem = CallbackError.headerProblem(response.header) { throw problem }
        return response.customParams
      }
    } catch let error as CallbackError {
      throw error
    } catch {
      throw CallbackError(describing: error)
    }
  }
}
