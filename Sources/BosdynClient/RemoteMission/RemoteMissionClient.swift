public import BosdynCore
public import BosdynAPI
public import GRPCCore

/// Calls a remote mission service: the client side of `bosdyn.api.mission.RemoteMissionService`,
/// like the Python SDK's `bosdyn.mission.remote_client.RemoteClient`.
///
/// Every call stamps a request header, checks the response header and maps the RPC's status to
/// either a returned value or a thrown ``/BosdynCore/ClientError``; a Tick that reports
/// `STATUS_RUNNING`, `STATUS_SUCCESS` or `STATUS_FAILURE` returns its response, anything else
/// throws.
///
/// ```swift
/// try await RemoteMissionClient.withDirectConnection(host: "127.0.0.1", port: 50051) { client in
///   let session = try await client.establishSession()
///   var response = try await client.tick(sessionID: session)
///   while response.status == .running {
///     try await Task.sleep(for: .milliseconds(100))
///     response = try await client.tick(sessionID: session)
///   }
///   try await client.stop(sessionID: session)
///   try await client.teardownSession(sessionID: session)
/// }
/// ```
public struct RemoteMissionClient<Transport: ClientTransport>: Sendable {
  private let stub: Bosdyn_Api_Mission_RemoteMissionService.Client<Transport>
  /// Written into every request header so the service's logs say who called.
  public var clientName: String
  /// Options for every call; the default sets a 10 second deadline so a hung service cannot
  /// hang the caller.
  public var callOptions: CallOptions

  /// Wraps a running gRPC client whose transport reaches the service (directly, or through a
  /// robot's proxy).
  ///
  /// - Parameters:
  ///   - client: A client whose connections are being run (see `withGRPCClient`).
  ///   - clientName: Identifies this client in request headers.
  ///   - timeout: Deadline for each call; `nil` waits forever.
  public init(
    wrapping client: GRPCClient<Transport>,
    clientName: String = "RemoteMissionClient",
    timeout: Duration? = .seconds(10)
  ) {
    self.stub = Bosdyn_Api_Mission_RemoteMissionService.Client(wrapping: client)
    self.clientName = clientName
    var options = CallOptions.defaults
    options.timeout = timeout
    self.callOptions = options
  }

  /// Asks the service to set up a session and returns its id.
  ///
  /// Services may leave EstablishSession unimplemented; that throws a
  /// ``/BosdynCore/ClientError`` with code ``/BosdynCore/ClientError/Code/unimplemented``, and
  /// an empty session id is then the convention.
  ///
  /// - Parameters:
  ///   - leases: Leases the service may use for the session.
  ///   - inputs: Declarations of the inputs later ticks will carry.
  /// - Returns: The session id to pass to ``tick(sessionID:leases:inputs:params:groupName:)``.
  public func establishSession(
    leases: [Lease] = [],
    inputs: [VariableDeclaration] = []
  ) async throws -> String {
    var request = EstablishSessionRequest()
    request.header = .stamped(clientName: self.clientName)
    request.leases = leases
    request.inputs = inputs
    let method = Bosdyn_Api_Mission_RemoteMissionService.Method.EstablishSession.descriptor
    let response = try await self.call(method) {
      try await self.stub.establishSession(request, options: self.callOptions)
    }
    try Self.check(response.header, response.leaseUseResults, method)
    switch response.status {
    case .ok:
      return response.sessionID
    case .missingLeases:
      throw Self.missingLeases(response.missingLeaseResources, method)
    case .missingInputs:
      throw Self.missingInputs(response.missingInputs, method)
    case .unknown:
      throw Self.unset(method)
    case .UNRECOGNIZED:
      throw Self.unexpected(response.status.protoName, method)
    }
  }

  /// Ticks the service once and returns its answer.
  ///
  /// - Parameters:
  ///   - sessionID: The id ``establishSession(leases:inputs:)`` returned, or `""`.
  ///   - leases: Leases the service may use during this tick.
  ///   - inputs: Input values, such as the `user-string` Autowalk sends.
  ///   - params: Custom parameter values matching the service's spec.
  ///   - groupName: The mission's group name, used by services to group data.
  /// - Returns: The response, whose status is running, success or failure.
  /// - Throws: ``/BosdynCore/ClientError`` for every other status and for header or lease errors.
  public func tick(
    sessionID: String,
    leases: [Lease] = [],
    inputs: [KeyValue] = [],
    params: DictParam? = nil,
    groupName: String? = nil
  ) async throws -> TickResponse {
    var request = TickRequest()
    request.header = .stamped(clientName: self.clientName)
    request.sessionID = sessionID
    request.leases = leases
    request.inputs = inputs
    if let params { request.params = params }
    if let groupName { request.groupName = groupName }
    return try await self.tick(request)
  }

  /// Sends a Tick request built by the caller; header and status are checked as in
  /// ``tick(sessionID:leases:inputs:params:groupName:)``.
  public func tick(_ request: TickRequest) async throws -> TickResponse {
    let method = Bosdyn_Api_Mission_RemoteMissionService.Method.Tick.descriptor
    let response = try await self.call(method) {
      try await self.stub.tick(request, options: self.callOptions)
    }
    try Self.check(response.header, response.leaseUseResults, method)
    let name = method.fullyQualifiedMethod
    switch response.status {
    case .running, .success, .failure:
      return response
    case .invalidSessionID:
      throw Self.invalidSession(request.sessionID, method)
    case .missingLeases:
      throw Self.missingLeases(response.missingLeaseResources, method)
    case .missingInputs:
      throw Self.missingInputs(response.missingInputs, method)
    case .customParamsError:
      var error = ClientError(
        code: .customParamsError,
        message: "custom params rejected (\(response.customParamError.status)): "
          + response.customParamError.errorMessages.joined(separator: "; "),
        method: name,
        layer: .response
      )
      error.customParamError = response.customParamError
      throw error
    case .unknown:
      throw Self.unset(method)
    case .UNRECOGNIZED:
      throw Self.unexpected(response.status.protoName, method)
    }
  }

  /// Tells the service to stop what the session is doing.
  public func stop(sessionID: String) async throws {
    var request = StopRequest()
    request.header = .stamped(clientName: self.clientName)
    request.sessionID = sessionID
    let method = Bosdyn_Api_Mission_RemoteMissionService.Method.Stop.descriptor
    let response = try await self.call(method) {
      try await self.stub.stop(request, options: self.callOptions)
    }
    try Self.check(response.header, [], method)
    switch response.status {
    case .ok: return
    case .invalidSessionID:
      throw Self.invalidSession(sessionID, method)
    case .unknown: throw Self.unset(method)
    case .UNRECOGNIZED: throw Self.unexpected(response.status.protoName, method)
    }
  }

  /// Tells the service the session will not be ticked again, so it can free its state.
  public func teardownSession(sessionID: String) async throws {
    var request = TeardownSessionRequest()
    request.header = .stamped(clientName: self.clientName)
    request.sessionID = sessionID
    let method = Bosdyn_Api_Mission_RemoteMissionService.Method.TeardownSession.descriptor
    let response = try await self.call(method) {
      try await self.stub.teardownSession(request, options: self.callOptions)
    }
    try Self.check(response.header, [], method)
    switch response.status {
    case .ok: return
    case .invalidSessionID:
      throw Self.invalidSession(sessionID, method)
    case .unknown: throw Self.unset(method)
    case .UNRECOGNIZED: throw Self.unexpected(response.status.protoName, method)
    }
  }

  /// Fetches what the service says about itself, notably the spec of its custom parameters
  /// that the tablet turns into a form.
  public func serviceInfo() async throws -> ServiceInfoResponse {
    var request = ServiceInfoRequest()
    request.header = .stamped(clientName: self.clientName)
    let method = Bosdyn_Api_Mission_RemoteMissionService.Method.GetRemoteMissionServiceInfo
      .descriptor
    let response = try await self.call(method) {
      try await self.stub.getRemoteMissionServiceInfo(request, options: self.callOptions)
    }
    try Self.check(response.header, [], method)
    return response
  }

  // MARK: - One place for the two error layers

  private func call<Response: Sendable>(
    _ method: MethodDescriptor,
    _ body: () async throws -> Response
  ) async throws -> Response {
    do {
      return try await body()
    } catch let error as RPCError {
      throw ClientError(rpcError: error, method: method.fullyQualifiedMethod)
    }
  }

  private static func check(
    _ header: Bosdyn_Api_ResponseHeader,
    _ leaseUseResults: [Bosdyn_Api_LeaseUseResult],
    _ method: MethodDescriptor
  ) throws {
    if let error = ClientError.from(header: header, method: method.fullyQualifiedMethod) {
      throw error
    }
    if let error = ClientError.from(
      leaseUseResults: leaseUseResults,
      method: method.fullyQualifiedMethod
    ) {
      throw error
    }
  }

  private static func invalidSession(_ id: String, _ method: MethodDescriptor) -> ClientError {
    ClientError(
      code: .invalidSessionID,
      message: "the service does not know session '\(id)'",
      method: method.fullyQualifiedMethod,
      layer: .response
    )
  }

  private static func missingLeases(_ resources: [String], _ method: MethodDescriptor)
    -> ClientError
  {
    ClientError(
      code: .missingLeases,
      message: "missing leases on \(resources.joined(separator: ", "))",
      method: method.fullyQualifiedMethod,
      layer: .response
    )
  }

  private static func missingInputs(
    _ inputs: [Bosdyn_Api_Mission_VariableDeclaration],
    _ method: MethodDescriptor
  ) -> ClientError {
    ClientError(
      code: .missingInputs,
      message: "missing inputs \(inputs.map(\.name).joined(separator: ", "))",
      method: method.fullyQualifiedMethod,
      layer: .response
    )
  }

  private static func unset(_ method: MethodDescriptor) -> ClientError {
    ClientError(
      code: .unsetStatus,
      message: "the service left the status unset (STATUS_UNKNOWN)",
      method: method.fullyQualifiedMethod,
      layer: .response
    )
  }

  private static func unexpected(_ status: String, _ method: MethodDescriptor) -> ClientError {
    ClientError(
      code: .unexpectedStatus,
      message: "the service answered with unknown status \(status)",
      method: method.fullyQualifiedMethod,
      layer: .response
    )
  }
}
