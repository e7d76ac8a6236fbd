public import BosdynAPI
public import GRPCCore
public import Logging
import BosdynCore
import Foundation
import SwiftProtobuf

/// The simulated robot's `bosdyn.api.graph_nav.GraphNavService` (`graph-nav-service`): a gRPC
/// shell over ``SimulatedGraphNav``, adding the lease checks and the chunked uploads and
/// downloads.
///
/// Leases: NavigateTo and NavigateRoute must carry a body lease (or a sublease of it) the
/// ``LeaseLedger`` accepts, else the response carries the failed lease use result (Python's
/// `LeaseUseError`) and the robot does not move. The map calls (ClearGraph, UploadGraph, the
/// snapshot uploads) judge their lease when it names a resource and accept an empty one:
/// the Python `GraphNavClient` sends an empty `Lease` unless given one.
///
/// Not simulated: NavigateToAnchor (`UNIMPLEMENTED`); ValidateGraph always answers OK.
public struct GraphNavService: Bosdyn_Api_GraphNav_GraphNavService.SimpleServiceProtocol {
  /// The size of the chunks of streamed downloads (the robot's are at most 4 MB).
  static let downloadChunkSize = 1024 * 1024

  private let graphNav: SimulatedGraphNav
  private let ledger: LeaseLedger
  private let logger: Logger

  /// Creates the service.
  ///
  /// - Parameters:
  ///   - graphNav: The map, localization and navigation.
  ///   - ledger: Judges the leases navigation and map calls carry.
  ///   - logger: Receives one line per state-changing call.
  public init(
    graphNav: SimulatedGraphNav,
    ledger: LeaseLedger,
    logger: Logger = Logger(label: "bosdyn.spot-sim.graph-nav")
  ) {
    self.graphNav = graphNav
    self.ledger = ledger
    self.logger = logger
  }

  // MARK: Localization

  /// Handles `SetLocalization`.
  public func setLocalization(
    request: Bosdyn_Api_GraphNav_SetLocalizationRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GraphNav_SetLocalizationResponse {
    await respond(to: request) {
      let response = self.graphNav.setLocalization(request)
      self.logger.info(
        "SetLocalization \(protoName(request.fiducialInit)) from \(request.header.callerForLog): \(protoName(response.status)) at '\(response.localization.waypointID)'"
      )
      return response
    }
  }

  /// Handles `GetLocalizationState`.
  public func getLocalizationState(
    request: Bosdyn_Api_GraphNav_GetLocalizationStateRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GraphNav_GetLocalizationStateResponse {
    await respond(to: request) { self.graphNav.localizationState(request) }
  }

  // MARK: Navigation

  /// Handles `NavigateTo`.
  public func navigateTo(
    request: Bosdyn_Api_GraphNav_NavigateToRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GraphNav_NavigateToResponse {
    await respond(to: request) {
      let response = self.leased(request.leases) { self.graphNav.navigateTo(request) }
      if response.leaseUseResults.first?.status == .ok,
        request.commandID == 0 || response.status != .ok
      {
        self.logger.info(
          "NavigateTo '\(request.destinationWaypointID)' from \(request.header.callerForLog): \(protoName(response.status)), command \(response.commandID)"
        )
      }
      return response
    }
  }

  /// Handles `NavigateRoute`.
  public func navigateRoute(
    request: Bosdyn_Api_GraphNav_NavigateRouteRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GraphNav_NavigateRouteResponse {
    await respond(to: request) {
      let response = self.leased(request.leases) { self.graphNav.navigateRoute(request) }
      if response.leaseUseResults.first?.status == .ok,
        request.commandID == 0 || response.status != .ok
      {
        self.logger.info(
          "NavigateRoute of \(request.route.waypointID.count) waypoints from \(request.header.callerForLog): \(protoName(response.status)), command \(response.commandID)"
        )
      }
      return response
    }
  }

  /// The navigation `navigate` answers when the ledger accepts `leases`, else an empty
  /// answer; either way with the lease use result, as the robot reports it.
  private func leased<Response: NavigationCommandResponse>(
    _ leases: [Bosdyn_Api_Lease],
    _ navigate: () -> Response
  ) -> Response {
    let lease = self.ledger.judge(leases)
    var response = lease.status == .ok ? navigate() : Response()
    response.leaseUseResults = [lease]
    return response
  }

  /// `NavigateToAnchor` is not simulated: the simulated map has no real anchoring to aim at.
  public func navigateToAnchor(
    request: Bosdyn_Api_GraphNav_NavigateToAnchorRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GraphNav_NavigateToAnchorResponse {
    throw RPCError(code: .unimplemented, message: "The simulated robot does not NavigateToAnchor.")
  }

  /// Handles `NavigationFeedback`.
  public func navigationFeedback(
    request: Bosdyn_Api_GraphNav_NavigationFeedbackRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GraphNav_NavigationFeedbackResponse {
    await respond(to: request) { self.graphNav.feedback(request) }
  }

  // MARK: The map

  /// Handles `ClearGraph`.
  public func clearGraph(
    request: Bosdyn_Api_GraphNav_ClearGraphRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GraphNav_ClearGraphResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_GraphNav_ClearGraphResponse()
      if let lease = self.judge(request.hasLease ? request.lease : nil) {
        response.leaseUseResult = lease
        guard lease.status == .ok else { return response }
      }
      self.graphNav.clearGraph()
      response.status = .ok
      self.logger.info("ClearGraph from \(request.header.callerForLog)")
      return response
    }
  }

  /// Handles `UploadGraph`.
  public func uploadGraph(
    request: Bosdyn_Api_GraphNav_UploadGraphRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GraphNav_UploadGraphResponse {
    await respond(to: request) { self.upload(request) }
  }

  /// Handles `UploadGraphStreaming`: an UploadGraphRequest in chunks.
  public func uploadGraphStreaming(
    request: RPCAsyncSequence<Bosdyn_Api_GraphNav_UploadGraphStreamingRequest, any Error>,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GraphNav_UploadGraphResponse {
    let stream = try await ChunkStream.read(request, limit: self.limit) { $0.chunk }
    let upload: Bosdyn_Api_GraphNav_UploadGraphRequest
    do {
      upload = try stream.decode(Bosdyn_Api_GraphNav_UploadGraphRequest.self)
    } catch {
      return await respond(to: stream.first ?? .init()) {
        var response = Bosdyn_Api_GraphNav_UploadGraphResponse()
        response.header = .error(.invalidRequest, "not an UploadGraphRequest: \(error)")
        return response
      }
    }
    return await respond(to: upload) { self.upload(upload) }
  }

  /// Handles `UploadWaypointSnapshot`: a WaypointSnapshot in chunks.
  public func uploadWaypointSnapshot(
    request: RPCAsyncSequence<Bosdyn_Api_GraphNav_UploadWaypointSnapshotRequest, any Error>,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GraphNav_UploadWaypointSnapshotResponse {
    let stream = try await ChunkStream.read(request, limit: self.limit) { $0.chunk }
    return await respond(to: stream.first ?? .init()) {
      var response = Bosdyn_Api_GraphNav_UploadWaypointSnapshotResponse()
      if let first = stream.first, let lease = self.judge(first.hasLease ? first.lease : nil) {
        response.leaseUseResult = lease
        guard lease.status == .ok else { return response }
      }
      do {
        if let problem = stream.problem { throw ChunkProblem(description: problem) }
        response.mapStats = try self.graphNav.storeWaypointSnapshot(stream.bytes)
        response.status = .ok
      } catch {
        response.header = .error(.invalidRequest, "not a waypoint snapshot: \(error)")
      }
      return response
    }
  }

  /// Handles `UploadEdgeSnapshot`: an EdgeSnapshot in chunks.
  public func uploadEdgeSnapshot(
    request: RPCAsyncSequence<Bosdyn_Api_GraphNav_UploadEdgeSnapshotRequest, any Error>,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GraphNav_UploadEdgeSnapshotResponse {
    let stream = try await ChunkStream.read(request, limit: self.limit) { $0.chunk }
    return await respond(to: stream.first ?? .init()) {
      var response = Bosdyn_Api_GraphNav_UploadEdgeSnapshotResponse()
      if let first = stream.first, let lease = self.judge(first.hasLease ? first.lease : nil) {
        response.leaseUseResult = lease
        guard lease.status == .ok else { return response }
      }
      do {
        if let problem = stream.problem { throw ChunkProblem(description: problem) }
        response.mapStats = try self.graphNav.storeEdgeSnapshot(stream.bytes)
      } catch {
        response.header = .error(.invalidRequest, "not an edge snapshot: \(error)")
      }
      return response
    }
  }

  /// Handles `UploadSnapshots`: waypoint and edge snapshots together, in chunks.
  public func uploadSnapshots(
    request: RPCAsyncSequence<Bosdyn_Api_GraphNav_UploadSnapshotsRequest, any Error>,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GraphNav_UploadSnapshotsResponse {
    let stream = try await ChunkStream.read(request, limit: self.limit) { $0.chunk }
    return await respond(to: stream.first ?? .init()) {
      var response = Bosdyn_Api_GraphNav_UploadSnapshotsResponse()
      if let first = stream.first, let lease = self.judge(first.hasLease ? first.lease : nil) {
        response.leaseUseResult = lease
        guard lease.status == .ok else { return response }
      }
      do {
        // The Python client probes with one empty message: an empty batch.
        let snapshots = try stream.decode(Bosdyn_Api_GraphNav_UploadSnapshotsRequest.Snapshots.self)
        response.mapStats = try self.graphNav.storeSnapshots(snapshots)
        response.status = .ok
      } catch {
        response.header = .error(.invalidRequest, "not a batch of snapshots: \(error)")
      }
      return response
    }
  }

  /// Handles `DownloadGraph`.
  public func downloadGraph(
    request: Bosdyn_Api_GraphNav_DownloadGraphRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GraphNav_DownloadGraphResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_GraphNav_DownloadGraphResponse()
      response.graph = self.graphNav.graph
      return response
    }
  }

  /// Handles `DownloadGraphStreaming`: a DownloadGraphResponse in chunks.
  public func downloadGraphStreaming(
    request: Bosdyn_Api_GraphNav_DownloadGraphRequest,
    response: RPCWriter<Bosdyn_Api_GraphNav_DownloadGraphStreamingResponse>,
    context: ServerContext
  ) async throws {
    let whole = try await self.downloadGraph(request: request, context: context)
    let chunks = try DataChunks.split(whole, size: Self.downloadChunkSize)
    try await response.write(
      contentsOf: chunks.map { chunk in
        var message = Bosdyn_Api_GraphNav_DownloadGraphStreamingResponse()
        message.header = whole.header
        message.chunk = chunk
        return message
      }
    )
  }

  /// Handles `DownloadWaypointSnapshot`: the snapshot in chunks, or one response with
  /// `STATUS_SNAPSHOT_DOES_NOT_EXIST`.
  public func downloadWaypointSnapshot(
    request: Bosdyn_Api_GraphNav_DownloadWaypointSnapshotRequest,
    response: RPCWriter<Bosdyn_Api_GraphNav_DownloadWaypointSnapshotResponse>,
    context: ServerContext
  ) async throws {
    let bytes = self.graphNav.waypointSnapshot(request.waypointSnapshotID)
    let messages = await Self.chunked(bytes) { (chunk: Bosdyn_Api_DataChunk?) in
      await respond(to: request) {
        var message = Bosdyn_Api_GraphNav_DownloadWaypointSnapshotResponse()
        message.waypointSnapshotID = request.waypointSnapshotID
        if let chunk {
          message.status = .ok
          message.chunk = chunk
        } else {
          message.status = .snapshotDoesNotExist
        }
        return message
      }
    }
    try await response.write(contentsOf: messages)
  }

  /// Handles `DownloadEdgeSnapshot`: the snapshot in chunks, or one response with
  /// `STATUS_SNAPSHOT_DOES_NOT_EXIST`.
  public func downloadEdgeSnapshot(
    request: Bosdyn_Api_GraphNav_DownloadEdgeSnapshotRequest,
    response: RPCWriter<Bosdyn_Api_GraphNav_DownloadEdgeSnapshotResponse>,
    context: ServerContext
  ) async throws {
    let bytes = self.graphNav.edgeSnapshot(request.edgeSnapshotID)
    let messages = await Self.chunked(bytes) { (chunk: Bosdyn_Api_DataChunk?) in
      await respond(to: request) {
        var message = Bosdyn_Api_GraphNav_DownloadEdgeSnapshotResponse()
        message.edgeSnapshotID = request.edgeSnapshotID
        if let chunk {
          message.status = .ok
          message.chunk = chunk
        } else {
          message.status = .snapshotDoesNotExist
        }
        return message
      }
    }
    try await response.write(contentsOf: messages)
  }

  /// Handles `ValidateGraph`: the simulated map needs no sensors or area callbacks, so it is
  /// always valid.
  public func validateGraph(
    request: Bosdyn_Api_GraphNav_ValidateGraphRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GraphNav_ValidateGraphResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_GraphNav_ValidateGraphResponse()
      response.status = .ok
      return response
    }
  }

  // MARK: Internals

  private var limit: UInt64 { self.graphNav.configuration.maximumUploadBytes }

  private func upload(
    _ request: Bosdyn_Api_GraphNav_UploadGraphRequest
  ) -> Bosdyn_Api_GraphNav_UploadGraphResponse {
    if let lease = self.judge(request.hasLease ? request.lease : nil), lease.status != .ok {
      var response = Bosdyn_Api_GraphNav_UploadGraphResponse()
      response.leaseUseResult = lease
      return response
    }
    var response = self.graphNav.uploadGraph(request)
    if let lease = self.judge(request.hasLease ? request.lease : nil) {
      response.leaseUseResult = lease
    }
    self.logger.info(
      "UploadGraph of \(request.graph.waypoints.count) waypoints and \(request.graph.edges.count) edges from \(request.header.callerForLog): \(protoName(response.status))"
    )
    return response
  }

  /// The verdict on a map call's lease, or `nil` for none or an empty one (accepted).
  private func judge(_ lease: Bosdyn_Api_Lease?) -> Bosdyn_Api_LeaseUseResult? {
    guard let lease, !lease.resource.isEmpty else { return nil }
    return self.ledger.judge([lease], resource: lease.resource)
  }

  /// One response per chunk of `bytes`, or one without a chunk when there are none.
  private static func chunked<Response>(
    _ bytes: Data?,
    _ make: (Bosdyn_Api_DataChunk?) async -> Response
  ) async -> [Response] {
    guard let bytes else { return [await make(nil)] }
    var responses: [Response] = []
    var start = 0
    repeat {
      let end = min(bytes.count, start + Self.downloadChunkSize)
      var chunk = Bosdyn_Api_DataChunk()
      chunk.totalSize = UInt64(bytes.count)
      chunk.data = bytes.subdata(in: start..<end)
      responses.append(await make(chunk))
      start = end
    } while start < bytes.count
    return responses
  }
}

/// A NavigateTo or NavigateRoute answer, which carries the lease use results alike.
protocol NavigationCommandResponse: SwiftProtobuf.Message {
  var leaseUseResults: [Bosdyn_Api_LeaseUseResult] { get set }
}

extension Bosdyn_Api_GraphNav_NavigateToResponse: NavigationCommandResponse {}
extension Bosdyn_Api_GraphNav_NavigateRouteResponse: NavigationCommandResponse {}
