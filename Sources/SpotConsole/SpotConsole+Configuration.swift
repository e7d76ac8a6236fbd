import Foundation

extension SpotConsole {
  /// Where the console listens and how it paces what it does.
  public struct Configuration: Sendable {
    /// The address to listen on: the robot's host by default (loopback unless the robot was
    /// told otherwise).
    public var host: String
    /// The port; 0 picks a free one (``SpotConsole/listeningPort()`` tells which).
    public var port: Int
    /// How long a sign-in lasts.
    public var sessionLifetime: Duration
    /// How often live pages look for changes in the robot and the directory.
    public var refreshInterval: Duration
    /// The pause between two ticks of a running callback (the mission service ticks at
    /// 10 Hz).
    public var tickInterval: Duration
    /// How long a run may keep ticking a callback that answers `STATUS_RUNNING` before the
    /// console stops it (a RemoteGrpc node's default timeout).
    public var runTimeout: Duration
    /// The deadline of each call to a callback.
    public var callTimeout: Duration

    /// A configuration; every parameter has the documented default.
    public init(
      host: String = "127.0.0.1",
      port: Int = SpotConsole.Configuration.defaultPort,
      sessionLifetime: Duration = .seconds(12 * 3600),
      refreshInterval: Duration = .milliseconds(500),
      tickInterval: Duration = .milliseconds(100),
      runTimeout: Duration = .seconds(60),
      callTimeout: Duration = .seconds(10)
    ) {
      self.host = host
      self.port = port
      self.sessionLifetime = sessionLifetime
      self.refreshInterval = refreshInterval
      self.tickInterval = tickInterval
      self.runTimeout = runTimeout
      self.callTimeout = callTimeout
    }

    /// Every default: loopback, the default port.
    public static var defaults: Self { Self() }

    /// 8080 when running as root (as `spot-sim` takes 443), else 8081, out of the way of the
    /// 8080 so many development servers take.
    public static var defaultPort: Int {
      geteuid() == 0 ? 8080 : 8081
    }
  }
}
