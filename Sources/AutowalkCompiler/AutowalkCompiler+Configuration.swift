extension AutowalkCompiler {
  /// The robot services a compiled walk calls, and the limits Spot's documentation sets.
  public struct Configuration: Sendable {
    /// The GraphNav service navigation nodes name.
    public var graphNavServiceName: String
    /// The power service the walk powers the motors on with.
    public var powerServiceName: String
    /// The robot command service the walk stands and safely powers off with.
    public var robotCommandServiceName: String
    /// The shortest time the operator is given to answer a failure question; shorter (or
    /// unset) `prompt_duration`s are raised to it, with a warning. walks.proto: "A minimum
    /// duration of 10 seconds is enforced."
    public var minimumPromptDuration: Duration
    /// The shortest `try_again_delay`; walks.proto: "A minimum duration of 60 seconds is
    /// enforced."
    public var minimumTryAgainDelay: Duration
    /// Whether each playback starts by powering the motors on and standing (what a mission
    /// leaving the dock does); both finish at once on a robot that already stands.
    public var preparesRobot: Bool

    /// Creates a configuration; every parameter has the default documented on its property.
    public init(
      graphNavServiceName: String = "graph-nav-service",
      powerServiceName: String = "power",
      robotCommandServiceName: String = "robot-command",
      minimumPromptDuration: Duration = .seconds(10),
      minimumTryAgainDelay: Duration = .seconds(60),
      preparesRobot: Bool = true
    ) {
      self.graphNavServiceName = graphNavServiceName
      self.powerServiceName = powerServiceName
      self.robotCommandServiceName = robotCommandServiceName
      self.minimumPromptDuration = minimumPromptDuration
      self.minimumTryAgainDelay = minimumTryAgainDelay
      self.preparesRobot = preparesRobot
    }

    /// The robot's own service names, Spot's documented minimums, a prepared robot.
    public static var defaults: Self { Self() }
  }
}
