public import BosdynAPI
import BosdynCore
public import Foundation
public import Logging
public import ServiceLifecycle
public import SwiftProtobuf
import GRPCCore
import Synchronization

/// Keeps an estimate of how far the robot's clock is from this computer's, as the Python
/// SDK's `TimeSyncEndpoint` and `TimeSyncThread` do: each round sends the timestamps of the
/// previous round, and the robot answers with its best estimate of the skew.
///
/// Run it as a `Service` for a background sync every ``Configuration/interval``, or call
/// ``establish(maxSamples:)`` once (the `bosdyn time-sync` command does).
///
/// ```swift
/// let timeSync = TimeSyncKeeper(connection: robot)
/// try await timeSync.establish()
/// let robotTime = try timeSync.robotTimestamp(for: Date())
/// ```
public final class TimeSyncKeeper: Service, Sendable {
  /// How often the background sync runs.
  public struct Configuration: Sendable {
    /// The time between rounds once synced.
    public var interval: Duration
    /// The time between rounds while the robot is unreachable or not synced yet.
    public var retryInterval: Duration

    /// Creates a configuration.
    public init(interval: Duration = .seconds(5), retryInterval: Duration = .seconds(1)) {
      self.interval = interval
      self.retryInterval = retryInterval
    }

    /// A round every 5 seconds, retries every second.
    public static var defaults: Self { Self() }
  }

  private struct State {
    var previousRoundTrip: Bosdyn_Api_TimeSyncRoundTrip?
    var previousResponse: Bosdyn_Api_TimeSyncUpdateResponse?
    var clockIdentifier = ""
  }

  private let client: TimeSyncClient
  private let configuration: Configuration
  private let logger: Logger
  private let state = Mutex(State())

  /// Creates a keeper for a connection's time sync service.
  public init(
    connection: RobotConnection,
    configuration: Configuration = .defaults,
    logger: Logger? = nil
  ) {
    self.client = TimeSyncClient(connection: connection)
    self.configuration = configuration
    self.logger = logger ?? connection.logger
  }

  /// The robot's last answer, if any.
  public var response: Bosdyn_Api_TimeSyncUpdateResponse? {
    self.state.withLock { $0.previousResponse }
  }

  /// Whether the robot's last answer says the estimate is good.
  public var hasEstablishedTimeSync: Bool {
    self.response?.state.status == .ok
  }

  /// The robot's clock minus this computer's clock, when established.
  public var clockSkew: Duration? {
    guard let response = self.response, response.state.status == .ok else { return nil }
    return Duration(response.state.bestEstimate.clockSkew)
  }

  /// The round trip time of the best estimate, when there is an answer.
  public var roundTripTime: Duration? {
    self.response.map { Duration($0.state.bestEstimate.roundTripTime) }
  }

  /// Runs one round.
  ///
  /// - Returns: Whether time sync is established after it.
  @discardableResult
  public func updateOnce() async throws -> Bool {
    let (roundTrip, identifier) = self.state.withLock { state in
      state.clockIdentifier.isEmpty
        ? (nil, "") : (state.previousRoundTrip, state.clockIdentifier)
    }
    let response = try await self.client.update(
      previousRoundTrip: roundTrip,
      clockIdentifier: identifier
    )
    let received = Google_Protobuf_Timestamp.now
    var next = Bosdyn_Api_TimeSyncRoundTrip()
    next.clientTx = response.header.requestHeader.requestTimestamp
    next.serverRx = response.header.requestReceivedTimestamp
    next.serverTx = response.header.responseTimestamp
    next.clientRx = received
    self.state.withLock { state in
      state.previousRoundTrip = next
      state.previousResponse = response
      state.clockIdentifier = response.clockIdentifier
    }
    return response.state.status == .ok
  }

  /// Runs rounds until time sync is established, at most `maxSamples` of them.
  ///
  /// - Returns: Whether time sync is established.
  @discardableResult
  public func establish(maxSamples: Int = 25) async throws -> Bool {
    for _ in 0..<maxSamples {
      if self.hasEstablishedTimeSync { return true }
      try await self.updateOnce()
    }
    return self.hasEstablishedTimeSync
  }

  /// The robot-clock timestamp of a moment on this computer's clock.
  ///
  /// - Throws: ``/BosdynCore/ClientError`` with code `timeSyncNotEstablished` before the
  ///   first good estimate.
  public func robotTimestamp(for date: Date) throws -> Google_Protobuf_Timestamp {
    guard let skew = self.clockSkew else {
      throw ClientError(
        code: .timeSyncNotEstablished,
        message: "time sync with the robot is not established",
        method: Bosdyn_Api_TimeSyncService.Method.TimeSyncUpdate.descriptor.fullyQualifiedMethod,
        layer: .response
      )
    }
    let (seconds, attoseconds) = skew.components
    let offset = Double(seconds) + Double(attoseconds) / 1e18
    return Google_Protobuf_Timestamp(date: date.addingTimeInterval(offset))
  }

  /// Syncs in the background until graceful shutdown: every ``Configuration/interval`` once
  /// established, every ``Configuration/retryInterval`` before that or while failing.
  public func run() async throws {
    try await RetryLoop(retryInterval: self.configuration.retryInterval).run(
      onFailure: { error, failures, warn in
        if warn { self.logger.warning("Time sync with the robot failed (\(failures)x): \(error)") }
      },
      onRecovery: { _ in self.logger.info("Time sync with the robot resumed") }
    ) {
      let established = try await self.updateOnce()
      return established ? self.configuration.interval : self.configuration.retryInterval
    }
  }
}
