import AutowalkCompiler
public import BosdynAPI
import BosdynCore
import GRPCCore
import Logging
import MissionExecutor

extension AutowalkService {
  /// LoadAutowalk in-process: judges the request's leases, compiles the walk, checks it
  /// against the robot (map, directory) and loads it into the mission service, answering as
  /// the RPC would (without the chunking).
  public func load(
    _ request: Bosdyn_Api_Autowalk_LoadAutowalkRequest
  ) async -> Bosdyn_Api_Autowalk_LoadAutowalkResponse {
    var response = Bosdyn_Api_Autowalk_LoadAutowalkResponse()
    let walk = request.walk
    defer {
      let failures =
        response.failedElements.sorted { $0.key < $1.key }.map { index, element in
          "element \(index): \(element.errors.joined(separator: ", "))"
        } + response.failedNodes.map { "\($0.name): \($0.error)" }
      let detail = failures.isEmpty ? "" : " (\(failures.joined(separator: "; ")))"
      self.logger.info(
        "LoadAutowalk '\(walk.missionName)' (\(walk.elements.count) elements) from \(request.header.callerForLog): \(protoName(response.status))\(detail)"
      )
    }
    if !request.leases.isEmpty {
      let lease = self.ledger.judge(request.leases)
      response.leaseUseResults = [lease]
      guard lease.status == .ok else {
        response.status = .validateError
        var failed = Bosdyn_Api_Mission_FailedNode()
        failed.name = walk.missionName
        failed.error = "the body lease is \(protoName(lease.status)); nothing was loaded"
        response.failedNodes = [failed]
        return response
      }
    }
    let compiled: CompiledWalk
    switch self.compileWalk(walk, treatWarningsAsErrors: request.treatWarningsAsErrors) {
    case .failure(let error):
      response.status = .compileError
      response.failedElements = error.failedElements
      response.failedNodes = error.failedNodes
      return response
    case .success(let (walk, _)):
      compiled = walk
    }
    let problems = self.checkAgainstRobot(walk, compiled)
    guard problems.failedElements.values.allSatisfy({ $0.errors.isEmpty }),
      problems.failedNodes.isEmpty
    else {
      response.status = .validateError
      response.failedElements = problems.failedElements.merging(compiled.warnings) {
        errors,
        warnings in
        var merged = errors
        merged.warnings = warnings.warnings
        return merged
      }
      response.failedNodes = problems.failedNodes
      return response
    }
    let loaded = await self.controller.load(compiled.root, leases: request.leases)
    switch loaded.status {
    case .ok:
      response.status = .ok
      response.failedElements = compiled.warnings
      if let info = loaded.missionInfo {
        response.missionID = info.id
        let identifiers = compiled.elementIdentifiers(in: info.root)
        response.elementIdentifiers = identifiers.elements
        response.loopNode = identifiers.loop
        response.dockingNode = identifiers.docking
      }
    case .compileError:
      response.status = .compileError
      response.failedNodes = loaded.failedNodes
    default:
      response.status = .validateError
      response.failedNodes = loaded.failedNodes
      response.failedElements = Self.elements(of: loaded.failedNodes, in: compiled)
    }
    return response
  }

  /// Every element whose waypoints are not in GraphNav's map or whose callback is not in the
  /// directory, and the same for the docks and post-mission callbacks.
  private func checkAgainstRobot(
    _ walk: Bosdyn_Api_Autowalk_Walk,
    _ compiled: CompiledWalk
  ) -> AutowalkCompileError {
    var problems = AutowalkCompileError()
    let hasMap = self.graphNav.hasMap
    func missing(_ target: Bosdyn_Api_Autowalk_Target) -> [String] {
      Self.waypoints(of: target).filter { !self.graphNav.contains(waypoint: $0) }
    }
    func mapProblem(_ waypoints: [String]) -> String {
      hasMap
        ? "waypoint\(waypoints.count == 1 ? "" : "s") "
          + waypoints.map { "'\($0)'" }.joined(separator: ", ")
          + " \(waypoints.count == 1 ? "is" : "are") not in the map uploaded to graph-nav-service"
        : "no map is uploaded to graph-nav-service (upload the walk's graph first)"
    }
    for (index, element) in walk.elements.enumerated() where compiled.elements[index] != nil {
      var errors: [String] = []
      if element.hasTarget {
        let absent = missing(element.target)
        if !absent.isEmpty { errors.append(mapProblem(absent)) }
      }
      if !walk.globalParameters.skipActions, case .remoteGrpc(let call) = element.action.action,
        let problem = self.callbackProblem(call.serviceName)
      {
        errors.append(problem)
      }
      if !errors.isEmpty {
        var failed = Bosdyn_Api_Autowalk_FailedElement()
        failed.errors = errors
        problems.failedElements[Int32(index)] = failed
        var node = Bosdyn_Api_Mission_FailedNode()
        node.name = element.name
        node.error = errors.joined(separator: "; ")
        problems.failedNodes.append(node)
      }
    }
    for dock in walk.docks {
      let absent = missing(dock.targetPrepPose)
      if !absent.isEmpty {
        var node = Bosdyn_Api_Mission_FailedNode()
        node.name = "Dock \(dock.dockID)"
        node.error = mapProblem(absent)
        problems.failedNodes.append(node)
      }
    }
    for call in walk.globalParameters.postMissionCallbacks {
      if let problem = self.callbackProblem(call.serviceName) {
        var node = Bosdyn_Api_Mission_FailedNode()
        node.name = "Post-mission callback \(call.serviceName)"
        node.error = problem
        problems.failedNodes.append(node)
      }
    }
    return problems
  }

  /// Why the robot's mission service cannot call `service`, or `nil` when it can.
  private func callbackProblem(_ service: String) -> String? {
    guard let entry = self.registry.entry(named: service) else {
      return "callback '\(service)' is not in the robot's directory"
    }
    let type = Bosdyn_Api_Mission_RemoteMissionService.descriptor.fullyQualifiedService
    guard entry.type == type else {
      return "'\(service)' is a \(entry.type), not a \(type)"
    }
    return nil
  }

  /// The waypoints a target names.
  static func waypoints(of target: Bosdyn_Api_Autowalk_Target) -> [String] {
    switch target.target {
    case .navigateTo(let goal): [goal.destinationWaypointID]
    case .navigateRoute(let goal): goal.route.waypointID
    case nil: []
    }
  }

  /// The elements whose callback nodes failed validation, with the reasons.
  static func elements(
    of failedNodes: [Bosdyn_Api_Mission_FailedNode],
    in compiled: CompiledWalk
  ) -> [Int32: Bosdyn_Api_Autowalk_FailedElement] {
    var elements: [Int32: Bosdyn_Api_Autowalk_FailedElement] = [:]
    for node in failedNodes {
      for (index, nodes) in compiled.elements.enumerated()
      where nodes?.callbackNode == node.name {
        elements[Int32(index), default: .init()].errors.append(node.error)
      }
    }
    return elements
  }
}
