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
    /// routed and again from each part of the request the client sends, before the call fails
    /// with DEADLINE_EXCEEDED ("504 Gateway Timeout", Python's `TimedOutError`). It covers
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

    /// The most calls one client connection may have open at once.
    public var maxConcurrentStreams: Int

    /// A configuration with the given TLS identity and defaults for the rest: `127.0.0.1`, a
    /// free port, 5 s to connect, 30 s for response headers, 2 s of shutdown grace.
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
      self.maxConcurrentStreams = 1000
    }
  }
}
