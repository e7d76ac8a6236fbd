extension RemoteMissionServer {
  /// Where and how a ``RemoteMissionServer`` listens.
  public struct Configuration: Sendable {
    /// The address to bind. `"::"` (the default, as the Python `GrpcServiceRunner` binds
    /// `[::]`) accepts IPv4 and IPv6 connections on every interface, so a robot can reach the
    /// service; use `"127.0.0.1"` to accept local callers only.
    public var host: String
    /// The port to bind; `0` lets the system pick a free one (see
    /// ``RemoteMissionServer/listeningPort()``).
    public var port: Int
    /// The name used in the start-up log line (`Started the <name> server.`); defaults to the
    /// servicer's type name, as in Python.
    public var name: String?
    /// The longest a response may wait to be flushed together with others. Zero (the default)
    /// sends each response at once: at one call in flight, waiting only adds latency, and
    /// under load writes still batch while the event loop is busy.
    public var maxFlushDelay: Duration?

    /// Creates a configuration.
    public init(
      host: String = "::",
      port: Int = 0,
      name: String? = nil,
      maxFlushDelay: Duration? = .zero
    ) {
      self.host = host
      self.port = port
      self.name = name
      self.maxFlushDelay = maxFlushDelay
    }

    /// All interfaces, a port the system picks, no flush delay.
    public static var defaults: Self { Self() }
  }
}
