public import BosdynAPI
import BosdynCore
public import GRPCCore
public import Logging
import SwiftProtobuf

/// The simulated robot's `bosdyn.api.DirectoryRegistrationService`: register, update and
/// unregister services in the ``ServiceRegistry``.
///
/// Statuses as the Python `DirectoryRegistrationClient` maps them: a taken name, or an
/// (authority, type) pair another service holds, is `STATUS_ALREADY_EXISTS`
/// (`ServiceAlreadyExistsError`; the `DirectoryRegistrationKeepAlive` then updates instead);
/// updating or unregistering an unknown name is `STATUS_NONEXISTENT_SERVICE`
/// (`ServiceDoesNotExistError`). Malformed requests and attempts to change the robot's own
/// services get a header `CODE_INVALID_REQUEST` with the reason (`InvalidRequestError`).
public struct DirectoryRegistrationService:
  Bosdyn_Api_DirectoryRegistrationService.SimpleServiceProtocol
{
  private let registry: ServiceRegistry
  private let logger: Logger

  /// Creates the service.
  ///
  /// - Parameters:
  ///   - registry: The directory it changes.
  ///   - logger: Receives one info line per call.
  public init(
    registry: ServiceRegistry,
    logger: Logger = Logger(label: "bosdyn.spot-sim.directory-registration")
  ) {
    self.registry = registry
    self.logger = logger
  }

  /// Handles `RegisterService`.
  public func registerService(
    request: Bosdyn_Api_RegisterServiceRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_RegisterServiceResponse {
    await respond(to: request) {
      let outcome = self.registry.register(request.serviceEntry, endpoint: request.endpoint)
      self.log("RegisterService", request.serviceEntry, request.endpoint, outcome)
      return .answering(outcome)
    }
  }

  /// Handles `UpdateService`.
  public func updateService(
    request: Bosdyn_Api_UpdateServiceRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_UpdateServiceResponse {
    await respond(to: request) {
      let outcome = self.registry.update(request.serviceEntry, endpoint: request.endpoint)
      self.log("UpdateService", request.serviceEntry, request.endpoint, outcome)
      return .answering(outcome)
    }
  }

  /// Handles `UnregisterService`.
  public func unregisterService(
    request: Bosdyn_Api_UnregisterServiceRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_UnregisterServiceResponse {
    await respond(to: request) {
      let outcome = self.registry.unregister(name: request.serviceName)
      self.logger.info("UnregisterService \(request.serviceName): \(Self.describe(outcome))")
      return .answering(outcome)
    }
  }

  private func log(
    _ method: String,
    _ entry: Bosdyn_Api_ServiceEntry,
    _ endpoint: Bosdyn_Api_Endpoint,
    _ outcome: ServiceRegistry.Outcome
  ) {
    self.logger.info(
      "\(method) \(entry.name) (\(entry.type)) at \(endpoint.hostIp):\(endpoint.port), authority \(ServiceRegistry.canonicalAuthority(entry.authority)): \(Self.describe(outcome))"
    )
  }

  private static func describe(_ outcome: ServiceRegistry.Outcome) -> String {
    switch outcome {
    case .ok: "STATUS_OK"
    case .alreadyExists(let message): "STATUS_ALREADY_EXISTS (\(message))"
    case .nonexistent(let message): "STATUS_NONEXISTENT_SERVICE (\(message))"
    case .invalidRequest(let message): "CODE_INVALID_REQUEST (\(message))"
    }
  }
}
