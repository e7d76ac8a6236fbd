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

    /// How many event loops (threads) serve connections; `nil` (the default) means one per
    /// core. Each has its own listening socket on the shared port (`SO_REUSEPORT`), so the
    /// kernel spreads connections across them and a connection stays on one thread.
    public var eventLoops: Int?
    /// Whether handlers run on the event loop of their connection (the default) rather than on
    /// Swift's global concurrent executor. On the loop a call never changes threads, which
    /// makes Ticks much cheaper; but a handler that blocks (synchronous I/O, long
    /// computation without `await`) then delays the other calls of its loop. Set `false` for
    /// such servicers.
    public var handlersOnEventLoops: Bool
    /// How long a connection may stay open with no call in flight before the server ends it
    /// (GOAWAY, then close), and how long a new connection may stay silent before it is
    /// closed; `nil` keeps idle connections forever. A robot's mission service
    /// reconnects when it next calls, so the default of 5 minutes costs it nothing, while a
    /// flood of sockets that never call is released instead of exhausting descriptors.
    public var idleTimeout: Duration?
    /// The most calls one connection may have open at once (HTTP/2
    /// `SETTINGS_MAX_CONCURRENT_STREAMS`); `nil` means no limit.
    public var maxConcurrentStreams: Int?

    /// Creates a configuration.
    public init(
      host: String = "::",
      port: Int = 0,
      name: String? = nil,
      maxFlushDelay: Duration? = .zero,
      eventLoops: Int? = nil,
      handlersOnEventLoops: Bool = true,
      idleTimeout: Duration? = .seconds(300),
      maxConcurrentStreams: Int? = 1000
    ) {
      self.host = host
      self.port = port
      self.name = name
      self.maxFlushDelay = maxFlushDelay
      self.eventLoops = eventLoops
      self.handlersOnEventLoops = handlersOnEventLoops
      self.idleTimeout = idleTimeout
      self.maxConcurrentStreams = maxConcurrentStreams
    }

    /// All interfaces, a port the system picks, no flush delay, idle connections ended after
    /// 5 minutes, 1 000 calls per connection.
    public static var defaults: Self { Self() }
  }
}
