public import BosdynAPI
import BosdynCore
public import GRPCCore
public import Logging
import Foundation
import SwiftProtobuf
import Synchronization

/// The simulated robot's `bosdyn.api.TimeSyncService`: estimates each client's clock skew and
/// round-trip time from the timestamps of its previous call, as the robot does.
///
/// A client's first call gets a clock identifier and `STATUS_MORE_SAMPLES_NEEDED`. Each later
/// call carries that identifier and the previous round trip (the client's send and receive
/// times with the robot's receive and send times from the previous response header); once
/// enough round trips arrived the status is `STATUS_OK` and `best_estimate` holds the skew of
/// the shortest round trip. The simulator runs on the host clock, so the skew of a local client
/// is close to zero and the round-trip time is real. The Python `TimeSyncThread` and
/// `TimeSyncEndpoint.establish_timesync` converge against it in a few calls.
///
/// An identifier the service does not know (a client of a previous simulator run) starts over
/// with a new identifier rather than failing, so a client's time-sync thread survives a restart.
public final class TimeSyncService: Bosdyn_Api_TimeSyncService.SimpleServiceProtocol, Sendable {
  /// How many samples establish time sync and how much the service remembers.
  public struct Configuration: Sendable {
    /// Round trips needed before the status becomes `STATUS_OK`.
    public var requiredSamples: Int
    /// Round trips kept per client; the best estimate is the shortest among them.
    public var sampleWindow: Int
    /// Clients remembered at once; the least recently seen is forgotten first.
    public var maximumClients: Int

    /// Creates a configuration.
    public init(requiredSamples: Int, sampleWindow: Int, maximumClients: Int) {
      self.requiredSamples = max(1, requiredSamples)
      self.sampleWindow = max(self.requiredSamples, sampleWindow)
      self.maximumClients = max(1, maximumClients)
    }

    /// Five round trips to sync, a window of 25, 1024 clients.
    public static var defaults: Self {
      Self(requiredSamples: 5, sampleWindow: 25, maximumClients: 1024)
    }
  }

  private let configuration: Configuration
  private let logger: Logger
  private let clocks = Mutex<[String: ClientClock]>([:])

  /// Creates the service.
  ///
  /// - Parameters:
  ///   - configuration: Samples needed and memory limits.
  ///   - logger: Receives one info line per call.
  public init(
    configuration: Configuration = .defaults,
    logger: Logger = Logger(label: "bosdyn.spot-sim.time-sync")
  ) {
    self.configuration = configuration
    self.logger = logger
  }

  /// Handles `TimeSyncUpdate`.
  public func timeSyncUpdate(
    request: Bosdyn_Api_TimeSyncUpdateRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_TimeSyncUpdateResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_TimeSyncUpdateResponse()
      switch self.update(with: request) {
      case .rejected(let message):
        self.logger.info("TimeSyncUpdate refused: \(message)")
        response.header = .error(.invalidRequest, message)
        return response
      case .updated(let identifier, let latest, let best, let sampleCount):
        response.clockIdentifier = identifier
        if let latest {
          response.previousEstimate = latest.estimate
        }
        if let best {
          response.state.bestEstimate = best.estimate
        }
        let synced = sampleCount >= self.configuration.requiredSamples
        response.state.status = synced ? .ok : .moreSamplesNeeded
        response.state.measurementTime = RobotTime.timestamp
        let skew = best.map { "\(Double($0.skewNanoseconds) / 1e6) ms" } ?? "unknown"
        let roundTrip = best.map { "\(Double($0.roundTripNanoseconds) / 1e6) ms" } ?? "unknown"
        let status = protoName(response.state.status)
        self.logger.info(
          "TimeSyncUpdate \(identifier): \(sampleCount) samples, \(status), skew \(skew), round trip \(roundTrip)"
        )
      }
      return response
    }
  }

  private enum Update {
    case rejected(String)
    case updated(identifier: String, latest: ClockSample?, best: ClockSample?, sampleCount: Int)
  }

  private func update(with request: Bosdyn_Api_TimeSyncUpdateRequest) -> Update {
    let now = ContinuousClock.now
    var sample: ClockSample?
    if request.hasPreviousRoundTrip {
      guard !request.clockIdentifier.isEmpty else {
        return .rejected(
          "previous_round_trip needs the clock_identifier this service assigned in its first response"
        )
      }
      guard let parsed = ClockSample(request.previousRoundTrip) else {
        return .rejected(
          "previous_round_trip needs all four timestamps, each side's receive time not before its send time"
        )
      }
      sample = parsed
    }
    return self.clocks.withLock { clocks in
      var identifier = request.clockIdentifier
      if identifier.isEmpty || clocks[identifier] == nil {
        // A new client, or one whose samples belong to an earlier run: start over.
        identifier = "spot-sim-clock-" + UUID().uuidString.lowercased()
        sample = nil
        if clocks.count >= self.configuration.maximumClients,
          let oldest = clocks.min(by: { $0.value.lastSeen < $1.value.lastSeen })?.key
        {
          clocks[oldest] = nil
        }
      }
      var clock = clocks[identifier] ?? ClientClock(lastSeen: now)
      clock.lastSeen = now
      if let sample {
        clock.add(sample, window: self.configuration.sampleWindow)
      }
      clocks[identifier] = clock
      return .updated(
        identifier: identifier,
        latest: sample,
        best: clock.best,
        sampleCount: clock.samples.count
      )
    }
  }
}
