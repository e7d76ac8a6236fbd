public import BosdynAPI
public import BosdynClient
import GRPCCore

/// The robot's lease service: who may command which resource (`body`, `arm`, …).
///
/// When given a ``LeaseWallet``, the client keeps it current as the Python `LeaseClient` does:
/// acquired and taken leases go in, returned leases come out, and retain results update it.
///
/// ```swift
/// let wallet = LeaseWallet(clientName: "my-client")
/// let leases = LeaseClient(connection: robot, wallet: wallet)
/// let body = try await leases.acquire()
/// ```
public struct LeaseClient: Sendable {
  /// The directory name of the lease service.
  public static let serviceName = "lease"
  /// The resource that stands for the whole robot.
  public static let bodyResource = "body"

  private let rpc: RobotRPC
  /// The wallet this client keeps current, if any.
  public let wallet: LeaseWallet?

  /// Creates a client reaching the lease service at `authority`.
  public init(
    connection: RobotConnection,
    wallet: LeaseWallet? = nil,
    authority: String = RobotAuthority.api
  ) {
    self.rpc = RobotRPC(connection: connection, authority: authority)
    self.wallet = wallet
  }

  /// Acquires a resource that nobody holds.
  ///
  /// - Throws: ``BosdynClient/ClientError`` with code `resourceAlreadyClaimed` when another
  ///   client holds it (``take(resource:)`` would work), `invalidResource` or
  ///   `notAuthoritativeService`.
  @discardableResult
  public func acquire(resource: String = LeaseClient.bodyResource) async throws -> Lease {
    let method = Bosdyn_Api_LeaseService.Method.AcquireLease.descriptor
    var request = Bosdyn_Api_AcquireLeaseRequest()
    request.resource = resource
    let response = try await self.rpc.call(method, request) { client, request, options in
      try await Bosdyn_Api_LeaseService.Client(wrapping: client).acquireLease(
        request,
        options: options
      )
    }
    switch response.status {
    case .ok:
      self.wallet?.add(response.lease)
      return response.lease
    case .resourceAlreadyClaimed:
      let owner = response.leaseOwner
      throw RobotRPC.statusError(
        .resourceAlreadyClaimed,
        "'\(resource)' is held by client '\(owner.clientName)' of user '\(owner.userName)'",
        method
      )
    case .invalidResource:
      throw RobotRPC.statusError(.invalidResource, "no lease resource '\(resource)'", method)
    case .notAuthoritativeService:
      throw RobotRPC.statusError(
        .notAuthoritativeService,
        "this lease service does not manage '\(resource)'",
        method
      )
    case .unknown:
      throw RobotRPC.statusError(.unsetStatus, "the status was left unset", method)
    case .UNRECOGNIZED(let value):
      throw RobotRPC.statusError(.unexpectedStatus, "unknown acquire status \(value)", method)
    }
  }

  /// Takes a resource, even from another client.
  @discardableResult
  public func take(resource: String = LeaseClient.bodyResource) async throws -> Lease {
    let method = Bosdyn_Api_LeaseService.Method.TakeLease.descriptor
    var request = Bosdyn_Api_TakeLeaseRequest()
    request.resource = resource
    let response = try await self.rpc.call(method, request) { client, request, options in
      try await Bosdyn_Api_LeaseService.Client(wrapping: client).takeLease(
        request,
        options: options
      )
    }
    switch response.status {
    case .ok:
      self.wallet?.add(response.lease)
      return response.lease
    case .invalidResource:
      throw RobotRPC.statusError(.invalidResource, "no lease resource '\(resource)'", method)
    case .notAuthoritativeService:
      throw RobotRPC.statusError(
        .notAuthoritativeService,
        "this lease service does not manage '\(resource)'",
        method
      )
    case .unknown:
      throw RobotRPC.statusError(.unsetStatus, "the status was left unset", method)
    case .UNRECOGNIZED(let value):
      throw RobotRPC.statusError(.unexpectedStatus, "unknown take status \(value)", method)
    }
  }

  /// Gives a lease back so others can acquire the resource; the wallet forgets it either way.
  ///
  /// - Throws: ``BosdynClient/ClientError`` with code `notActiveLease` when the lease is no
  ///   longer the active one.
  public func returnLease(_ lease: Lease, timeout: Duration? = nil) async throws {
    let method = Bosdyn_Api_LeaseService.Method.ReturnLease.descriptor
    self.wallet?.remove(resource: lease.resource)
    var request = Bosdyn_Api_ReturnLeaseRequest()
    request.lease = lease
    let response = try await self.rpc.call(method, request, timeout: timeout) {
      client,
      request,
      options in
      try await Bosdyn_Api_LeaseService.Client(wrapping: client).returnLease(
        request,
        options: options
      )
    }
    switch response.status {
    case .ok: return
    case .invalidResource:
      throw RobotRPC.statusError(.invalidResource, "no lease resource '\(lease.resource)'", method)
    case .notActiveLease:
      throw RobotRPC.statusError(
        .notActiveLease,
        "the lease on '\(lease.resource)' is not the active one",
        method
      )
    case .notAuthoritativeService:
      throw RobotRPC.statusError(
        .notAuthoritativeService,
        "this lease service does not manage '\(lease.resource)'",
        method
      )
    case .unknown:
      throw RobotRPC.statusError(.unsetStatus, "the status was left unset", method)
    case .UNRECOGNIZED(let value):
      throw RobotRPC.statusError(.unexpectedStatus, "unknown return status \(value)", method)
    }
  }

  /// Tells the robot the lease is still in use, so it does not go stale.
  ///
  /// - Returns: The robot's verdict on the lease, which also updates the wallet.
  /// - Throws: ``BosdynClient/ClientError`` with code `leaseUseError` (and the result in
  ///   ``BosdynClient/ClientError/leaseUseResult``) when the lease was not accepted.
  @discardableResult
  public func retain(_ lease: Lease) async throws -> Bosdyn_Api_LeaseUseResult {
    let method = Bosdyn_Api_LeaseService.Method.RetainLease.descriptor
    var request = Bosdyn_Api_RetainLeaseRequest()
    request.lease = lease
    let response = try await self.rpc.call(method, request) { client, request, options in
      try await Bosdyn_Api_LeaseService.Client(wrapping: client).retainLease(
        request,
        options: options
      )
    }
    self.wallet?.onLeaseUseResult(response.leaseUseResult)
    if let error = ClientError.from(
      leaseUseResults: [response.leaseUseResult],
      method: method.fullyQualifiedMethod
    ) {
      throw error
    }
    return response.leaseUseResult
  }

  /// Every lease resource with its active lease and owner.
  ///
  /// - Parameter includeFullLeaseInfo: Whether to include the last lease used in full.
  public func list(includeFullLeaseInfo: Bool = false) async throws -> [Bosdyn_Api_LeaseResource] {
    let method = Bosdyn_Api_LeaseService.Method.ListLeases.descriptor
    var request = Bosdyn_Api_ListLeasesRequest()
    request.includeFullLeaseInfo = includeFullLeaseInfo
    let response = try await self.rpc.call(method, request) { client, request, options in
      try await Bosdyn_Api_LeaseService.Client(wrapping: client).listLeases(
        request,
        options: options
      )
    }
    return response.resources
  }
}
