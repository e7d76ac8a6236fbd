public import BosdynAPI
public import BosdynCore
import Foundation
import GRPCCore
import SwiftProtobuf

extension GraphNavClient {
  /// Clears the robot's map and its localization (ClearGraph).
  ///
  /// - Parameter lease: The lease to show; none by default (the robot accepts that, as the
  ///   Python client's empty lease).
  /// - Throws: `leaseUseError`, `responseError` while recording, or an RPC-layer code.
  public func clearGraph(lease: Lease? = nil) async throws {
    var request = Bosdyn_Api_GraphNav_ClearGraphRequest()
    if let lease { request.lease = lease }
    let method = Bosdyn_Api_GraphNav_GraphNavService.Method.ClearGraph.self
    let response = try await self.rpc.call(method, request)
    if response.hasLeaseUseResult {
      try self.checkLeases([response.leaseUseResult], response, method.descriptor)
    }
    switch response.status {
    case .ok, .unknown: return
    case .recording:
      throw self.failure(
        .responseError,
        "the robot is recording a map",
        response,
        method.descriptor
      )
    case .UNRECOGNIZED(let value):
      throw self.failure(.unexpectedStatus, "unknown status \(value)", response, method.descriptor)
    }
  }

  /// Uploads a graph, merged into the robot's map (or replacing it), in chunks
  /// (UploadGraphStreaming; the unary UploadGraph when the robot does not implement that, as
  /// the Python client does).
  ///
  /// - Returns: The response: which snapshots the robot has (`loaded_…`) and which to upload
  ///   (`unknown_…`).
  /// - Throws: `invalidGraph` (the validation status is in the error's response),
  ///   `leaseUseError`, or an RPC-layer code.
  @discardableResult
  public func uploadGraph(
    _ graph: Bosdyn_Api_GraphNav_Graph,
    generateNewAnchoring: Bool = false,
    replaceGraph: Bool = false,
    lease: Lease? = nil
  ) async throws -> Bosdyn_Api_GraphNav_UploadGraphResponse {
    var request = Bosdyn_Api_GraphNav_UploadGraphRequest()
    request.graph = graph
    request.generateNewAnchoring = generateNewAnchoring
    request.replaceGraph = replaceGraph
    if let lease { request.lease = lease }
    let method = Bosdyn_Api_GraphNav_GraphNavService.Method.UploadGraphStreaming.descriptor
    let response: Bosdyn_Api_GraphNav_UploadGraphResponse
    do {
      let chunks = try DataChunks.split(
        request.stamped(clientName: self.rpc.clientName),
        size: Self.chunkSize
      ).map { chunk in
        var message = Bosdyn_Api_GraphNav_UploadGraphStreamingRequest()
        message.chunk = chunk
        return message
      }
      response = try await self.rpc.withClient(method) { client, options in
        try await Bosdyn_Api_GraphNav_GraphNavService.Client(wrapping: client).uploadGraphStreaming(
          options: options,
          requestProducer: { writer in try await writer.write(contentsOf: chunks) }
        )
      }
    } catch let error as ClientError where error.code == .unimplemented {
      response = try await self.rpc.call(
        Bosdyn_Api_GraphNav_GraphNavService.Method.UploadGraph.self,
        request
      )
    }
    try self.checkHeader(response.header, response, method)
    if response.hasLeaseUseResult {
      try self.checkLeases([response.leaseUseResult], response, method)
    }
    switch response.status {
    case .ok: return response
    case .invalidGraph:
      throw self.failure(
        .invalidGraph,
        "the graph is invalid: \(response.validationStatus)",
        response,
        method
      )
    case .mapTooLargeLicense, .incompatibleSensors, .areaCallbackError:
      throw self.failure(.responseError, protoName(response.status), response, method)
    case .unknown: throw self.failure(.unsetStatus, "the status is unset", response, method)
    case .UNRECOGNIZED(let value):
      throw self.failure(.unexpectedStatus, "unknown status \(value)", response, method)
    }
  }

  /// Uploads a waypoint snapshot in chunks (UploadWaypointSnapshot).
  ///
  /// - Throws: `leaseUseError`, `responseError` for incompatible sensors, or an RPC-layer code.
  public func uploadWaypointSnapshot(
    _ snapshot: Bosdyn_Api_GraphNav_WaypointSnapshot,
    lease: Lease? = nil
  ) async throws {
    let method = Bosdyn_Api_GraphNav_GraphNavService.Method.UploadWaypointSnapshot.descriptor
    let chunks = try DataChunks.split(snapshot, size: Self.chunkSize).map { chunk in
      var message = Bosdyn_Api_GraphNav_UploadWaypointSnapshotRequest()
      message.header = .stamped(clientName: self.rpc.clientName)
      message.chunk = chunk
      if let lease { message.lease = lease }
      return message
    }
    let response = try await self.rpc.withClient(method) { client, options in
      try await Bosdyn_Api_GraphNav_GraphNavService.Client(wrapping: client).uploadWaypointSnapshot(
        options: options,
        requestProducer: { writer in try await writer.write(contentsOf: chunks) }
      )
    }
    try self.checkHeader(response.header, response, method)
    if response.hasLeaseUseResult {
      try self.checkLeases([response.leaseUseResult], response, method)
    }
    switch response.status {
    case .ok, .unknown: return
    case .incompatibleSensors:
      throw self.failure(.responseError, "STATUS_INCOMPATIBLE_SENSORS", response, method)
    case .UNRECOGNIZED(let value):
      throw self.failure(.unexpectedStatus, "unknown status \(value)", response, method)
    }
  }

  /// Uploads an edge snapshot in chunks (UploadEdgeSnapshot).
  ///
  /// - Throws: `leaseUseError`, or an RPC-layer code.
  public func uploadEdgeSnapshot(
    _ snapshot: Bosdyn_Api_GraphNav_EdgeSnapshot,
    lease: Lease? = nil
  ) async throws {
    let method = Bosdyn_Api_GraphNav_GraphNavService.Method.UploadEdgeSnapshot.descriptor
    let chunks = try DataChunks.split(snapshot, size: Self.chunkSize).map { chunk in
      var message = Bosdyn_Api_GraphNav_UploadEdgeSnapshotRequest()
      message.header = .stamped(clientName: self.rpc.clientName)
      message.chunk = chunk
      if let lease { message.lease = lease }
      return message
    }
    let response = try await self.rpc.withClient(method) { client, options in
      try await Bosdyn_Api_GraphNav_GraphNavService.Client(wrapping: client).uploadEdgeSnapshot(
        options: options,
        requestProducer: { writer in try await writer.write(contentsOf: chunks) }
      )
    }
    try self.checkHeader(response.header, response, method)
    if response.hasLeaseUseResult {
      try self.checkLeases([response.leaseUseResult], response, method)
    }
  }

  /// Uploads a whole map the way a recording's client does: the graph, then the snapshots the
  /// robot reports it lacks.
  ///
  /// - Returns: The graph upload's response.
  @discardableResult
  public func uploadMap(
    _ graph: Bosdyn_Api_GraphNav_Graph,
    waypointSnapshots: [Bosdyn_Api_GraphNav_WaypointSnapshot],
    edgeSnapshots: [Bosdyn_Api_GraphNav_EdgeSnapshot],
    generateNewAnchoring: Bool = false,
    lease: Lease? = nil
  ) async throws -> Bosdyn_Api_GraphNav_UploadGraphResponse {
    let response = try await self.uploadGraph(
      graph,
      generateNewAnchoring: generateNewAnchoring,
      lease: lease
    )
    let waypoints = Set(response.unknownWaypointSnapshotIds)
    for snapshot in waypointSnapshots where waypoints.contains(snapshot.id) {
      try await self.uploadWaypointSnapshot(snapshot, lease: lease)
    }
    let edges = Set(response.unknownEdgeSnapshotIds)
    for snapshot in edgeSnapshots where edges.contains(snapshot.id) {
      try await self.uploadEdgeSnapshot(snapshot, lease: lease)
    }
    return response
  }

  /// The robot's map (DownloadGraphStreaming; the unary DownloadGraph when the robot does not
  /// implement that).
  public func downloadGraph() async throws -> Bosdyn_Api_GraphNav_Graph {
    let method = Bosdyn_Api_GraphNav_GraphNavService.Method.DownloadGraphStreaming.descriptor
    let request = Bosdyn_Api_GraphNav_DownloadGraphRequest().stamped(
      clientName: self.rpc.clientName
    )
    do {
      let messages: [Bosdyn_Api_GraphNav_DownloadGraphStreamingResponse] =
        try await self.rpc.withClient(method) { client, options in
          try await Bosdyn_Api_GraphNav_GraphNavService.Client(wrapping: client)
            .downloadGraphStreaming(request, options: options) { response in
              try await response.messages.reduce(into: []) { $0.append($1) }
            }
        }
      if let first = messages.first { try self.checkHeader(first.header, first, method) }
      let whole: Bosdyn_Api_GraphNav_DownloadGraphResponse = try DataChunks.join(
        messages.map(\.chunk)
      )
      return whole.graph
    } catch let error as ClientError where error.code == .unimplemented {
      return try await self.rpc.call(
        Bosdyn_Api_GraphNav_GraphNavService.Method.DownloadGraph.self,
        Bosdyn_Api_GraphNav_DownloadGraphRequest()
      ).graph
    }
  }

  /// Waypoint snapshot `id`, downloaded in chunks.
  ///
  /// - Throws: `snapshotNotFound`, or an RPC-layer code.
  public func downloadWaypointSnapshot(
    _ id: String
  ) async throws -> Bosdyn_Api_GraphNav_WaypointSnapshot {
    let method = Bosdyn_Api_GraphNav_GraphNavService.Method.DownloadWaypointSnapshot.descriptor
    var request = Bosdyn_Api_GraphNav_DownloadWaypointSnapshotRequest()
    request.waypointSnapshotID = id
    let stamped = request.stamped(clientName: self.rpc.clientName)
    let messages: [Bosdyn_Api_GraphNav_DownloadWaypointSnapshotResponse] =
      try await self.rpc.withClient(method) { client, options in
        try await Bosdyn_Api_GraphNav_GraphNavService.Client(wrapping: client)
          .downloadWaypointSnapshot(stamped, options: options) { response in
            try await response.messages.reduce(into: []) { $0.append($1) }
          }
      }
    for message in messages {
      try self.checkHeader(message.header, message, method)
      if message.status == .snapshotDoesNotExist {
        throw self.failure(.snapshotNotFound, "no waypoint snapshot '\(id)'", message, method)
      }
    }
    return try DataChunks.join(messages.map(\.chunk))
  }

  /// Edge snapshot `id`, downloaded in chunks.
  ///
  /// - Throws: `snapshotNotFound`, or an RPC-layer code.
  public func downloadEdgeSnapshot(_ id: String) async throws -> Bosdyn_Api_GraphNav_EdgeSnapshot {
    let method = Bosdyn_Api_GraphNav_GraphNavService.Method.DownloadEdgeSnapshot.descriptor
    var request = Bosdyn_Api_GraphNav_DownloadEdgeSnapshotRequest()
    request.edgeSnapshotID = id
    let stamped = request.stamped(clientName: self.rpc.clientName)
    let messages: [Bosdyn_Api_GraphNav_DownloadEdgeSnapshotResponse] =
      try await self.rpc.withClient(method) { client, options in
        try await Bosdyn_Api_GraphNav_GraphNavService.Client(wrapping: client)
          .downloadEdgeSnapshot(stamped, options: options) { response in
            try await response.messages.reduce(into: []) { $0.append($1) }
          }
      }
    for message in messages {
      try self.checkHeader(message.header, message, method)
      if message.status == .snapshotDoesNotExist {
        throw self.failure(.snapshotNotFound, "no edge snapshot '\(id)'", message, method)
      }
    }
    return try DataChunks.join(messages.map(\.chunk))
  }

  /// A response-layer error keeping `response`.
  func failure(
    _ code: ClientError.Code,
    _ message: String,
    _ response: some SwiftProtobuf.Message,
    _ method: MethodDescriptor
  ) -> ClientError {
    var error = RobotRPC.statusError(code, message, method)
    error.response = response
    return error
  }
}
