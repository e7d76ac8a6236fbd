import NIOHTTP2

/// The HTTP/2 settings of both sides of the proxy.
enum ProxyHTTP2Settings {
  /// Each stream may have this many bytes in flight before its reader must consume them: large
  /// enough that a relayed message rarely waits for a WINDOW_UPDATE, small enough that a slow
  /// reader holds little memory.
  static let streamWindow = 1 << 20

  /// How many streams each connection remembers having reset, so that it ignores the frames
  /// still on their way on them. NIOHTTP2 keeps 32 and calls a frame on any older one a
  /// connection error; when a client vanishes with many calls in flight, the proxy resets them
  /// all at once and the service's answers arrive afterwards, which then broke the upstream
  /// connection. 4 bytes per stream remembered.
  static let recentlyResetStreams = 4096

  /// Clients' connections: many concurrent calls, large headers allowed (tokens are long).
  static func inboundConnection(maxConcurrentStreams: Int)
    -> NIOHTTP2Handler.ConnectionConfiguration
  {
    var configuration = NIOHTTP2Handler.ConnectionConfiguration()
    configuration.initialSettings = [
      HTTP2Setting(parameter: .maxConcurrentStreams, value: maxConcurrentStreams),
      HTTP2Setting(parameter: .maxHeaderListSize, value: 64 * 1024),
      HTTP2Setting(parameter: .initialWindowSize, value: streamWindow),
    ]
    configuration.targetWindowSize = 4 * streamWindow
    configuration.maximumRecentlyResetStreams = max(recentlyResetStreams, maxConcurrentStreams)
    return configuration
  }

  /// Connections to services: no server push, and no second validation of header blocks
  /// (requests were validated when the client sent them, responses are when they go to the
  /// client).
  static let upstreamConnection: NIOHTTP2Handler.ConnectionConfiguration = {
    var configuration = NIOHTTP2Handler.ConnectionConfiguration()
    configuration.headerBlockValidation = .disabled
    configuration.initialSettings = [
      HTTP2Setting(parameter: .enablePush, value: 0),
      HTTP2Setting(parameter: .maxHeaderListSize, value: 64 * 1024),
      HTTP2Setting(parameter: .initialWindowSize, value: streamWindow),
    ]
    configuration.targetWindowSize = 4 * streamWindow
    configuration.maximumRecentlyResetStreams = recentlyResetStreams
    return configuration
  }()

  /// Per-stream flow control on both sides.
  static let stream: NIOHTTP2Handler.StreamConfiguration = {
    var configuration = NIOHTTP2Handler.StreamConfiguration()
    configuration.targetWindowSize = streamWindow
    configuration.outboundBufferSizeHighWatermark = 64 * 1024
    configuration.outboundBufferSizeLowWatermark = 16 * 1024
    return configuration
  }()
}
