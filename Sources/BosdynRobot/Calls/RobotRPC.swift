public import BosdynAPI
public import BosdynCore
public import GRPCCore
public import GRPCNIOTransportHTTP2
import GRPCProtobuf

/// How every client of this library makes a unary call through a ``RobotConnection``: stamp
/// the request header, call with a deadline, turn a gRPC failure into a
/// ``/BosdynCore/ClientError`` and check the response header. Each client then maps its own
/// status enum.
///
/// ```swift
/// let rpc = RobotRPC(connection: connection, authority: RobotAuthority.api)
/// let response = try await rpc.call(Bosdyn_Api_RobotIdService.Method.GetRobotId.self, .init())
/// ```
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

  /// Makes one call of `method`.
  ///
  /// - Parameters:
  ///   - method: The generated method, such as `Bosdyn_Api_PowerService.Method.PowerCommand`.
  ///   - request: The request; its header is overwritten with a fresh stamp.
  ///   - timeout: The deadline, or the connection's ``RobotConnection/Configuration/callTimeout``.
  /// - Returns: The response, whose header code is OK.
  /// - Throws: ``/BosdynCore/ClientError`` for a failed RPC or an error header;
  ///   ``RobotConnectionError`` when the connection is closed.
  public func call<Method: HeaderedUnaryMethod>(
    _ method: Method.Type,
    _ request: Method.Input,
    timeout: Duration? = nil
  ) async throws -> Method.Output {
    let stamped = request.stamped(clientName: self.connection.configuration.clientName)
    let response = try await self.withClient(Method.descriptor, timeout: timeout) {
      client,
      options in
      try await client.unary(
        request: ClientRequest(message: stamped),
        descriptor: Method.descriptor,
        serializer: ProtobufSerializer<Method.Input>(),
        deserializer: ProtobufDeserializer<Method.Output>(),
        options: options
      ) { try $0.message }
    }
    if let error = ClientError.from(
      header: response.header,
      method: Method.descriptor.fullyQualifiedMethod
    ) {
      throw error
    }
    return response
  }

  /// Runs a call that is not a plain unary one (a streaming call, made with the generated
  /// stub on `client`), with the same deadline and the same mapping of gRPC failures to
  /// ``/BosdynCore/ClientError`` as ``call(_:_:timeout:)``. The caller checks response headers.
  ///
  /// - Parameters:
  ///   - method: The RPC, for errors.
  ///   - timeout: The deadline, or the connection's ``RobotConnection/Configuration/callTimeout``.
  ///   - body: Makes the call.
  public func withClient<Result: Sendable>(
    _ method: MethodDescriptor,
    timeout: Duration? = nil,
    _ body: (GRPCClient<HTTP2ClientTransport.Posix>, CallOptions) async throws -> Result
  ) async throws -> Result {
    let client = try self.connection.grpcClient(authority: self.authority)
    var options = CallOptions.defaults
    options.timeout = timeout ?? self.connection.configuration.callTimeout
    let name = method.fullyQualifiedMethod
    do {
      return try await body(client, options)
    } catch let error as RPCError {
      if let problem = TLSFailure.certificateProblem(in: error) {
        let ca = (try? self.connection.configuration.resolvedCertificateAuthorityPath()) ?? "?"
        throw ClientError(
          code: .certificateVerificationFailed,
          message: "TLS certificate verification failed for \(self.authority) at "
            + "\(self.connection.address): \(problem) (trusted CA: \(ca); pass --robot-ca or "
            + "BOSDYN_ROBOT_CA with the CA that signed the robot's certificate)",
          method: name,
          layer: .rpc,
          rpcError: error
        )
      }
      throw ClientError(rpcError: error, method: name)
    } catch let error as RuntimeError {
      throw ClientError(
        code: error.code == .clientIsStopped ? .cancelled : .unavailable,
        message: "gRPC client: \(error.message)",
        method: name,
        layer: .rpc
      )
    }
  }

  /// The connection's client name, which every request header carries.
  public var clientName: String { self.connection.configuration.clientName }

  /// A ``/BosdynCore/ClientError`` for a status the RPC reported, at the response layer.
  public static func statusError(
    _ code: ClientError.Code,
    _ message: String,
    _ method: MethodDescriptor
  ) -> ClientError {
    ClientError(code: code, message: message, method: method.fullyQualifiedMethod, layer: .response)
  }
}
