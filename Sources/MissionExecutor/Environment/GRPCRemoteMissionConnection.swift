public import BosdynAPI
import BosdynClient
import BosdynCore
import GRPCCore

/// A ``RemoteMissionConnection`` over a generated gRPC client, on any transport (HTTP/2 to a
/// real service, in-process for fast tests, through a robot's proxy).
///
/// It stamps every request header with ``clientName`` and turns gRPC errors and response
/// headers that report an error into `ClientError`s (BosdynClient's one mapping of both).
///
/// ```swift
/// try await withGRPCClient(transport: transport) { client in
///   let connection = GRPCRemoteMissionConnection(client: client)
///   let environment = RemoteServicesEnvironment(services: ["my-callback": connection])
/// }
/// ```
public struct GRPCRemoteMissionConnection<
  Client: Bosdyn_Api_Mission_RemoteMissionService
    .ClientProtocol
>: RemoteMissionConnection {
  /// The generated client the calls go through.
  public let client: Client
  /// Written into every request header, so the service's logs say who called.
  public var clientName: String

  /// Wraps a generated client.
  ///
  /// - Parameters:
  ///   - client: The client; its transport must be running.
  ///   - clientName: The request headers' client name.
  public init(client: Client, clientName: String = "robot-mission") {
    self.client = client
    self.clientName = clientName
  }

  /// Sends EstablishSession with a stamped header.
  public func call(_ request: Bosdyn_Api_Mission_EstablishSessionRequest) async throws
    -> Bosdyn_Api_Mission_EstablishSessionResponse
  {
    var request = request
    request.header = .stamped(clientName: self.clientName)
    let method = Bosdyn_Api_Mission_RemoteMissionService.Method.EstablishSession.descriptor
    let response = try await Self.mapping(method) {
      try await self.client.establishSession(request)
    }
    try Self.check(response.header, method)
    return response
  }

  /// Sends Tick with a stamped header.
  public func call(_ request: Bosdyn_Api_Mission_TickRequest) async throws
    -> Bosdyn_Api_Mission_TickResponse
  {
    var request = request
    request.header = .stamped(clientName: self.clientName)
    let method = Bosdyn_Api_Mission_RemoteMissionService.Method.Tick.descriptor
    let response = try await Self.mapping(method) { try await self.client.tick(request) }
    try Self.check(response.header, method)
    return response
  }

  /// Sends Stop with a stamped header.
  public func call(_ request: Bosdyn_Api_Mission_StopRequest) async throws
    -> Bosdyn_Api_Mission_StopResponse
  {
    var request = request
    request.header = .stamped(clientName: self.clientName)
    let method = Bosdyn_Api_Mission_RemoteMissionService.Method.Stop.descriptor
    let response = try await Self.mapping(method) { try await self.client.stop(request) }
    try Self.check(response.header, method)
    return response
  }

  /// Sends TeardownSession with a stamped header.
  public func call(_ request: Bosdyn_Api_Mission_TeardownSessionRequest) async throws
    -> Bosdyn_Api_Mission_TeardownSessionResponse
  {
    var request = request
    request.header = .stamped(clientName: self.clientName)
    let method = Bosdyn_Api_Mission_RemoteMissionService.Method.TeardownSession.descriptor
    let response = try await Self.mapping(method) {
      try await self.client.teardownSession(request)
    }
    try Self.check(response.header, method)
    return response
  }

  private static func mapping<Response>(
    _ method: MethodDescriptor,
    _ body: () async throws -> Response
  ) async throws -> Response {
    do {
      return try await body()
    } catch let error as RPCError {
      throw ClientError(rpcError: error, method: method.fullyQualifiedMethod)
    }
  }

  private static func check(_ header: Bosdyn_Api_ResponseHeader, _ method: MethodDescriptor)
    throws
  {
    if let error = ClientError.from(header: header, method: method.fullyQualifiedMethod) {
      throw error
    }
  }
}
