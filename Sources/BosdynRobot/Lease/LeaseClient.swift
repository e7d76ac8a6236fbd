public import BosdynAPI
public import BosdynCore
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

  private let calls: LeasedRPC
  /// The wallet this client keeps current, if any.
  public var wallet: LeaseWallet? { self.calls.wallet }

  /// Creates a client reaching the lease service at `authority`.
  public init(
    connection: RobotConnection,
    wallet: LeaseWallet? = nil,
    authority: String = RobotAuthority.api
  ) {
    self.calls = LeasedRPC(connection: connection, wallet: wallet, authority: authority)
  }

  /// Acquires a resource that nobody holds.
  ///
  /// - Throws: ``/BosdynCore/ClientError`` with code `resourceAlreadyClaimed` when another
  ///   client holds it (``take(resource:)`` would work), `invalidResource` or
  ///   `notAuthoritativeService`.
  @discardableResult
  public func acquire(resource: String = LeaseClient.bodyResource) async throws -> Lease {
    let method = Bosdyn_Api_LeaseService.Method.AcquireLease.descriptor
    var request = Bosdyn_Api_AcquireLeaseRequest()
    request.resource = resource
    let response = try await self.calls.rpc.call(
      Bosdyn_Api_LeaseService.Method.AcquireLease.self,
      request
    )
    try Self.check(response.answer, resource: resource, call: "acquire", method)
    self.wallet?.add(response.lease)
    return response.lease
  }

  /// Takes a resource, even from another client.
  @discardableResult
  public func take(resource: String = LeaseClient.bodyResource) async throws -> Lease {
    let method = Bosdyn_Api_LeaseService.Method.TakeLease.descriptor
    var request = Bosdyn_Api_TakeLeaseRequest()
    request.resource = resource
    let response = try await self.calls.rpc.call(
      Bosdyn_Api_LeaseService.Method.TakeLease.self,
      request
    )
    try Self.check(response.answer, resource: resource, call: "take", method)
    self.wallet?.add(response.lease)
    return response.lease
  }

  /// Gives a lease back so others can acquire the resource; the wallet forgets it either way.
  ///
  /// - Throws: ``/BosdynCore/ClientError`` with code `notActiveLease` when the lease is no
  ///   longer the active one.
  public func returnLease(_ lease: Lease, timeout: Duration? = nil) async throws {
    let method = Bosdyn_Api_LeaseService.Method.ReturnLease.descriptor
    self.wallet?.remove(resource: lease.resource)
    var request = Bosdyn_Api_ReturnLeaseRequest()
    request.lease = lease
    let response = try await self.calls.rpc.call(
      Bosdyn_Api_LeaseService.Method.ReturnLease.self,
      request,
      timeout: timeout
    )
    try Self.check(response.answer, resource: lease.resource, call: "return", method)
  }

  /// Tells the robot the lease is still in use, so it does not go stale.
  ///
  /// - Returns: The robot's verdict on the lease, which also updates the wallet.
  /// - Throws: ``/BosdynCore/ClientError`` with code `leaseUseError` (and the result in
  ///   ``/BosdynCore/ClientError/leaseUseResult``) when the lease was not accepted.
  @discardableResult
  public func retain(_ lease: Lease) async throws -> Bosdyn_Api_LeaseUseResult {
    let method = Bosdyn_Api_LeaseService.Method.RetainLease.descriptor
    var request = Bosdyn_Api_RetainLeaseRequest()
    request.lease = lease
    let response = try await self.calls.rpc.call(
      Bosdyn_Api_LeaseService.Method.RetainLease.self,
      request
    )
    try self.calls.check(response.leaseUseResult, method)
    return response.leaseUseResult
  }

  /// Every lease resource with its active lease and owner.
  ///
  /// - Parameter includeFullLeaseInfo: Whether to include the last lease used in full.
  public func list(includeFullLeaseInfo: Bool = false) async throws -> [Bosdyn_Api_LeaseResource] {
    var request = Bosdyn_Api_ListLeasesRequest()
    request.includeFullLeaseInfo = includeFullLeaseInfo
    let response = try await self.calls.rpc.call(
      Bosdyn_Api_LeaseService.Method.ListLeases.self,
      request
    )
    return response.resources
  }
}
