public import BosdynAPI
public import GRPCCore
public import Logging
import BosdynCore
import Foundation
import Synchronization
import SwiftProtobuf

/// The simulated robot's `bosdyn.api.EstopService`: one active configuration whose endpoints
/// clients register into, challenge/response check-ins, and the system status. A check-in at
/// a stopping level estops the ``SimulatedBody`` (motors off at once); a check-in at
/// `ESTOP_LEVEL_NONE` from every registered endpoint releases it. Endpoint timeouts are not
/// enforced.
public struct EstopService: Bosdyn_Api_EstopService.SimpleServiceProtocol {
  private let body: SimulatedBody
  private let logger: Logger
  private let registry = Registry()

  /// Creates the service with an empty configuration.
  ///
  /// - Parameters:
  ///   - body: Estopped when an endpoint checks in with a stop level.
  ///   - logger: Receives one info line per call.
  public init(body: SimulatedBody, logger: Logger = Logger(label: "bosdyn.spot-sim.estop")) {
    self.body = body
    self.logger = logger
  }

  final class Registry: Sendable {
    struct State {
      var config = Bosdyn_Api_EstopConfig()
      var levels: [String: Bosdyn_Api_EstopStopLevel] = [:]
      var challenges: [String: UInt64] = [:]
    }
    let state: Mutex<State>
    init() {
      var initial = State()
      initial.config.uniqueID = UUID().uuidString
      self.state = Mutex(initial)
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
      response.status = self.registry.state.withLock { state in
        var status = Bosdyn_Api_EstopSystemStatus()
        status.endpoints = state.config.endpoints.map { endpoint in
          var entry = Bosdyn_Api_EstopEndpointWithStatus()
          entry.endpoint = endpoint
          entry.stopLevel = state.levels[endpoint.uniqueID] ?? .estopLevelCut
          return entry
        }
        status.stopLevel = Self.systemLevel(state)
        return status
      }
      return response
    }
  }

  /// The most severe level any endpoint asks for; `NONE` with no endpoints (the software estop
  /// is not in use).
  private static func systemLevel(_ state: Registry.State) -> Bosdyn_Api_EstopStopLevel {
    let levels = state.config.endpoints.map { state.levels[$0.uniqueID] ?? .estopLevelCut }
    guard !levels.isEmpty else { return .estopLevelNone }
    return levels.contains(where: { $0 != .estopLevelNone }) ? .estopLevelCut : .estopLevelNone
  }

  private func updateBody() {
    let level = self.registry.state.withLock { Self.systemLevel($0) }
    let stopped = level != .estopLevelNone
    if stopped != self.body.isEstopped {
      self.body.setEstopped(stopped)
    }
  }
}
