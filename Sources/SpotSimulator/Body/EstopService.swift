public import BosdynAPI
public import GRPCCore
public import Logging
public import BosdynCore
import Foundation
import Synchronization
import SwiftProtobuf

/// The simulated robot's `bosdyn.api.EstopService`: one active configuration whose endpoints
/// clients register into, challenge/response check-ins, and the system status.
///
/// It starts as a robot does when an operator's tablet holds its E-Stop: the configuration has
/// one endpoint, ``builtInEndpointName``, released and never timing out, so the robot can be
/// powered on at once (Boston Dynamics' examples refuse an estopped robot). A check-in at a
/// stopping level — from any endpoint, or ``stop(reason:)`` (the console's and `bosdyn ROBOT
/// estop stop`'s button) — estops the ``SimulatedBody``: motors off at once. An endpoint with a
/// timeout that has not checked in within it counts as stopped, as on the robot: a client that
/// registered an E-Stop and vanished cuts power after its timeout (``run()`` enforces it even
/// when nobody asks). Releasing needs every endpoint at `ESTOP_LEVEL_NONE`.
public final class EstopService: Bosdyn_Api_EstopService.SimpleServiceProtocol, Sendable {
  /// The name of the endpoint the simulated robot starts with, standing in for the tablet.
  public static let builtInEndpointName = "spot-sim"

  private let body: SimulatedBody
  private let logger: Logger
  private let clock: RobotClock
  private let registry: Registry

  /// Creates the service with the built-in released endpoint.
  ///
  /// - Parameters:
  ///   - body: Estopped when the system stop level is not `ESTOP_LEVEL_NONE`.
  ///   - clock: What endpoint timeouts are measured on.
  ///   - logger: Receives one info line per call.
  public init(
    body: SimulatedBody,
    clock: RobotClock = .system(),
    logger: Logger = Logger(label: "bosdyn.spot-sim.estop")
  ) {
    self.body = body
    self.clock = clock
    self.logger = logger
    self.registry = Registry(now: clock.now)
  }

  final class Registry: Sendable {
    struct State {
      var config = Bosdyn_Api_EstopConfig()
      var levels: [String: Bosdyn_Api_EstopStopLevel] = [:]
      var challenges: [String: UInt64] = [:]
      /// When each endpoint last checked in (or was registered).
      var lastCheckIn: [String: RobotClock.Instant] = [:]
      /// Set by ``EstopService/stop(reason:)`` until ``EstopService/release()``.
      var stoppedBy: String?
      /// The stop state last applied to the body: only a change is applied, so whoever else
      /// estops the body directly is not overruled every time the timeouts are checked.
      var applied: Bool?
    }
    let state: Mutex<State>
    init(now: RobotClock.Instant) {
      var initial = State()
      initial.config.uniqueID = UUID().uuidString
      var builtIn = Bosdyn_Api_EstopEndpoint()
      builtIn.name = EstopService.builtInEndpointName
      builtIn.role = "PDB_rooted"
      builtIn.uniqueID = UUID().uuidString
      initial.config.endpoints = [builtIn]
      initial.levels[builtIn.uniqueID] = .estopLevelNone
      initial.lastCheckIn[builtIn.uniqueID] = now
      initial.applied = false
      self.state = Mutex(initial)
    }
  }

  /// Stops the robot as an E-Stop button does: motors off at once, until ``release()``.
  ///
  /// - Parameter reason: Who pressed it, shown in the system status.
  public func stop(reason: String) {
    self.registry.state.withLock { $0.stoppedBy = reason }
    self.logger.notice("E-Stop pressed by \(reason)")
    self.updateBody()
  }

  /// Releases a stop made with ``stop(reason:)``; endpoints still stopped keep the robot
  /// estopped.
  public func release() {
    self.registry.state.withLock { $0.stoppedBy = nil }
    self.logger.notice("E-Stop released")
    self.updateBody()
  }

  /// Whether the system is stopped (any endpoint stopped or timed out, or ``stop(reason:)``).
  public var isStopped: Bool {
    let now = self.clock.now
    return self.registry.state.withLock { Self.systemLevel($0, now: now) } != .estopLevelNone
  }

  /// Cuts power when an endpoint's check-ins stop, without waiting for anyone to ask: checks
  /// the timeouts every 100 ms until cancelled or shut down gracefully.
  public func run() async throws {
    try await RetryLoop(retryInterval: .milliseconds(100)).run(clock: self.clock.clock) {
      _,
      _,
      _ in
    } _: {
      self.updateBody()
      return .milliseconds(100)
    }
  }

  /// Handles `RegisterEstopEndpoint`: adds (or replaces) an endpoint in the active config.
  public func registerEstopEndpoint(
    request: Bosdyn_Api_RegisterEstopEndpointRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_RegisterEstopEndpointResponse {
    await answer(
      "RegisterEstopEndpoint \(request.newEndpoint.name)",
      to: request,
      logger: self.logger,
      status: { $0.status }
    ) {
      var response = Bosdyn_Api_RegisterEstopEndpointResponse()
      response.request = request
      let now = self.clock.now
      self.registry.state.withLock { state in
        guard request.targetConfigID == state.config.uniqueID else {
          response.status = .configMismatch
          return
        }
        guard !request.newEndpoint.role.isEmpty else {
          response.status = .invalidEndpoint
          return
        }
        var endpoint = request.newEndpoint
        endpoint.uniqueID = UUID().uuidString
        if let index = state.config.endpoints.firstIndex(where: {
          !request.targetEndpoint.uniqueID.isEmpty
            && $0.uniqueID == request.targetEndpoint.uniqueID
        }) {
          state.levels[state.config.endpoints[index].uniqueID] = nil
          state.config.endpoints[index] = endpoint
        } else if !request.targetEndpoint.uniqueID.isEmpty {
          response.status = .endpointMismatch
          return
        } else {
          state.config.endpoints.append(endpoint)
        }
        state.levels[endpoint.uniqueID] = .estopLevelCut
        state.lastCheckIn[endpoint.uniqueID] = now
        response.newEndpoint = endpoint
        response.status = .success
      }
      return response
    }
  }

  /// Handles `DeregisterEstopEndpoint`.
  public func deregisterEstopEndpoint(
    request: Bosdyn_Api_DeregisterEstopEndpointRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_DeregisterEstopEndpointResponse {
    await answer(
      "DeregisterEstopEndpoint",
      to: request,
      logger: self.logger,
      status: { $0.status }
    ) {
      var response = Bosdyn_Api_DeregisterEstopEndpointResponse()
      response.request = request
      let motorsOn = self.body.motorPowerState != .stateOff
      self.registry.state.withLock { state in
        guard request.targetConfigID == state.config.uniqueID else {
          response.status = .configMismatch
          return
        }
        guard
          let index = state.config.endpoints.firstIndex(where: {
            $0.uniqueID == request.targetEndpoint.uniqueID
          })
        else {
          response.status = .endpointMismatch
          return
        }
        if motorsOn {
          response.status = .motorsOn
          return
        }
        state.levels[state.config.endpoints[index].uniqueID] = nil
        state.config.endpoints.remove(at: index)
        response.status = .success
      }
      self.updateBody()
      return response
    }
  }

  /// Handles `EstopCheckIn`: the response must answer the previous challenge (its bitwise
  /// complement), except on the first check-in.
  public func estopCheckIn(
    request: Bosdyn_Api_EstopCheckInRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_EstopCheckInResponse {
    await answer(
      "EstopCheckIn \(protoName(request.stopLevel))",
      to: request,
      logger: self.logger,
      status: { $0.status }
    ) {
      var response = Bosdyn_Api_EstopCheckInResponse()
      response.request = request
      let now = self.clock.now
      self.registry.state.withLock { state in
        let id = request.endpoint.uniqueID
        guard state.config.endpoints.contains(where: { $0.uniqueID == id }) else {
          response.status = .endpointUnknown
          return
        }
        let expected = state.challenges[id].map { ~$0 }
        let challenge = UInt64.random(in: 0...UInt64.max)
        state.challenges[id] = challenge
        response.challenge = challenge
        if let expected, request.response != expected {
          // A fresh challenge comes back with the refusal so the endpoint can recover.
          response.status = .incorrectChallengeResponse
          return
        }
        state.levels[id] = request.stopLevel
        state.lastCheckIn[id] = now
        response.status = .ok
      }
      self.updateBody()
      return response
    }
  }

  /// Handles `GetEstopConfig`.
  public func getEstopConfig(
    request: Bosdyn_Api_GetEstopConfigRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GetEstopConfigResponse {
    await answer("GetEstopConfig", to: request, logger: self.logger) {
      var response = Bosdyn_Api_GetEstopConfigResponse()
      response.request = request
      response.activeConfig = self.registry.state.withLock { $0.config }
      return response
    }
  }

  /// Handles `SetEstopConfig`: replaces the configuration (new id, endpoints get new ids).
  public func setEstopConfig(
    request: Bosdyn_Api_SetEstopConfigRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_SetEstopConfigResponse {
    await answer("SetEstopConfig", to: request, logger: self.logger, status: { $0.status }) {
      var response = Bosdyn_Api_SetEstopConfigResponse()
      response.request = request
      let motorsOn = self.body.motorPowerState != .stateOff
      let now = self.clock.now
      self.registry.state.withLock { state in
        guard request.targetConfigID == state.config.uniqueID else {
          response.status = .invalidID
          return
        }
        if motorsOn {
          response.status = .motorsOn
          return
        }
        var config = request.config
        config.uniqueID = UUID().uuidString
        for index in config.endpoints.indices {
          config.endpoints[index].uniqueID = UUID().uuidString
        }
        state.config = config
        state.levels = Dictionary(
          uniqueKeysWithValues: config.endpoints.map { ($0.uniqueID, .estopLevelCut) }
        )
        state.lastCheckIn = Dictionary(
          uniqueKeysWithValues: config.endpoints.map { ($0.uniqueID, now) }
        )
        state.challenges = [:]
        response.activeConfig = config
        response.status = .success
      }
      self.updateBody()
      return response
    }
  }

  /// Handles `GetEstopSystemStatus`.
  public func getEstopSystemStatus(
    request: Bosdyn_Api_GetEstopSystemStatusRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GetEstopSystemStatusResponse {
    await answer("GetEstopSystemStatus", to: request, logger: self.logger) {
      var response = Bosdyn_Api_GetEstopSystemStatusResponse()
      let now = self.clock.now
      response.status = self.registry.state.withLock { state in
        var status = Bosdyn_Api_EstopSystemStatus()
        status.endpoints = state.config.endpoints.map { endpoint in
          var entry = Bosdyn_Api_EstopEndpointWithStatus()
          entry.endpoint = endpoint
          entry.stopLevel = Self.level(of: endpoint, state, now: now)
          entry.timeSinceValidResponse = .init(
            rounding:
              state.lastCheckIn[endpoint.uniqueID].map { now - $0 } ?? .zero
          )
          return entry
        }
        status.stopLevel = Self.systemLevel(state, now: now)
        if let reason = state.stoppedBy {
          status.stopLevelDetails = "Stopped by \(reason)"
        }
        return status
      }
      return response
    }
  }

  /// An endpoint's level: what it last checked in with, or `CUT` once its timeout passed
  /// without a check-in.
  private static func level(
    of endpoint: Bosdyn_Api_EstopEndpoint,
    _ state: Registry.State,
    now: RobotClock.Instant
  ) -> Bosdyn_Api_EstopStopLevel {
    let timeout = Duration(endpoint.timeout)
    if timeout > .zero, let last = state.lastCheckIn[endpoint.uniqueID], now - last > timeout {
      return .estopLevelCut
    }
    return state.levels[endpoint.uniqueID] ?? .estopLevelCut
  }

  /// The most severe level any endpoint asks for, or `CUT` while ``stop(reason:)`` holds;
  /// `NONE` with no endpoints (the software estop is not in use).
  private static func systemLevel(_ state: Registry.State, now: RobotClock.Instant)
    -> Bosdyn_Api_EstopStopLevel
  {
    if state.stoppedBy != nil { return .estopLevelCut }
    let levels = state.config.endpoints.map { Self.level(of: $0, state, now: now) }
    guard !levels.isEmpty else { return .estopLevelNone }
    return levels.contains(where: { $0 != .estopLevelNone }) ? .estopLevelCut : .estopLevelNone
  }

  private func updateBody() {
    let now = self.clock.now
    let change = self.registry.state.withLock { state -> Bool? in
      let stopped = Self.systemLevel(state, now: now) != .estopLevelNone
      guard stopped != state.applied else { return nil }
      state.applied = stopped
      return stopped
    }
    if let stopped = change, stopped != self.body.isEstopped {
      self.body.setEstopped(stopped)
    }
  }
}
