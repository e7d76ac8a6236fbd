extension MissionController {
  /// How a ``MissionController`` runs missions.
  public struct Configuration: Sendable {
    /// Cycles per second of ``MissionController/run()``. Spot does not document its rate; 10 Hz
    /// matches the ~100 ms between a callback's last Tick and its Stop seen in Boston Dynamics'
    /// examples.
    public var tickRate: Double
    /// Limits of the compiler (tree depth).
    public var compiler: MissionCompiler.Configuration
    /// The client name stamped into request headers and appended to the leases the mission
    /// hands on (`lease.sublease(clientName:)`).
    public var clientName: String
    /// How old a blackboard value may be before a Condition considers it stale (the
    /// `handle_staleness` options). Spot does not document its window.
    public var freshnessWindow: Duration
    /// How many ticks of node states GetState can return.
    public var historyCapacity: Int
    /// How many answered questions the state lists.
    public var answeredQuestionCapacity: Int
    /// The deadline of each robot call (robot state, power, robot command, lease retain).
    public var robotCallTimeout: Duration
    /// How long Stop and TeardownSession may take when a mission is replaced or the executor
    /// shuts down, before they are abandoned.
    public var farewellTimeout: Duration

    /// Creates a configuration; every parameter has the default documented on its property.
    public init(
      tickRate: Double = 10,
      compiler: MissionCompiler.Configuration = .defaults,
      clientName: String = "robot-mission",
      freshnessWindow: Duration = .seconds(2),
      historyCapacity: Int = 100,
      answeredQuestionCapacity: Int = 50,
      robotCallTimeout: Duration = .seconds(10),
      farewellTimeout: Duration = .seconds(5)
    ) {
      self.tickRate = tickRate
      self.compiler = compiler
      self.clientName = clientName
      self.freshnessWindow = freshnessWindow
      self.historyCapacity = historyCapacity
      self.answeredQuestionCapacity = answeredQuestionCapacity
      self.robotCallTimeout = robotCallTimeout
      self.farewellTimeout = farewellTimeout
    }

    /// 10 Hz, depth 256, 2 s freshness, 100 ticks of history.
    public static var defaults: Self { Self() }

    /// The time between cycles, from ``tickRate`` (at most 1000 Hz, at least one cycle an hour).
    public var tickPeriod: Duration {
      let rate = self.tickRate.isFinite ? min(max(self.tickRate, 1.0 / 3600), 1000) : 10
      return .nanoseconds(Int64(1e9 / rate))
    }
  }
}
