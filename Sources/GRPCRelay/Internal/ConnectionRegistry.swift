import NIOCore
import NIOHTTP2
import Synchronization

/// The clients' open connections, so that shutdown can ask each to finish (GOAWAY, then close
/// when its calls are done) or close them outright.
final class ConnectionRegistry: Sendable {
  private enum Mode {
    case open
    case quiescing
    case closing
  }

  private struct State {
    var channels: [ObjectIdentifier: any Channel] = [:]
    var mode = Mode.open
  }

  private let state = Mutex(State())
  /// The most connections tracked at once.
  let limit: Int

  init(limit: Int = .max) {
    self.limit = max(1, limit)
  }

  /// Tracks `channel` until it closes; `false` (and not tracked) when ``limit`` connections
  /// are open already, for the caller to close it.
  func add(_ channel: any Channel) -> Bool {
    let id = ObjectIdentifier(channel)
    let added = self.state.withLock { state -> Bool in
      guard state.channels.count < self.limit else { return false }
      state.channels[id] = channel
      return true
    }
    guard added else { return false }
    channel.closeFuture.whenComplete { _ in
      _ = self.state.withLock { $0.channels.removeValue(forKey: id) }
    }
    return true
  }

  /// Treats a connection accepted after shutdown began like the others were: asked to finish,
  /// or closed. Called once its handlers are in place, so that they see the request.
  func applyShutdownState(to channel: any Channel) {
    switch self.state.withLock({ $0.mode }) {
    case .open: break
    case .quiescing: Self.quiesce(channel)
    case .closing: channel.close(promise: nil)
    }
  }

  /// Asks every connection to finish its calls and close.
  func quiesceAll() {
    let channels = self.state.withLock { state in
      if case .open = state.mode { state.mode = .quiescing }
      return Array(state.channels.values)
    }
    for channel in channels { Self.quiesce(channel) }
  }

  /// Closes every connection now.
  func closeAll() {
    let channels = self.state.withLock { state in
      state.mode = .closing
      return Array(state.channels.values)
    }
    for channel in channels { channel.close(promise: nil) }
  }

  /// Waits until every tracked connection has closed.
  func waitUntilAllClosed() async {
    while true {
      let futures = self.state.withLock { $0.channels.values.map(\.closeFuture) }
      if futures.isEmpty { return }
      for future in futures { try? await future.get() }
    }
  }

  private static func quiesce(_ channel: any Channel) {
    channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
  }
}
