public import BosdynAPI
public import GRPCCore
public import Logging
import BosdynCore
import SwiftProtobuf

/// The simulated robot's `bosdyn.api.LeaseService` over a ``LeaseLedger``: acquire, take,
/// return, retain and list, with the statuses and lease use results the real robot gives.
///
/// ```swift
/// let ledger = LeaseLedger()
/// let server = GRPCServer(transport: transport, services: [LeaseService(ledger: ledger)])
/// ```
public struct LeaseService: Bosdyn_Api_LeaseService.SimpleServiceProtocol {
  private let ledger: LeaseLedger
  private let logger: Logger

  /// Creates the service.
  ///
  /// - Parameters:
  ///   - ledger: The robot's lease state, shared with the services that check leases.
  ///   - logger: Receives one info line per call.
  public init(ledger: LeaseLedger, logger: Logger = Logger(label: "bosdyn.spot-sim.lease")) {
    self.ledger = ledger
    self.logger = logger
  }

  /// Handles `AcquireLease`.
  public func acquireLease(
    request: Bosdyn_Api_AcquireLeaseRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_AcquireLeaseResponse {
    await answer(
      "AcquireLease \(request.resource)",
      to: request,
      logger: self.logger,
      status: { $0.status }
    ) {
      self.ledger.acquire(resource: request.resource, owner: request.header.leaseOwner)
    }
  }

  /// Handles `TakeLease`.
  public func takeLease(
    request: Bosdyn_Api_TakeLeaseRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_TakeLeaseResponse {
    await answer(
      "TakeLease \(request.resource)",
      to: request,
      logger: self.logger,
      status: { $0.status }
    ) {
      self.ledger.take(resource: request.resource, owner: request.header.leaseOwner)
    }
  }

  /// Handles `ReturnLease`.
  public func returnLease(
    request: Bosdyn_Api_ReturnLeaseRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_ReturnLeaseResponse {
    await answer(
      "ReturnLease \(request.lease.resource)",
      to: request,
      logger: self.logger,
      status: { $0.status }
    ) {
      var response = Bosdyn_Api_ReturnLeaseResponse()
      response.status = self.ledger.returnLease(request.lease)
      return response
    }
  }

  /// Handles `RetainLease`.
  public func retainLease(
    request: Bosdyn_Api_RetainLeaseRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_RetainLeaseResponse {
    await answer(
      "RetainLease \(request.lease.resource)",
      to: request,
      logger: self.logger,
      status: { $0.leaseUseResult.status }
    ) {
      var response = Bosdyn_Api_RetainLeaseResponse()
      response.leaseUseResult = self.ledger.retain(request.lease)
      return response
    }
  }

  /// Handles `ListLeases`.
  public func listLeases(
    request: Bosdyn_Api_ListLeasesRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_ListLeasesResponse {
    await answer("ListLeases", to: request, logger: self.logger) {
      self.ledger.list(includeFullLeaseInfo: request.includeFullLeaseInfo)
    }
  }
}
