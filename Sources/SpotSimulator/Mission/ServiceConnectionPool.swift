import GRPCCore
import GRPCNIOTransportHTTP2
import Synchronization

/// Plaintext gRPC clients to the services registered in the directory, made on first use and
/// kept for as long as the simulated robot runs: how the robot's own mission service reaches
/// the callbacks its missions call (directly, as the robot does, not through its TLS front).
///
/// ``run()`` owns every client's connections; a client asked for before it runs waits in
/// line, and one asked for after it stopped is refused.
final class ServiceConnectionPool: Sendable {
  typealias Client = GRPCClient<HTTP2ClientTransport.Posix>

  private struct Endpoint: Hashable {
    var host: String
    var port: Int
  }

  private struct State {
    var clients: [Endpoint: Client] = [:]
    var stopped = false
  }

  private let state = Mutex(State())
  private let newClients: AsyncStream<Client>
  private let newClientsContinuation: AsyncStream<Client>.Continuation

  /// Why a client cannot be had.
  struct Stopped: Error, CustomStringConvertible {
    var description: String { "the simulated robot is shutting down" }
  }

  init() {
    (self.newClients, self.newClientsContinuation) = AsyncStream.makeStream()
  }

  /// The client for `host:port`, made now if there is none.
  ///
  /// - Throws: ``Stopped`` once the pool has stopped; a transport error for an address that
  ///   cannot be a target.
  func client(host: String, port: Int) throws -> Client {
    let endpoint = Endpoint(host: host, port: port)
    return try self.state.withLock { state in
      guard !state.stopped else { throw Stopped() }
      if let client = state.clients[endpoint] { return client }
      let target: any ResolvableTarget =
        host.contains(":") ? .ipv6(address: host, port: port) : .dns(host: host, port: port)
      let client = Client(
        transport: try .http2NIOPosix(target: target, transportSecurity: .plaintext)
      )
      state.clients[endpoint] = client
      self.newClientsContinuation.yield(client)
      return client
    }
  }

  /// Runs every client's connections until cancelled, then closes them.
  func run() async {
    await withDiscardingTaskGroup { group in
      await withTaskCancellationHandler {
        for await client in self.newClients {
          group.addTask { try? await client.runConnections() }
        }
      } onCancel: {
        self.stop()
      }
    }
  }

  /// Refuses new clients and closes the existing ones once their calls are done.
  func stop() {
    let clients = self.state.withLock { state -> [Client] in
      state.stopped = true
      return Array(state.clients.values)
    }
    self.newClientsContinuation.finish()
    for client in clients { client.beginGracefulShutdown() }
  }
}
