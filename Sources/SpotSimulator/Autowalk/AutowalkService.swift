public import AutowalkCompiler
public import BosdynAPI
public import GRPCCore
public import Logging
public import MissionExecutor
import BosdynCore
import Foundation
import SwiftProtobuf

/// The simulated robot's `bosdyn.api.autowalk.AutowalkService` (`autowalk-service`):
/// CompileAutowalk and LoadAutowalk, both chunked both ways, over the ``/AutowalkCompiler/AutowalkCompiler``.
///
/// CompileAutowalk is stateless: it compiles the walk (and checks the result with the mission
/// executor's compiler, so node actions are checked too) and answers the tree, with each
/// element's node ids as a load would assign them. LoadAutowalk compiles, then checks the walk
/// against the robot — every waypoint it navigates to must be in the map uploaded to
/// GraphNav, every callback in the directory — and loads the mission into the robot's mission
/// service (the same ``/MissionExecutor/MissionController``), which establishes the callbacks'
/// sessions. Problems come back as autowalk.proto describes: `STATUS_COMPILE_ERROR` or
/// `STATUS_VALIDATE_ERROR`, with `failed_elements` (by element index) and `failed_nodes`.
///
/// Leases: LoadAutowalk's leases are optional, as autowalk.proto says; when it carries some,
/// the body lease must be good (else `STATUS_VALIDATE_ERROR` with its lease use result, and
/// nothing is loaded). Callbacks with `lease_resources` need them to establish their sessions.
public struct AutowalkService: Bosdyn_Api_Autowalk_AutowalkService.SimpleServiceProtocol {
  /// The most bytes a chunked request may announce.
  public static let maximumRequestSize: UInt64 = 64 * 1024 * 1024
  /// How deep a chunked request may nest, in messages (walks hold mission nodes).
  static let messageDepthLimit = 2 * 1024

  let compiler: AutowalkCompiler
  let controller: MissionController
  let ledger: LeaseLedger
  let graphNav: SimulatedGraphNav
  let registry: ServiceRegistry
  let logger: Logger

  /// Creates the service.
  ///
  /// - Parameters:
  ///   - compiler: Compiles walks.
  ///   - controller: The mission service's controller, which loaded walks replace the mission of.
  ///   - ledger: Judges the leases a load carries.
  ///   - graphNav: The map walks' waypoints are checked against.
  ///   - registry: The directory callbacks are checked against.
  ///   - logger: Receives one line per call.
  public init(
    compiler: AutowalkCompiler = AutowalkCompiler(),
    controller: MissionController,
    ledger: LeaseLedger,
    graphNav: SimulatedGraphNav,
    registry: ServiceRegistry,
    logger: Logger = Logger(label: "bosdyn.spot-sim.autowalk")
  ) {
    self.compiler = compiler
    self.controller = controller
    self.ledger = ledger
    self.graphNav = graphNav
    self.registry = registry
    self.logger = logger
  }

  /// Handles `CompileAutowalk`: a CompileAutowalkRequest in chunks, the response in chunks.
  public func compileAutowalk(
    request: RPCAsyncSequence<Bosdyn_Api_DataChunk, any Error>,
    response: RPCWriter<Bosdyn_Api_DataChunk>,
    context: ServerContext
  ) async throws {
    let stream = try await ChunkStream.read(request, limit: Self.maximumRequestSize) { $0 }
    let answer: Bosdyn_Api_Autowalk_CompileAutowalkResponse
    do {
      let compile = try stream.decode(
        Bosdyn_Api_Autowalk_CompileAutowalkRequest.self,
        options: Self.decodingOptions
      )
      answer = await respond(to: compile) { self.compile(compile) }
    } catch {
      answer = await respond(to: Bosdyn_Api_Autowalk_CompileAutowalkRequest()) {
        var refused = Bosdyn_Api_Autowalk_CompileAutowalkResponse()
        refused.header = .error(.invalidRequest, "not a CompileAutowalkRequest: \(error)")
        return refused
      }
    }
    try await response.write(contentsOf: DataChunks.split(answer, size: 1_000_000))
  }

  /// Handles `LoadAutowalk`: a LoadAutowalkRequest in chunks, the response in chunks.
  public func loadAutowalk(
    request: RPCAsyncSequence<Bosdyn_Api_DataChunk, any Error>,
    response: RPCWriter<Bosdyn_Api_DataChunk>,
    context: ServerContext
  ) async throws {
    let stream = try await ChunkStream.read(request, limit: Self.maximumRequestSize) { $0 }
    let answer: Bosdyn_Api_Autowalk_LoadAutowalkResponse
    do {
      let load = try stream.decode(
        Bosdyn_Api_Autowalk_LoadAutowalkRequest.self,
        options: Self.decodingOptions
      )
      answer = await respond(to: load) { await self.load(load) }
    } catch {
      answer = await respond(to: Bosdyn_Api_Autowalk_LoadAutowalkRequest()) {
        var refused = Bosdyn_Api_Autowalk_LoadAutowalkResponse()
        refused.header = .error(.invalidRequest, "not a LoadAutowalkRequest: \(error)")
        return refused
      }
    }
    try await response.write(contentsOf: DataChunks.split(answer, size: 1_000_000))
  }

  private static var decodingOptions: BinaryDecodingOptions {
    var options = BinaryDecodingOptions()
    options.messageDepthLimit = Self.messageDepthLimit
    return options
  }

  // MARK: Compiling

  private func compile(
    _ request: Bosdyn_Api_Autowalk_CompileAutowalkRequest
  ) -> Bosdyn_Api_Autowalk_CompileAutowalkResponse {
    var response = Bosdyn_Api_Autowalk_CompileAutowalkResponse()
    let start = ContinuousClock.now
    switch self.compileWalk(request.walk, treatWarningsAsErrors: request.treatWarningsAsErrors) {
    case .failure(let error):
      response.status = .compileError
      response.failedElements = error.failedElements
      // CompileAutowalkResponse has no failed_nodes: problems outside any element (playback
      // mode, docks, post-mission callbacks) are reported under index -1.
      if !error.failedNodes.isEmpty {
        var walkLevel = response.failedElements[-1] ?? .init()
        walkLevel.errors += error.failedNodes.map { "\($0.name): \($0.error)" }
        response.failedElements[-1] = walkLevel
      }
    case .success(let (walk, mission)):
      response.status = .ok
      response.root = walk.root
      response.failedElements = walk.warnings
      let identifiers = walk.elementIdentifiers(in: mission.rootInfo)
      response.elementIdentifiers = identifiers.elements
      response.loopNode = identifiers.loop
      response.dockingNode = identifiers.docking
    }
    self.logger.info(
      "CompileAutowalk '\(request.walk.missionName)' (\(request.walk.elements.count) elements) from \(request.header.callerForLog): \(protoName(response.status)) in \(ContinuousClock.now - start)"
    )
    return response
  }

  /// Compiles a walk and checks the tree with the mission executor's compiler, attributing
  /// problems inside an element's own node action to that element.
  func compileWalk(
    _ walk: Bosdyn_Api_Autowalk_Walk,
    treatWarningsAsErrors: Bool
  ) -> Result<(CompiledWalk, CompiledMission), AutowalkCompileError> {
    let compiled: CompiledWalk
    do {
      compiled = try self.compiler.compile(walk, treatWarningsAsErrors: treatWarningsAsErrors)
    } catch {
      return .failure(error)
    }
    let executor = MissionCompiler(configuration: self.controller.configuration.compiler)
    var problems = AutowalkCompileError(failedElements: compiled.warnings)
    for (index, element) in walk.elements.enumerated() where !element.isSkipped {
      guard case .node(let node) = element.action.action else { continue }
      do {
        _ = try executor.compile(node)
      } catch {
        var failed = problems.failedElements[Int32(index)] ?? .init()
        failed.errors += error.failedNodes.map { "node '\($0.name)': \($0.error)" }
        problems.failedElements[Int32(index)] = failed
        problems.failedNodes += error.failedNodes
      }
    }
    do {
      let mission = try executor.compile(compiled.root)
      guard problems.failedNodes.isEmpty else { return .failure(problems) }
      return .success((compiled, mission))
    } catch {
      problems.failedNodes += error.failedNodes.filter { node in
        !problems.failedNodes.contains { $0.name == node.name && $0.error == node.error }
      }
      return .failure(problems)
    }
  }
}
