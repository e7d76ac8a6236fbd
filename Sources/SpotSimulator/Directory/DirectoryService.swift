public import BosdynAPI
import BosdynCore
public import GRPCCore
public import Logging
import SwiftProtobuf

/// The simulated robot's `bosdyn.api.DirectoryService`: lists the ``ServiceRegistry`` and looks
/// entries up by name (`STATUS_NONEXISTENT_SERVICE` for an unknown name, which the Python
/// `DirectoryClient.get_entry` raises as `NonexistentServiceError`).
public struct DirectoryService: Bosdyn_Api_DirectoryService.SimpleServiceProtocol {
  private let registry: ServiceRegistry
  private let logger: Logger

  /// Creates the service.
  ///
  /// - Parameters:
  ///   - registry: The directory it serves.
  ///   - logger: Receives one info line per call.
  public init(
    registry: ServiceRegistry,
    logger: Logger = Logger(label: "bosdyn.spot-sim.directory")
  ) {
    self.registry = registry
    self.logger = logger
  }

  /// Handles `GetServiceEntry`.
  public func getServiceEntry(
    request: Bosdyn_Api_GetServiceEntryRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GetServiceEntryResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_GetServiceEntryResponse()
      if let entry = self.registry.entry(named: request.serviceName) {
        response.serviceEntry = entry
        response.status = .ok
        self.logger.info(
          "GetServiceEntry \(request.serviceName): \(entry.type) at \(entry.authority)"
        )
      } else {
        response.status = .nonexistentService
        self.logger.info("GetServiceEntry \(request.serviceName): STATUS_NONEXISTENT_SERVICE")
      }
      return response
    }
  }

  /// Handles `ListServiceEntries`.
  public func listServiceEntries(
    request: Bosdyn_Api_ListServiceEntriesRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_ListServiceEntriesResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_ListServiceEntriesResponse()
      response.serviceEntries = self.registry.entries()
      self.logger.info("ListServiceEntries: \(response.serviceEntries.count) services")
      return response
    }
  }
}
