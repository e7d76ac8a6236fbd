public import Logging
public import ServiceLifecycle
import BosdynCore

/// Keeps a lease from going stale by retaining it every ``Configuration/interval`` (2 s, as
/// the Python `LeaseKeepAlive`), and optionally returns it when stopped.
///
/// Run it as a `Service` beside the work that uses the lease:
///
/// ```swift
/// let wallet = LeaseWallet(clientName: "mission-client")
/// let leases = LeaseClient(connection: robot, wallet: wallet)
/// try await leases.acquire()
/// let keepAlive = LeaseKeepAlive(client: leases, configuration: .init(returnOnStop: true))
/// ```
public struct LeaseKeepAlive: Service {
  /// How the keep-alive behaves.
  public struct Configuration: Sendable {
    /// The resource whose lease to retain.
    public var resource: String
    /// The time between retains.
    public var interval: Duration
    /// Whether to return the lease when the keep-alive stops gracefully.
    public var returnOnStop: Bool

    /// Creates a configuration.
    public init(
      resource: String = LeaseClient.bodyResource,
      interval: Duration = .seconds(2),
      returnOnStop: Bool = false
    ) {
      self.resource = resource
      self.interval = interval
      self.returnOnStop = returnOnStop
    }

    /// Retains the body lease every 2 seconds and keeps it on stop.
    public static var defaults: Self { Self() }
  }

  private let client: LeaseClient
  private let wallet: LeaseWallet
  private let configuration: Configuration
  private let logger: Logger

  /// Creates a keep-alive for the lease in `client`'s wallet.
  ///
  /// - Precondition: `client` was created with a wallet.
  public init(
    client: LeaseClient,
    configuration: Configuration = .defaults,
    logger: Logger = Logger(label: "bosdyn.lease")
  ) {
    precondition(client.wallet != nil, "LeaseKeepAlive needs a LeaseClient with a wallet")
    self.client = client
    self.wallet = client.wallet!
    self.configuration = configuration
    self.logger = logger
  }

  /// Retains until graceful shutdown or cancellation, logging failures (the first at warning
  /// level, then every 30th), then returns the lease if configured to.
  public func run() async throws {
    self.logger.debug("Starting lease check-in for '\(self.configuration.resource)'")
    let interval = self.configuration.interval
    try await RetryLoop(retryInterval: interval).run(
      onFailure: { error, failures, warn in
        if warn { self.logger.warning("Lease check-in failed (\(failures)x, resuming): \(error)") }
      }
    ) {
      try await self.client.retain(self.wallet.lease(for: self.configuration.resource))
      return interval
    }
    self.logger.debug("Lease check-in stopped")
    if self.configuration.returnOnStop, !Task.isCancelled,
      let lease = try? self.wallet.lease(for: self.configuration.resource)
    {
      do {
        try await self.client.returnLease(lease, timeout: .seconds(2))
      } catch {
        self.logger.debug("Returning the lease at the end failed: \(error)")
      }
    }
  }
}
