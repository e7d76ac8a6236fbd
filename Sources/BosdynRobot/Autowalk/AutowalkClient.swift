public import BosdynAPI
public import BosdynCore
import GRPCCore
import GRPCNIOTransportHTTP2
import SwiftProtobuf

/// The robot's Autowalk service (`autowalk-service`, `bosdyn.api.autowalk.AutowalkService`):
/// compile a walk into a mission, or compile it and load it into the mission service —
/// Python's `bosdyn.client.autowalk.AutowalkClient`.
///
/// Both calls stream their request and response as data chunks (walks can be large). A walk
/// that does not compile throws `compilationError`, one the robot cannot load (a waypoint not
/// in the map, a callback not in the directory) `validationError`; the error's message lists
/// the failed elements and nodes, and its ``/BosdynCore/ClientError/response`` (see
/// `ClientError.autowalkFailedElements`) holds them.
///
/// ```swift
/// let autowalk = AutowalkClient(connection: robot, wallet: wallet)
/// let loaded = try await autowalk.load(walk)   // with the wallet's body lease
/// try await missions.play(pauseTime: inThreeSeconds)
/// ```
public struct AutowalkClient: Sendable {
  /// The directory name of the Autowalk service.
  public static let serviceName = "autowalk-service"
  /// The gRPC service type of the Autowalk service.
  public static let serviceType = "bosdyn.api.autowalk.AutowalkService"
  /// The chunk size, as the Python client's default (1 MB).
  public static let defaultChunkSize = 1_000_000

  private let rpc: RobotRPC
  /// The wallet whose body lease a load carries when given none (advanced, as the Python
  /// SDK's lease processor does), and which lease use results update.
  public let wallet: LeaseWallet?

  /// Creates a client reaching the Autowalk service at `authority`.
  public init(
    connection: RobotConnection,
    wallet: LeaseWallet? = nil,
    authority: String = RobotAuthority.autowalk
  ) {
    self.rpc = RobotRPC(connection: connection, authority: authority)
    self.wallet = wallet
  }

  /// Compiles `walk` into a mission without loading it (CompileAutowalk).
  ///
  /// - Parameters:
  ///   - walk: The walk.
  ///   - treatWarningsAsErrors: Whether changes the compiler would make fail the compile.
  ///   - chunkSize: The most bytes of one chunk.
  /// - Returns: The response: the mission's root, the element identifiers, the warnings.
  /// - Throws: `compilationError` (failed elements and nodes in the message and the response),
  ///   or an RPC-layer code.
  public func compile(
    _ walk: Bosdyn_Api_Autowalk_Walk,
    treatWarningsAsErrors: Bool = false,
    chunkSize: Int = AutowalkClient.defaultChunkSize
  ) async throws -> Bosdyn_Api_Autowalk_CompileAutowalkResponse {
    var request = Bosdyn_Api_Autowalk_CompileAutowalkRequest()
    request.walk = walk
    request.treatWarningsAsErrors = treatWarningsAsErrors
    let method = Bosdyn_Api_Autowalk_AutowalkService.Method.CompileAutowalk.descriptor
    let response: Bosdyn_Api_Autowalk_CompileAutowalkResponse = try await self.chunked(
      request,
      method,
      chunkSize
    ) { client, options, chunks in
      try await Bosdyn_Api_Autowalk_AutowalkService.Client(wrapping: client).compileAutowalk(
        options: options,
        requestProducer: { writer in try await writer.write(contentsOf: chunks) }
      ) { response in
        try await response.messages.reduce(into: []) { $0.append($1) }
      }
    }
    switch response.status {
    case .ok: return response
    case .compileError:
      throw self.failure(
        .compilationError,
        "the walk failed to compile: \(Self.describe(response.failedElements, []))",
        response,
        method
      )
    case .unknown: throw self.failure(.unsetStatus, "the status is unset", response, method)
    case .UNRECOGNIZED(let value):
      throw self.failure(.unexpectedStatus, "unknown status \(value)", response, method)
    }
  }

  /// Compiles `walk` and loads the mission into the robot's mission service (LoadAutowalk),
  /// replacing the mission loaded before.
  ///
  /// - Parameters:
  ///   - walk: The walk.
  ///   - leases: The leases the mission may use; `nil` for the wallet's body lease.
  ///   - treatWarningsAsErrors: Whether changes the compiler would make fail the load.
  ///   - chunkSize: The most bytes of one chunk.
  /// - Returns: The response: mission id, element identifiers, loop and docking nodes.
  /// - Throws: `compilationError`, `validationError` (failed elements and nodes in the message
  ///   and the response), `leaseUseError`, or an RPC-layer code.
  public func load(
    _ walk: Bosdyn_Api_Autowalk_Walk,
    leases: [Lease]? = nil,
    treatWarningsAsErrors: Bool = false,
    chunkSize: Int = AutowalkClient.defaultChunkSize
  ) async throws -> Bosdyn_Api_Autowalk_LoadAutowalkResponse {
    var request = Bosdyn_Api_Autowalk_LoadAutowalkRequest()
    request.walk = walk
    request.treatWarningsAsErrors = treatWarningsAsErrors
    if let leases {
      request.leases = leases
    } else if let wallet = self.wallet {
      request.leases = [try wallet.advance(resource: LeaseClient.bodyResource)]
    }
    let method = Bosdyn_Api_Autowalk_AutowalkService.Method.LoadAutowalk.descriptor
    let response: Bosdyn_Api_Autowalk_LoadAutowalkResponse = try await self.chunked(
      request,
      method,
      chunkSize
    ) { client, options, chunks in
      try await Bosdyn_Api_Autowalk_AutowalkService.Client(wrapping: client).loadAutowalk(
        options: options,
        requestProducer: { writer in try await writer.write(contentsOf: chunks) }
      ) { response in
        try await response.messages.reduce(into: []) { $0.append($1) }
      }
    }
    for result in response.leaseUseResults { self.wallet?.onLeaseUseResult(result) }
    if var error = ClientError.from(
      leaseUseResults: response.leaseUseResults,
      method: method.fullyQualifiedMethod
    ) {
      error.response = response
      throw error
    }
    let failures = Self.describe(response.failedElements, response.failedNodes)
    switch response.status {
    case .ok: return response
    case .compileError:
      throw self.failure(
        .compilationError,
        "the walk failed to compile: \(failures)",
        response,
        method
      )
    case .validateError:
      throw self.failure(
        .validationError,
        "the walk failed validation: \(failures)",
        response,
        method
      )
    case .unknown: throw self.failure(.unsetStatus, "the status is unset", response, method)
    case .UNRECOGNIZED(let value):
      throw self.failure(.unexpectedStatus, "unknown status \(value)", response, method)
    }
  }

  /// Sends `request` in chunks and joins the response's chunks, checking its header.
  private func chunked<Request: HeaderedRequest, Response: HeaderedResponse>(
    _ request: Request,
    _ method: MethodDescriptor,
    _ chunkSize: Int,
    _ call:
      @escaping @Sendable (
        GRPCClient<HTTP2ClientTransport.Posix>, CallOptions, [Bosdyn_Api_DataChunk]
      ) async throws -> [Bosdyn_Api_DataChunk]
  ) async throws -> Response {
    let chunks = try DataChunks.split(
      request.stamped(clientName: self.rpc.clientName),
      size: chunkSize
    )
    let received = try await self.rpc.withClient(method) { client, options in
      try await call(client, options, chunks)
    }
    var options = BinaryDecodingOptions()
    options.messageDepthLimit = 2 * 1024
    let response: Response = try DataChunks.join(received, decodingOptions: options)
    if var error = ClientError.from(header: response.header, method: method.fullyQualifiedMethod) {
      error.response = response
      throw error
    }
    return response
  }

  private func failure(
    _ code: ClientError.Code,
    _ message: String,
    _ response: some SwiftProtobuf.Message,
    _ method: MethodDescriptor
  ) -> ClientError {
    var error = RobotRPC.statusError(code, message, method)
    error.response = response
    return error
  }

  /// `element 2: waypoint 'x' is not in the map; node 'Dock 520': …`.
  static func describe(
    _ elements: [Int32: Bosdyn_Api_Autowalk_FailedElement],
    _ nodes: [Bosdyn_Api_Mission_FailedNode]
  ) -> String {
    let lines =
      elements.sorted { $0.key < $1.key }.flatMap { index, element in
        element.errors.map { index < 0 ? $0 : "element \(index): \($0)" }
      } + nodes.map { "node '\($0.name)': \($0.error)" }
    return lines.isEmpty ? "no element or node named" : lines.joined(separator: "; ")
  }
}

extension ClientError {
  /// The failed elements of a CompileAutowalk or LoadAutowalk refusal, by element index
  /// (empty for other errors).
  public var autowalkFailedElements: [Int32: Bosdyn_Api_Autowalk_FailedElement] {
    switch self.response {
    case let response as Bosdyn_Api_Autowalk_CompileAutowalkResponse: response.failedElements
    case let response as Bosdyn_Api_Autowalk_LoadAutowalkResponse: response.failedElements
    default: [:]
    }
  }
}
