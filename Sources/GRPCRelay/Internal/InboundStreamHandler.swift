import GRPCCore
import Logging
import NIOCore
import NIOHPACK
import NIOHTTP2

/// The client's half of a call through the proxy: one per inbound HTTP/2 stream.
///
/// It reads the request HEADERS, asks the routing closure where the call goes, then either
/// answers with a gRPC status itself or opens a stream on the upstream connection of its own
/// event loop and relays frames both ways through an ``UpstreamStreamHandler``. Frames that
/// arrive while the route or the connection is pending wait in a small buffer; reading stops
/// meanwhile, so HTTP/2 flow control bounds it.
final class InboundStreamHandler: ChannelDuplexHandler {
  typealias InboundIn = HTTP2Frame.FramePayload
  typealias OutboundIn = HTTP2Frame.FramePayload
  typealias OutboundOut = HTTP2Frame.FramePayload

  private enum State {
    /// Waiting for the request HEADERS.
    case awaitingHeaders
    /// Waiting for the routing closure.
    case routing
    /// Waiting for the upstream connection and stream.
    case connecting
    /// Frames flow both ways.
    case relaying
    /// The response is complete (relayed or answered here); later frames are dropped.
    case answered
    /// The stream is gone.
    case closed
  }

  private struct Target {
    var host: String
    var port: Int
    var label: String

    var address: String { "\(self.host):\(self.port)" }
    /// `label (host:port)`, or just `host:port` when the label says nothing more.
    var description: String {
      self.label.isEmpty || self.label == self.address
        ? self.address : "\(self.label) (\(self.address))"
    }
  }

  private let proxy: ProxyContext
  private var state = State.awaitingHeaders
  private var context: ChannelHandlerContext?
  private var head = RobotProxy.CallHead(authority: "", path: "", authorization: nil)
  private var target: Target?
  /// The pooled connection the call's upstream stream is on, once known.
  private var connectionID: Int?
  private var upstream: UpstreamStreamHandler?
  private var buffered = CircularBuffer<HTTP2Frame.FramePayload>(initialCapacity: 4)
  /// The client sent END_STREAM.
  private var requestEnded = false
  /// Response headers went to the client.
  private var responseStarted = false
  /// END_STREAM went to the client.
  private var responseEnded = false
  private var pendingRead = false
  private var upstreamNeedsFlush = false
  private var clientNeedsFlush = false
  private var responseTimer: Scheduled<Void>?
  /// Request bytes relayed since the response deadline was last set.
  private var bytesSinceDeadline = 0
  /// The client this call was counted for in ``ProxyContext/callsPerClient``, until released.
  private var countedClient: String?

  init(proxy: ProxyContext) {
    self.proxy = proxy
  }

  // MARK: ChannelHandler

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    self.context = nil
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let payload = self.unwrapInboundIn(data)
    let endsRequest: Bool
    switch payload {
    case .headers(let headers): endsRequest = headers.endStream
    case .data(let data): endsRequest = data.endStream
    default:
      // RST_STREAM from the client closes this channel; channelInactive cleans up.
      return
    }
    if endsRequest { self.requestEnded = true }

    switch self.state {
    case .awaitingHeaders:
      guard case .headers(let headers) = payload else { return }
      self.buffered.append(payload)
      self.state = .routing
      self.route(headers: headers.headers, context: context)
    case .routing, .connecting:
      self.buffered.append(payload)
    case .relaying:
      self.upstream?.write(payload)
      self.upstreamNeedsFlush = true
      self.extendDeadlineForUpload(payload, context: context)
    case .answered, .closed:
      break
    }
  }

  func channelReadComplete(context: ChannelHandlerContext) {
    if self.upstreamNeedsFlush {
      self.upstreamNeedsFlush = false
      self.upstream?.flush()
    }
    context.fireChannelReadComplete()
  }

  func read(context: ChannelHandlerContext) {
    switch self.state {
    case .routing, .connecting:
      self.pendingRead = true
    case .relaying:
      if self.upstream?.isWritable ?? true {
        context.read()
      } else {
        self.pendingRead = true
      }
    case .awaitingHeaders, .answered, .closed:
      context.read()
    }
  }

  func channelWritabilityChanged(context: ChannelHandlerContext) {
    if context.channel.isWritable {
      self.upstream?.resumeReading()
    }
    context.fireChannelWritabilityChanged()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    // Stream errors (a reset from the client) are followed by channelInactive.
  }

  func channelInactive(context: ChannelHandlerContext) {
    self.state = .closed
    if let client = self.countedClient {
      self.countedClient = nil
      self.proxy.callsPerClient.release(client)
    }
    self.responseTimer?.cancel()
    self.responseTimer = nil
    self.buffered.removeAll()
    let upstream = self.upstream
    self.upstream = nil
    upstream?.detachAndClose()
    context.fireChannelInactive()
  }

  // MARK: Routing

  private func route(headers: HPACKHeaders, context: ChannelHandlerContext) {
    self.head = RobotProxy.CallHead(
      authority: headers.first(name: ":authority") ?? "",
      path: headers.first(name: ":path") ?? "",
      authorization: headers.first(name: "authorization")
    )
    let client = self.head.authorization ?? ""
    guard self.proxy.callsPerClient.admit(client) else {
      self.routeDecided(
        .reject(
          code: .resourceExhausted,
          message: "429 Too Many Requests: this client already has "
            + "\(self.proxy.callsPerClient.maximum) calls in flight through the robot"
        )
      )
      return
    }
    self.countedClient = client
    if let immediateRoute = self.proxy.immediateRoute, let route = immediateRoute(self.head) {
      self.routeDecided(route)
      return
    }
    let eventLoop = context.eventLoop
    let handler = NIOLoopBound(self, eventLoop: eventLoop)
    self.proxy.dispatcher.submit(
      RouteDispatcher.Request(
        head: self.head,
        deliver: { route in
          if eventLoop.inEventLoop {
            handler.value.routeDecided(route)
          } else {
            eventLoop.execute { handler.value.routeDecided(route) }
          }
        }
      ),
      on: eventLoop
    )
  }

  private func routeDecided(_ route: RobotProxy.Route) {
    guard case .routing = self.state, let context = self.context else { return }
    switch route {
    case .reject(let code, let message):
      self.proxy.logger.warning(
        "\(self.head.authority) \(self.head.path) refused: \(code) \(message)"
      )
      self.answer(code: code, message: message)
    case .forward(let host, let port, let label):
      let target = Target(host: host, port: port, label: label)
      self.target = target
      // The robot's own services log each call themselves; one line per call is enough.
      let level: Logger.Level = label == RobotProxy.selfLoggingLabel ? .debug : .info
      self.proxy.logger.log(
        level: level,
        "\(self.head.authority) \(self.head.path) -> \(target.description)"
      )
      self.state = .connecting
      guard let connections = self.proxy.pool.connections(on: context.eventLoop) else {
        self.answer(code: .unavailable, message: "502 Bad Gateway: the proxy is not serving")
        return
      }
      // From here on the call ends in time whatever happens: waiting for the connection, for
      // a free stream on it (NIOHTTP2 queues streams beyond the service's concurrency limit),
      // or for the service's answer.
      self.restartResponseTimer(context: context)
      let (connectionID, multiplexer) = connections.multiplexer(host: host, port: port)
      self.connectionID = connectionID
      multiplexer.assumeIsolated().whenComplete { result in
        switch result {
        case .success(let multiplexer):
          self.openUpstreamStream(on: multiplexer)
        case .failure(let error):
          self.connectFailed(error)
        }
      }
    }
  }

  private func openUpstreamStream(on multiplexer: NIOHTTP2Handler.StreamMultiplexer) {
    guard case .connecting = self.state, let context = self.context else { return }
    let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
    let created = context.eventLoop.makePromise(of: (any Channel).self)
    // The pool closes a retired connection once its last stream is gone.
    let connections = self.proxy.pool.connections(on: context.eventLoop)
    let key = self.target.map { ($0.host, $0.port) }
    let connectionID = self.connectionID
    if let connectionID { connections?.streamOpened(connectionID: connectionID) }
    multiplexer.createStreamChannel(promise: created) { channel in
      channel.eventLoop.makeCompletedFuture {
        try channel.pipeline.syncOperations.addHandler(
          UpstreamStreamHandler(inbound: handler.value)
        )
      }
    }
    created.futureResult.assumeIsolated().whenComplete { result in
      guard let connectionID, let key else { return }
      switch result {
      case .success(let channel):
        channel.closeFuture.assumeIsolated().whenComplete { _ in
          connections?.streamClosed(host: key.0, port: key.1, connectionID: connectionID)
        }
      case .failure:
        connections?.streamClosed(host: key.0, port: key.1, connectionID: connectionID)
      }
    }
    created.futureResult.assumeIsolated().whenFailure { error in
      guard case .connecting = self.state, let target = self.target else { return }
      self.proxy.logger.warning(
        "\(self.head.authority) \(self.head.path): cannot open a stream to \(target.description): \(error)"
      )
      self.answer(
        code: .unavailable,
        message: "502 Bad Gateway: cannot open a stream to \(target.description)"
      )
    }
  }

  private func connectFailed(_ error: any Error) {
    guard case .connecting = self.state, let target = self.target else { return }
    let reason = UpstreamFailure.describe(error)
    self.proxy.logger.warning(
      "\(self.head.authority) \(self.head.path): cannot connect to \(target.description): \(reason)"
    )
    self.answer(
      code: .unavailable,
      message: "Failed to connect to remote host \(target.description): \(reason)"
    )
  }

  // MARK: Relaying (called by the upstream half)

  var isWritable: Bool {
    self.context?.channel.isWritable ?? false
  }

  func resumeReading() {
    guard self.pendingRead, let context = self.context else { return }
    self.pendingRead = false
    context.read()
  }

  /// The upstream stream is open: send what the client sent so far, then relay.
  func attach(upstream: UpstreamStreamHandler) {
    guard case .connecting = self.state, let context = self.context else {
      upstream.detachAndClose()
      return
    }
    self.state = .relaying
    self.upstream = upstream
    // NIOHTTP2 opens the upstream stream on a later turn of the event loop, outside the read
    // that brought the request, and flushes once per frame: hold those flushes so the
    // request's HEADERS and DATA leave in one write.
    let coalescer = self.proxy.pool.connections(on: context.eventLoop)?.flushCoalescer
    coalescer?.beginBurst()
    defer { coalescer?.endBurst() }
    while let payload = self.buffered.popFirst() {
      upstream.write(payload)
    }
    upstream.flush()
    self.resumeReading()
  }

  func upstreamRead(_ payload: HTTP2Frame.FramePayload) {
    guard case .relaying = self.state, let context = self.context else { return }
    switch payload {
    case .headers(let headers):
      if !self.responseStarted {
        self.responseStarted = true
        self.responseTimer?.cancel()
        self.responseTimer = nil
      }
      if headers.endStream { self.responseEnded = true }
    case .data(let data):
      if data.endStream { self.responseEnded = true }
    default:
      // RST_STREAM is relayed when the upstream stream closes.
      return
    }
    context.write(self.wrapOutboundOut(payload), promise: nil)
    self.clientNeedsFlush = true
  }

  func upstreamReadComplete() {
    guard self.clientNeedsFlush, let context = self.context else { return }
    self.clientNeedsFlush = false
    context.flush()
  }

  /// The upstream stream closed: with the response complete, a reset from the service, or
  /// because the connection to the service went away.
  func upstreamClosed(resetCode: HTTP2ErrorCode?) {
    self.upstream = nil
    self.upstreamReadComplete()
    if case .connecting = self.state {
      // The stream closed before it opened (its connection went away first).
      let target = self.target?.description ?? "the service"
      self.proxy.logger.warning(
        "\(self.head.authority) \(self.head.path): \(target) closed the connection before the call"
      )
      self.answer(
        code: .unavailable,
        message: "502 Bad Gateway: \(target) closed the connection before the call"
      )
      return
    }
    guard case .relaying = self.state, let context = self.context else { return }
    self.state = .answered
    self.responseTimer?.cancel()
    self.responseTimer = nil

    if self.responseEnded {
      if !self.requestEnded {
        // The service finished before the client did: tell the client to stop sending.
        context.writeAndFlush(self.wrapOutboundOut(.rstStream(.noError)), promise: nil)
      }
      return
    }
    let target = self.target?.description ?? "the service"
    if let resetCode {
      self.proxy.logger.warning(
        "\(self.head.authority) \(self.head.path): \(target) reset the stream (\(resetCode))"
      )
      context.writeAndFlush(self.wrapOutboundOut(.rstStream(resetCode)), promise: nil)
      return
    }
    self.proxy.logger.warning(
      "\(self.head.authority) \(self.head.path): \(target) closed the connection during the call"
    )
    self.answer(
      code: .unavailable,
      message: "502 Bad Gateway: \(target) closed the connection during the call"
    )
  }

  // MARK: Answering here

  /// The deadline counts from routing, and is set afresh only for a real upload: when the
  /// client has sent ``uploadProgress`` more bytes, and once more when its request ends (the
  /// service then has the whole timeout to answer). A client trickling a byte now and then
  /// never extends it.
  private func extendDeadlineForUpload(
    _ payload: HTTP2Frame.FramePayload,
    context: ChannelHandlerContext
  ) {
    guard case .data(let data) = payload else { return }
    self.bytesSinceDeadline += data.data.readableBytes
    if data.endStream || self.bytesSinceDeadline >= Self.uploadProgress {
      self.bytesSinceDeadline = 0
      self.restartResponseTimer(context: context)
    }
  }

  /// How many request bytes count as upload progress that earns a fresh response deadline.
  static let uploadProgress = 64 * 1024

  /// (Re)starts the countdown to a 504, until the response headers arrive.
  private func restartResponseTimer(context: ChannelHandlerContext) {
    guard !self.responseStarted else { return }
    self.responseTimer?.cancel()
    self.responseTimer = context.eventLoop.assumeIsolated().scheduleTask(
      in: self.proxy.responseTimeout
    ) {
      self.responseTimedOut()
    }
  }

  private func responseTimedOut() {
    self.responseTimer = nil
    switch self.state {
    case .connecting, .relaying: break
    case .awaitingHeaders, .routing, .answered, .closed: return
    }
    guard !self.responseStarted else { return }
    let target = self.target?.description ?? "the service"
    self.proxy.logger.warning(
      "\(self.head.authority) \(self.head.path): \(target) did not respond within \(self.proxy.responseTimeoutText)"
    )
    let upstream = self.upstream
    self.upstream = nil
    upstream?.detachAndClose()
    // A connection that leaves calls unanswered may be wedged: later calls get a fresh one,
    // and this one closes once its last call is gone.
    if let target = self.target, let connectionID = self.connectionID, let context = self.context {
      self.proxy.pool.connections(on: context.eventLoop)?.retire(
        host: target.host,
        port: target.port,
        connectionID: connectionID
      )
    }
    self.answer(
      code: .deadlineExceeded,
      message:
        "504 Gateway Timeout: \(target) did not respond within \(self.proxy.responseTimeoutText)"
    )
  }

  /// Ends the call with a gRPC status of the proxy's own, and stops the client sending more.
  private func answer(code: RPCError.Code, message: String) {
    self.state = .answered
    self.buffered.removeAll()
    guard let context = self.context, !self.responseEnded else { return }
    let headers =
      self.responseStarted
      ? GRPCTrailers.trailers(code: code, message: message)
      : GRPCTrailers.trailersOnly(code: code, message: message)
    self.responseStarted = true
    self.responseEnded = true
    context.write(
      self.wrapOutboundOut(.headers(.init(headers: headers, endStream: true))),
      promise: nil
    )
    if !self.requestEnded {
      context.write(self.wrapOutboundOut(.rstStream(.noError)), promise: nil)
    }
    context.flush()
    self.resumeReading()
  }
}
