public import BosdynAPI
public import GRPCCore
public import Logging
import BosdynCore
import Synchronization
import SwiftProtobuf

/// The simulated robot's `bosdyn.api.keepalive.KeepaliveService`: policies can be added,
/// removed, checked in and listed, so clients that set one up work. The simulated robot never
/// carries out their actions; the Python power helpers do not use this service.
public struct KeepaliveService: Bosdyn_Api_Keepalive_KeepaliveService.SimpleServiceProtocol {
  private let logger: Logger
  private let policies = Policies()

  /// Creates the service with no policies.
  ///
  /// - Parameter logger: Receives one info line per call.
  public init(logger: Logger = Logger(label: "bosdyn.spot-sim.keepalive")) {
    self.logger = logger
  }

  final class Policies: Sendable {
    struct State {
      var nextID: UInt64 = 1
      var live: [UInt64: Bosdyn_Api_Keepalive_LivePolicy] = [:]
    }
    let state = Mutex(State())
  }

  /// Handles `ModifyPolicy`: removes the listed ids (all must exist) and adds the new policy.
  public func modifyPolicy(
    request: Bosdyn_Api_Keepalive_ModifyPolicyRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_Keepalive_ModifyPolicyResponse {
    await answer("ModifyPolicy", to: request, logger: self.logger, status: { $0.status }) {
      var response = Bosdyn_Api_Keepalive_ModifyPolicyResponse()
      self.policies.state.withLock { state in
        guard request.policyIdsToRemove.allSatisfy({ state.live[$0] != nil }) else {
          response.status = .invalidPolicyID
          return
        }
        response.removedPolicies = request.policyIdsToRemove.compactMap {
          state.live.removeValue(forKey: $0)
        }
        if request.hasToAdd {
          var live = Bosdyn_Api_Keepalive_LivePolicy()
          live.policyID = state.nextID
          state.nextID += 1
          live.policy = request.toAdd
          live.lastCheckin = RobotTime.timestamp
          live.clientName = request.header.clientName
          state.live[live.policyID] = live
          response.addedPolicy = live
        }
        response.status = .ok
      }
      return response
    }
  }

  /// Handles `CheckIn`.
  public func checkIn(
    request: Bosdyn_Api_Keepalive_CheckInRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_Keepalive_CheckInResponse {
    await answer(
      "CheckIn policy \(request.policyID)",
      to: request,
      logger: self.logger,
      status: { $0.status }
    ) {
      var response = Bosdyn_Api_Keepalive_CheckInResponse()
      self.policies.state.withLock { state in
        guard state.live[request.policyID] != nil else {
          response.status = .invalidPolicyID
          return
        }
        let now = RobotTime.timestamp
        state.live[request.policyID]?.lastCheckin = now
        response.lastCheckin = now
        response.status = .ok
      }
      return response
    }
  }

  /// Handles `GetStatus`.
  public func getStatus(
    request: Bosdyn_Api_Keepalive_GetStatusRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_Keepalive_GetStatusResponse {
    await answer("GetStatus", to: request, logger: self.logger) {
      var response = Bosdyn_Api_Keepalive_GetStatusResponse()
      response.status = self.policies.state.withLock { state in
        state.live.keys.sorted().compactMap { state.live[$0] }
      }
      return response
    }
  }
}
