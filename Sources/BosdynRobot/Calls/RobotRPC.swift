public import BosdynClient
public import GRPCCore
public import GRPCNIOTransportHTTP2

/// How every client of this library makes a unary call through a ``RobotConnection``: stamp
/// the request header, call with a deadline, turn a gRPC failure into a ``ClientError`` and
/// check the response header. Each client then maps its own status enum.
public struct RobotRPC: Sendable {
  /// The connection the calls go through.
  public let connection: RobotConnection
  /// The `:authority` (and TLS name) the calls are sent to, such as `api.spot.robot`.
  public let authority: String

  /// Creates a caller for one authority of a connection.
  public init(connection: RobotConnection, authority: String) {
    self.connection = connection
    self.authority = authority
  }

  /// Makes one call.
  ///
  /// - Parameters:
  ///   - method: The RPC, for errors.
  ///   - request: The request; its header is overwritten with a fresh stamp.
  ///   - timeout: The deadline, or the connection's ``RobotConnection/Configuration/callTimeout``.
  ///   - call: Sends the request with the generated stub for `client`.
  /// - Returns: The response, whose header code is OK.
  /// - Throws: ``ClientError`` for a failed RPC or an error header;
  ///   ``RobotConnectionError`` when the connection is closed.
  public func call<Request: HeaderedRequest, Response: HeaderedResponse>(
    _ method: MethodDescriptor,
    _ request: Request,
    timeout: Duration? = nil,
    _ call: (GRPCClient<HTTP2ClientTransport.Posix>, Request, CallOptions) async throws -> Response
  ) async throws -> Response {
    let client = try self.connection.grpcClient(authority: self.authority)
    let stamped = request.stamped(clientName: self.connection.configuration.clientName)
    var options = CallOptions.defaults
    options.timeout = timeout ?? self.connection.configuration.callTimeout
    let response: Response
    do {
      response = try await call(client, stamped, options)
    } catch let error as RPCError {
      throw ClientError(rpcError: error, method: method.fullyQualifiedMethod)
    } catch let error as RuntimeError {
      throw ClientError(
        code: error.code == .clientIsStopped ? .cancelled : .unavailable,
        message: "gRPC client: \(error.message)",
        method: method.fullyQualifiedMethod,
        layer: .rpc
      )
    }
    if let error = ClientError.from(header: response.header, method: method.fullyQualifiedMethod) {
      throw error
    }
    return response
  }

  /// A ``ClientError`` for a status the RPC reported, at the response layer.
  public static func statusError(
    _ code: ClientError.Code,
    _ message: String,
    _ method: MethodDescriptor
  ) -> ClientError {
    ClientError(code: code, message: message, method: method.fullyQualifiedMethod, layer: .response)
  }
}
