public import BosdynAPI
public import GRPCCore
public import Logging
import BosdynClient
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
    let receivedAt = Google_Protobuf_Timestamp.now
    var response = self.ledger.acquire(
      resource: request.resource, owner: request.header.leaseOwner)
    self.logger.info(
      "AcquireLease \(request.resource) from \(request.header.callerForLog): \(response.status)")
    response.header = .echoing(request.header, receivedAt: receivedAt)
    return response
  }

  /// Handles `TakeLease`.
  public func takeLease(
    request: Bosdyn_Api_TakeLeaseRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_TakeLeaseResponse {
    let receivedAt = Google_Protobuf_Timestamp.now
    var response = self.ledger.take(resource: request.resource, owner: request.header.leaseOwner)
    self.logger.info(
      "TakeLease \(request.resource) from \(request.header.callerForLog): \(response.status)")
    response.header = .echoing(request.header, receivedAt: receivedAt)
    return response
  }

  /// Handles `ReturnLease`.
  public func returnLease(
    request: Bosdyn_Api_ReturnLeaseRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_ReturnLeaseResponse {
    let receivedAt = Google_Protobuf_Timestamp.now
    var response = Bosdyn_Api_ReturnLeaseResponse()
    response.status = self.ledger.returnLease(request.lease)
    self.logger.info(
      "ReturnLease \(request.lease.resource) from \(request.header.callerForLog): \(response.status)"
    )
    response.header = .echoing(request.header, receivedAt: receivedAt)
    return response
  }

  /// Handles `RetainLease`.
  public func retainLease(
    request: Bosdyn_Api_RetainLeaseRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_RetainLeaseResponse {
    let receivedAt = Google_Protobuf_Timestamp.now
    var response = Bosdyn_Api_RetainLeaseResponse()
    response.leaseUseResult = self.ledger.retain(request.lease)
    self.logger.info(
      "RetainLease \(request.lease.resource) from \(request.header.callerForLog): \(response.leaseUseResult.status)"
    )
    response.header = .echoing(request.header, receivedAt: receivedAt)
    return response
  }

  /// Handles `ListLeases`.
  public func listLeases(
    request: Bosdyn_Api_ListLeasesRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_ListLeasesResponse {
    let receivedAt = Google_Protobuf_Timestamp.now
    var response = self.ledger.list(includeFullLeaseInfo: request.includeFullLeaseInfo)
    self.logger.info("ListLeases from \(request.header.callerForLog)")
    response.header = .echoing(request.header, receivedAt: receivedAt)
    return response
  }
}
