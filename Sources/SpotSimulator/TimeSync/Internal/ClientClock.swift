/// What the time-sync service remembers about one client clock: its recent samples, best
/// first when asked.
struct ClientClock: Sendable {
  /// The most recent samples, oldest first, at most the configured window.
  private(set) var samples: [ClockSample] = []
  /// When the client last called, for forgetting the least recently seen clock.
  var lastSeen: ContinuousClock.Instant

  init(lastSeen: ContinuousClock.Instant) {
    self.lastSeen = lastSeen
  }

  /// Adds a sample, dropping the oldest beyond `window`.
  mutating func add(_ sample: ClockSample, window: Int) {
    self.samples.append(sample)
    if self.samples.count > window {
      self.samples.removeFirst(self.samples.count - window)
    }
  }

  /// The sample with the shortest round trip: the least room for an asymmetric trip to bias
  /// the skew.
  var best: ClockSample? {
    self.samples.min(by: { $0.roundTripNanoseconds < $1.roundTripNanoseconds })
  }
}
