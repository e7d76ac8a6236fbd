import BosdynCore
import Logging
import NIOCore
import NIOHTTP2
import NIOPosix

/// The proxy's plaintext HTTP/2 connections to the services it forwards to: one per event loop
/// and upstream address, so a call's inbound stream and its upstream stream share a thread.
final class UpstreamPool: Sendable {
  private let perLoop: [ObjectIdentifier: NIOLoopBoundBox<UpstreamConnections>]

  init(
    loops: [any EventLoop],
    connectTimeout: Duration,
    logger: Logger
  ) {
    var perLoop: [ObjectIdentifier: NIOLoopBoundBox<UpstreamConnections>] = [:]
    for loop in loops {
      // Created here, used only on `loop` from now on.
      perLoop[ObjectIdentifier(loop)] = NIOLoopBoundBox.makeBoxSendingValue(
        UpstreamConnections(
          eventLoop: loop,
          connectTimeout: TimeAmount(connectTimeout),
          logger: logger
        ),
        eventLoop: loop
      )
    }
    self.perLoop = perLoop
  }

  /// The connections of `eventLoop`; call on that loop only.
  func connections(on eventLoop: any EventLoop) -> UpstreamConnections? {
    self.perLoop[ObjectIdentifier(eventLoop)]?.value
  }

  /// Closes every upstream connection and refuses new ones; returns once all are closed.
  func closeAll() async {
    var closed: [EventLoopFuture<Void>] = []
    for bound in self.perLoop.values {
      closed.append(
        bound.eventLoop.flatSubmit {
          bound.value.closeAll()
        }
      )
    }
    for future in closed {
      try? await future.get()
    }
  }
}

/// One event loop's upstream connections, keyed by host and port. Confined to its loop.
final class UpstreamConnections {
  private struct Key: Hashable {
    var host: String
    var port: Int
  }

  private struct Entry {
    var id: Int
    var multiplexer: EventLoopFuture<NIOHTTP2Handler.StreamMultiplexer>
  }

  /// A connection's calls in flight, and whether it closes once they are done.
  private struct Usage {
    var streams = 0
    var closeWhenIdle = false
  }

  /// Coalesces flushes on this loop, for these connections and the clients' connections
  /// accepted on the same loop.
  let flushCoalescer = FlushCoalescer()
  private let eventLoop: any EventLoop
  private let connectTimeout: TimeAmount
  private let logger: Logger
  private var entries: [Key: Entry] = [:]
  /// Every open connection, including those the upstream asked to retire with GOAWAY, so that
  /// shutdown closes them all.
  private var channels: [ObjectIdentifier: any Channel] = [:]
  /// Connections by id, once connected.
  private var channelsByID: [Int: any Channel] = [:]
  private var usage: [Int: Usage] = [:]
  private var nextID = 0
  private var isClosed = false

  init(eventLoop: any EventLoop, connectTimeout: TimeAmount, logger: Logger) {
    self.eventLoop = eventLoop
    self.connectTimeout = connectTimeout
    self.logger = logger
  }

  /// The connection to `host:port` and its id, connecting when there is none or the last one
  /// closed or was retired.
  func multiplexer(
    host: String,
    port: Int
  ) -> (id: Int, multiplexer: EventLoopFuture<NIOHTTP2Handler.StreamMultiplexer>) {
    let key = Key(host: host, port: port)
    if let entry = self.entries[key] {
      return (entry.id, entry.multiplexer)
    }
    guard !self.isClosed else {
      return (0, self.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel))
    }
    self.nextID += 1
    let id = self.nextID
    let connection = self.connect(key: key, id: id)
    self.entries[key] = Entry(id: id, multiplexer: connection.map { $0.1 })
    connection.assumeIsolated().whenComplete { result in
      switch result {
      case .success(let (channel, _)):
        let channelID = ObjectIdentifier(channel)
        if self.isClosed {
          channel.close(promise: nil)
          return
        }
        self.channels[channelID] = channel
        self.channelsByID[id] = channel
        channel.closeFuture.assumeIsolated().whenComplete { _ in
          self.channels[channelID] = nil
          self.channelsByID[id] = nil
          self.usage[id] = nil
          self.retire(key: key, id: id)
          self.logger.debug(
            "Upstream connection closed",
            metadata: ["upstream": "\(key.host):\(key.port)"]
          )
        }
      case .failure:
        self.usage[id] = nil
        self.retire(key: key, id: id)
      }
    }
    return (id, self.entries[key]!.multiplexer)
  }

  /// A call opens a stream on connection `connectionID`.
  func streamOpened(connectionID: Int) {
    self.usage[connectionID, default: Usage()].streams += 1
  }

  /// A call's stream on connection `connectionID` closed; a retired connection closes with
  /// its last stream.
  func streamClosed(host: String, port: Int, connectionID: Int) {
    guard var usage = self.usage[connectionID] else { return }
    usage.streams = max(0, usage.streams - 1)
    self.usage[connectionID] = usage
    if usage.closeWhenIdle && usage.streams == 0 {
      self.channelsByID[connectionID]?.close(promise: nil)
    }
  }

  /// Stops handing out connection `connectionID` to `host:port` because the service left a
  /// call on it unanswered (the connection may be wedged): later calls get a new connection,
  /// and this one closes once its calls in flight are gone.
  func retire(host: String, port: Int, connectionID: Int) {
    let key = Key(host: host, port: port)
    // Only a connection that is up can be wedged; one still connecting has its own timeout.
    guard self.channelsByID[connectionID] != nil else { return }
    self.retire(key: key, id: connectionID)
    var usage = self.usage[connectionID] ?? Usage()
    if !usage.closeWhenIdle {
      self.logger.debug(
        "Retiring an upstream connection that left a call unanswered",
        metadata: ["upstream": "\(host):\(port)"]
      )
    }
    usage.closeWhenIdle = true
    self.usage[connectionID] = usage
    if usage.streams == 0 {
      self.channelsByID[connectionID]?.close(promise: nil)
    }
  }

  /// Closes every connection and refuses new ones.
  func closeAll() -> EventLoopFuture<Void> {
    self.isClosed = true
    self.entries.removeAll()
    let closing = self.channels.values.map { channel in
      channel.close().recover { _ in }
    }
    return EventLoopFuture.andAllSucceed(closing, on: self.eventLoop)
  }

  /// Stops handing out connection `id` for `key`; calls already on it carry on.
  private func retire(key: Key, id: Int) {
    if self.entries[key]?.id == id {
      self.entries[key] = nil
    }
  }

  private func connect(
    key: Key,
    id: Int
  ) -> EventLoopFuture<(any Channel, NIOHTTP2Handler.StreamMultiplexer)> {
    let onGoAway: NIOLoopBound<() -> Void> = NIOLoopBound(
      { [weak self] in
        guard let self else { return }
        self.retire(key: key, id: id)
      },
      eventLoop: self.eventLoop
    )
    let coalescer = NIOLoopBound(self.flushCoalescer, eventLoop: self.eventLoop)
    let logger = self.logger
    let bootstrap = ClientBootstrap(group: self.eventLoop)
      .connectTimeout(self.connectTimeout)
      .channelOption(.socketOption(.tcp_nodelay), value: 1)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(FlushGate(coalescer: coalescer.value))
          try channel.pipeline.syncOperations.addHandler(
            NIOHTTP2Handler(
              mode: .client,
              eventLoop: channel.eventLoop,
              connectionConfiguration: ProxyHTTP2Settings.upstreamConnection,
              streamConfiguration: ProxyHTTP2Settings.stream,
              inboundStreamInitializer: { pushed in pushed.close() }
            )
          )
          try channel.pipeline.syncOperations.addHandler(
            UpstreamConnectionWatcher(
              upstream: "\(key.host):\(key.port)",
              logger: logger,
              onGoAway: onGoAway.value
            )
          )
        }
      }
    let connected: EventLoopFuture<any Channel>
    if let address = try? SocketAddress(ipAddress: key.host, port: key.port) {
      // An address literal needs no resolver round trip.
      connected = bootstrap.connect(to: address)
    } else {
      connected = bootstrap.connect(host: key.host, port: key.port)
    }
    return connected.flatMapThrowing { channel in
      let multiplexer = try channel.pipeline.syncOperations.handler(type: NIOHTTP2Handler.self)
        .syncMultiplexer()
      return (channel, multiplexer)
    }
  }
}

/// Watches an upstream connection: a GOAWAY from the service retires it from the pool (calls
/// already on it finish), and an error closes it (calls on it end with a 502).
///
/// The errors that reach this handler are I/O errors, after which NIO closes the socket
/// anyway, and HTTP/2 errors. For a connection error NIOHTTP2 sends a GOAWAY but leaves the
/// socket open: such a connection is done for (RFC 9113 §5.4.1: the endpoint MUST close it),
/// and kept in the pool it would leave every later call waiting for its 504. NIOHTTP2 reports
/// a stream error (a service breaking the protocol on one call) the same way, so that closes
/// the connection too: its other calls end with a 502 and later ones get a new connection.
final class UpstreamConnectionWatcher: ChannelInboundHandler {
  typealias InboundIn = HTTP2Frame

  private let onGoAway: () -> Void
  private let logger: Logger
  private let upstream: String

  init(upstream: String, logger: Logger, onGoAway: @escaping () -> Void) {
    self.upstream = upstream
    self.logger = logger
    self.onGoAway = onGoAway
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if case .goAway = self.unwrapInboundIn(data).payload {
      self.onGoAway()
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    if !(error is IOError) {
      self.logger.warning(
        "Closing the connection to \(self.upstream) after an HTTP/2 error: \(error)"
      )
    }
    context.close(promise: nil)
  }
}
