public import NIOSSL

extension RobotProxy {
  /// Where the proxy listens, its TLS identity, and how long it waits for services.
  public struct Configuration: Sendable {
    /// The address to listen on. Loopback by default: the simulator is not meant to be reached
    /// from other machines unless asked.
    public var host: String

    /// The port to listen on; `0` picks a free port (see ``RobotProxy/listeningPort()``).
    public var port: Int

    /// The certificate chain presented to clients, leaf first.
    public var certificateChain: [NIOSSLCertificate]

    /// The private key of the leaf certificate.
    public var privateKey: NIOSSLPrivateKey

    /// How long connecting to a service may take before its calls fail with UNAVAILABLE
    /// ("Failed to connect to remote host", Python's `ProxyConnectionError`).
    public var upstreamConnectTimeout: Duration

    /// How long a service may take to send its response headers, counted from when the call is
    /// routed and again from each 64 KiB the client uploads and from the end of its request (a
    /// client trickling a few bytes does not extend it), before the call fails with
    /// DEADLINE_EXCEEDED ("504 Gateway Timeout", Python's `TimedOutError`). It covers
    /// waiting for the connection and for a free stream on it too, so no call waits forever;
    /// the proxy then resets the call's upstream stream and stops using that connection for new
    /// calls (it closes once its calls in flight are done).
    public var upstreamResponseTimeout: Duration

    /// On graceful shutdown, how long calls in flight may take to finish before their
    /// connections are closed.
    public var shutdownGracePeriod: Duration

    /// How many event loops serve clients, each with its own listening socket
    /// (`SO_REUSEPORT`) and its own connections to services; `nil` means one per core.
    public var eventLoopCount: Int?

    /// The most calls one client connection may have open at once (HTTP/2
    /// `SETTINGS_MAX_CONCURRENT_STREAMS`): bounds what one connection can hold open. Kept
    /// above ``maxConcurrentCallsPerClient`` so that a busy client is told RESOURCE_EXHAUSTED
    /// rather than having streams refused, which grpc-swift's client asserts on in debug builds.
    public var maxConcurrentStreams: Int

    /// The most calls one client (one `authorization` value, so one user token; calls without
    /// one count together) may have open through the proxy at once, over all its connections.
    /// Calls beyond it fail at once with RESOURCE_EXHAUSTED, so one client opening many
    /// connections full of calls that never end cannot starve the others.
    public var maxConcurrentCallsPerClient: Int

    /// The most client connections open at once; a connection beyond it is closed as soon as it
    /// is accepted, before TLS, so a flood of idle sockets cannot exhaust memory or descriptors.
    public var maxConnections: Int

    /// How long a client has from connecting to completing the TLS handshake before the proxy
    /// closes the socket: a connection that never speaks costs nothing for long.
    public var handshakeTimeout: Duration

    /// How long a client connection may stay open with no call in flight before the proxy
    /// ends it (GOAWAY, then close once the client acknowledges). A connection that has sent
    /// nothing at all for this long plus ``upstreamResponseTimeout`` is closed outright, so a
    /// client that goes quiet is dropped too. Clients reconnect when they next call, as gRPC
    /// clients do.
    public var idleTimeout: Duration

    /// A configuration with the given TLS identity and defaults for the rest: `127.0.0.1`, a
    /// free port, 5 s to connect, 30 s for response headers, 2 s of shutdown grace, 1 100 calls
    /// per connection and 1 000 per client, 4 096 connections, 10 s to finish the TLS handshake,
    /// and idle connections ended after 5 minutes.
    public init(
      certificateChain: [NIOSSLCertificate],
      privateKey: NIOSSLPrivateKey,
      host: String = "127.0.0.1",
      port: Int = 0
    ) {
      self.host = host
      self.port = port
      self.certificateChain = certificateChain
      self.privateKey = privateKey
      self.upstreamConnectTimeout = .seconds(5)
      self.upstreamResponseTimeout = .seconds(30)
      self.shutdownGracePeriod = .seconds(2)
      self.eventLoopCount = nil
      self.maxConcurrentStreams = 1100
      self.maxConcurrentCallsPerClient = 1000
      self.maxConnections = 4096
      self.handshakeTimeout = .seconds(10)
      self.idleTimeout = .seconds(300)
    }
  }
}
