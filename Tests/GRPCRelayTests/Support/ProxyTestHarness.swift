import TestSupport
import BosdynAPI
import BosdynCore
import Foundation
import GRPCCore
import GRPCProtobuf
import GRPCNIOTransportHTTP2
import Logging
import NIOCore
import NIOPosix
import GRPCRelay
import SpotSimulator
import SwiftProtobuf
import Synchronization

/// Certificates made once per test process in a temporary directory.
enum ProxyTestCertificates {
  static let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("spot-sim-proxy-tests-\(UUID().uuidString)").path

  static let shared: SimulatorCertificates = {
    // swift-format-ignore: NeverUseForceTry
    try! SimulatorCertificates.loadOrCreate(dataDirectory: directory, logger: proxyTestLogger)
  }()
}

/// Silent, unless `BOSDYN_TEST_LOG` is set.
let proxyTestLogger = TestLogging.logger("spot-sim.proxy-tests")

/// Routes by authority from a table the test edits while the proxy runs.
final class ProxyRouteTable: Sendable {
  private let routes = Mutex<[String: RobotProxy.Route]>([:])
  private let seen = Mutex<[RobotProxy.CallHead]>([])

  subscript(authority: String) -> RobotProxy.Route? {
    get { self.routes.withLock { $0[authority] } }
    set { self.routes.withLock { $0[authority] = newValue } }
  }

  /// Every call head the proxy asked about, in order.
  var heads: [RobotProxy.CallHead] { self.seen.withLock { $0 } }

  func route(_ head: RobotProxy.CallHead) -> RobotProxy.Route {
    self.seen.withLock { $0.append(head) }
    return self.routes.withLock { $0[head.authority] }
      ?? .reject(
        code: .unavailable,
        message: "502 Bad Gateway: no service registered for \(head.authority)"
      )
  }
}

/// Runs a proxy with the test certificates for the duration of `body`.
func withRobotProxy<Result: Sendable>(
  routes: ProxyRouteTable,
  configure: (inout RobotProxy.Configuration) -> Void = { _ in },
  _ body: (_ proxy: RobotProxy, _ port: Int) async throws -> Result
) async throws -> Result {
  var configuration = RobotProxy.Configuration(certificates: ProxyTestCertificates.shared)
  configure(&configuration)
  let proxy = RobotProxy(configuration: configuration, logger: proxyTestLogger) { head in
    routes.route(head)
  }
  return try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { try await proxy.run() }
    let port = try await proxy.listeningPort()
    let result: Result
    do {
      result = try await body(proxy, port)
    } catch {
      group.cancelAll()
      throw error
    }
    group.cancelAll()
    try await group.waitForAll()
    return result
  }
}

// MARK: Upstream servers

/// A robot id service that answers with what it received: `:authority` in `serial_number`,
/// `x-test` in `nickname`, `authorization` in `species`, and echoes `x-test` back as initial
/// and trailing metadata.
/// Counts the calls a test service answered, so a test waits for them instead of sleeping.
final class CallCounter: Sendable {
  private let count = Mutex(0)
  /// How many calls arrived.
  var value: Int { self.count.withLock { $0 } }
  func increment() { self.count.withLock { $0 += 1 } }
}

struct EchoRobotIdService: Bosdyn_Api_RobotIdService.ServiceProtocol {
  var name = "echo"
  var calls: CallCounter? = nil

  func getRobotId(
    request: ServerRequest<Bosdyn_Api_RobotIdRequest>,
    context: ServerContext
  ) async throws -> ServerResponse<Bosdyn_Api_RobotIdResponse> {
    func first(_ key: String) -> String {
      request.metadata[stringValues: key].first(where: { _ in true }) ?? ""
    }
    self.calls?.increment()
    if first("x-fail") == "permission" {
      throw RPCError(code: .permissionDenied, message: "denied by \(self.name)")
    }
    var response = Bosdyn_Api_RobotIdResponse()
    response.robotID.serialNumber = first(":authority")
    response.robotID.nickname = first("x-test")
    response.robotID.species = first("authorization")
    response.robotID.computerSerialNumber = self.name
    return ServerResponse(
      message: response,
      metadata: ["x-echo": .string(first("x-test"))],
      trailingMetadata: ["x-trailer": .string(self.name)]
    )
  }
}

/// A bidirectional stream from the API (`MissionService.LoadMissionAsChunks2`) that echoes each
/// chunk back as it arrives: enough to exercise streaming both ways through the proxy.
struct ChunkEchoService: RegistrableRPCService {
  /// Gets "finished", "cancelled" or "failed" as each call's handler ends.
  var events: ProxyEventLog?

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    let events = self.events
    router.registerHandler(
      forMethod: Bosdyn_Api_Mission_MissionService.Method.LoadMissionAsChunks2.descriptor,
      deserializer: ProtobufDeserializer<Bosdyn_Api_DataChunk>(),
      serializer: ProtobufSerializer<Bosdyn_Api_DataChunk>()
    ) { request, context in
      StreamingServerResponse { writer in
        do {
          for try await chunk in request.messages {
            try await writer.write(chunk)
          }
        } catch {
          await events?.append(Self.outcome(context: context, otherwise: "failed"))
          throw error
        }
        await events?.append(Self.outcome(context: context, otherwise: "finished"))
        return [:]
      }
    }
  }
}

extension ChunkEchoService {
  /// "cancelled" when the call is (or, within 20 seconds, becomes) cancelled, else
  /// `otherwise`: generous, because only a cancellation is ever waited for.
  fileprivate static func outcome(context: ServerContext, otherwise: String) async -> String {
    if Task.isCancelled || context.cancellation.isCancelled { return "cancelled" }
    let cancelled = await withTaskGroup(of: Bool.self) { group in
      group.addTask {
        do {
          try await context.cancellation.cancelled
          return true
        } catch {
          return false
        }
      }
      group.addTask {
        try? await Task.sleep(for: .seconds(20))
        return Task.isCancelled
      }
      let first = await group.next() ?? false
      group.cancelAll()
      return first
    }
    return cancelled ? "cancelled" : otherwise
  }
}

/// Lines a test service appends to as things happen.
final class ProxyEventLog: Sendable {
  private let lines = Mutex<[String]>([])

  func append(_ line: String) { self.lines.withLock { $0.append(line) } }

  var all: [String] { self.lines.withLock { $0 } }

  /// Waits until some line has been appended, and returns the lines.
  func waitForAny() async throws -> [String] {
    try await eventually("a service event") { self.all.isEmpty ? nil : self.all }
  }

}

/// Runs a plaintext gRPC server with the test services on 127.0.0.1 (`port` 0: a free one).
func withUpstreamServer<Result: Sendable>(
  name: String = "echo",
  port: Int = 0,
  events: ProxyEventLog? = nil,
  calls: CallCounter? = nil,
  _ body: (_ port: Int) async throws -> Result
) async throws -> Result {
  let transport = HTTP2ServerTransport.Posix(
    address: .ipv4(host: "127.0.0.1", port: port),
    transportSecurity: .plaintext
  )
  return try await withGRPCServer(
    transport: transport,
    services: [EchoRobotIdService(name: name, calls: calls), ChunkEchoService(events: events)]
  ) { server in
    guard let port = try await server.listeningAddress?.ipv4?.port else {
      throw ProxyTestFailure("upstream server has no IPv4 address")
    }
    return try await body(port)
  }
}

/// A TCP listener that accepts connections and then, depending on `behaviour`, never answers,
/// closes each connection as soon as it reads from it, or breaks HTTP/2 and keeps it open.
final class RawListener: Sendable {
  enum Behaviour: Sendable {
    case silent
    case closeOnRead
    /// Answers the first read with a valid SETTINGS frame, then a DATA frame on stream 0 (a
    /// connection error for the peer), and never closes.
    case protocolViolation
  }

  let channel: any Channel
  var port: Int { self.channel.localAddress?.port ?? 0 }

  init(_ behaviour: Behaviour) async throws {
    self.channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          switch behaviour {
          case .silent: break
          case .closeOnRead: try channel.pipeline.syncOperations.addHandler(CloseOnRead())
          case .protocolViolation:
            try channel.pipeline.syncOperations.addHandler(ViolateProtocolOnRead())
          }
        }
      }
      .bind(host: "127.0.0.1", port: 0)
      .get()
  }

  func close() async {
    try? await self.channel.close()
  }

  /// A port nothing listens on: bound, then closed.
  static func refusedPort() async throws -> Int {
    let listener = try await RawListener(.silent)
    let port = listener.port
    await listener.close()
    return port
  }

  private final class CloseOnRead: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      context.close(promise: nil)
    }
  }

  private final class ViolateProtocolOnRead: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    private var answered = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      guard !self.answered else { return }
      self.answered = true
      let frames: [UInt8] = [
        0, 0, 0, 0x4, 0, 0, 0, 0, 0,  // SETTINGS, empty: the server preface
        0, 0, 1, 0x0, 0, 0, 0, 0, 0, 0xff,  // DATA on stream 0: PROTOCOL_ERROR
      ]
      context.writeAndFlush(self.wrapOutboundOut(ByteBuffer(bytes: frames)), promise: nil)
    }
  }
}

// MARK: Clients

/// Resolves to `127.0.0.1:port` and names `authority` as the TLS server name and `:authority`,
/// the way robot clients reach `<service>.spot.robot` on the robot's address.
struct FixedAuthorityTarget: ResolvableTarget, Sendable {
  var port: Int
  var authority: String
}

struct FixedAuthorityResolverFactory: NameResolverFactory {
  func resolver(for target: FixedAuthorityTarget) -> NameResolver {
    let endpoint = Endpoint(addresses: [.ipv4(host: "127.0.0.1", port: target.port)])
    let result = NameResolutionResult(endpoints: [endpoint], serviceConfig: nil)
    return NameResolver(
      names: RPCAsyncSequence(wrapping: RepeatingResolution(result: result)),
      updateMode: .pull,
      authority: target.authority
    )
  }
}

/// A pull-mode resolution that always gives the same result.
struct RepeatingResolution: AsyncSequence, Sendable {
  typealias Element = NameResolutionResult
  typealias Failure = any Error
  var result: NameResolutionResult

  struct AsyncIterator: AsyncIteratorProtocol {
    var result: NameResolutionResult
    mutating func next() async throws -> NameResolutionResult? { self.result }
  }

  func makeAsyncIterator() -> AsyncIterator { AsyncIterator(result: self.result) }
}

/// Runs a TLS gRPC client to the proxy, trusting the test CA, for the duration of `body`.
@discardableResult
func withProxyClient<Result: Sendable>(
  port: Int,
  authority: String = "api.spot.robot",
  caPEM: String = ProxyTestCertificates.shared.caCertificatePEM,
  _ body: (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Result
) async throws -> Result {
  var registry = NameResolverRegistry.defaults
  registry.registerFactory(FixedAuthorityResolverFactory())
  let transport = try HTTP2ClientTransport.Posix(
    target: FixedAuthorityTarget(port: port, authority: authority),
    transportSecurity: .tls {
      $0.trustRoots = .certificates([.bytes(Array(caPEM.utf8), format: .pem)])
    },
    resolverRegistry: registry
  )
  return try await withGRPCClient(transport: transport) { client in
    try await body(client)
  }
}

struct ProxyTestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
