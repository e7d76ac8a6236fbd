import BosdynCore
import BosdynAPI
import Crypto
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import SpotSimulator
import TestSupport
import Testing

/// The simulator's identity, auth, time-sync and directory services on one real plaintext
/// gRPC server on 127.0.0.1 with a free port, behind the bearer-token interceptor, as the
/// simulated robot hosts them (minus the TLS proxy).
struct SimulatorServiceHarness {
  static let username = "user"
  static let password = "password"

  let issuer: TokenIssuer
  let registry: ServiceRegistry
  let tokenLifetime: Duration
  let timeSync: TimeSyncService
  /// The auth service's accounts and lock-outs, on the harness's clock.
  let passwords: PasswordCheck

  init(
    tokenLifetime: Duration = .seconds(60),
    registry: ServiceRegistry = ServiceRegistry(),
    timeSync: TimeSyncService = TimeSyncService(),
    time: ManualTime? = nil
  ) async throws {
    let clock = time?.clock ?? .system()
    self.issuer = try await TokenIssuer(signingKey: P256.Signing.PrivateKey(), clock: clock)
    self.passwords = PasswordCheck(
      accounts: UserAccounts([Self.username: Self.password]),
      clock: clock
    )
    self.registry = registry
    self.tokenLifetime = tokenLifetime
    self.timeSync = timeSync
  }

  /// A connected client and the port the server listens on.
  struct Connection: Sendable {
    let client: GRPCClient<HTTP2ClientTransport.Posix>
    let port: Int

    var auth: Bosdyn_Api_AuthService.Client<HTTP2ClientTransport.Posix> { .init(wrapping: client) }
    var robotID: Bosdyn_Api_RobotIdService.Client<HTTP2ClientTransport.Posix> {
      .init(wrapping: client)
    }
    var directory: Bosdyn_Api_DirectoryService.Client<HTTP2ClientTransport.Posix> {
      .init(wrapping: client)
    }
    var registration: Bosdyn_Api_DirectoryRegistrationService.Client<HTTP2ClientTransport.Posix> {
      .init(wrapping: client)
    }
    var timeSync: Bosdyn_Api_TimeSyncService.Client<HTTP2ClientTransport.Posix> {
      .init(wrapping: client)
    }

    /// Logs in with the harness user and returns `authorization` metadata with the token.
    func login() async throws -> Metadata {
      var request = Bosdyn_Api_GetAuthTokenRequest()
      request.username = SimulatorServiceHarness.username
      request.password = SimulatorServiceHarness.password
      let response = try await self.auth.getAuthToken(request)
      try #require(response.status == .ok)
      return ["authorization": "Bearer \(response.token)"]
    }
  }

  /// Serves the services for the duration of `body`.
  func serve<Result: Sendable>(_ body: (Connection) async throws -> Result) async throws -> Result {
    let logger = Logger(label: "spot-sim-test")
    let services: [any RegistrableRPCService] = [
      AuthService(
        passwords: self.passwords,
        issuer: self.issuer,
        configuration: .init(tokenLifetime: self.tokenLifetime),
        logger: logger
      ),
      RobotIdService(logger: logger),
      self.timeSync,
      DirectoryService(registry: self.registry, logger: logger),
      DirectoryRegistrationService(registry: self.registry, logger: logger),
    ]
    let server = GRPCServer(
      transport: HTTP2ServerTransport.Posix(
        address: .ipv4(host: "127.0.0.1", port: 0),
        transportSecurity: .plaintext
      ),
      services: services,
      interceptors: [BearerTokenInterceptor(issuer: self.issuer)]
    )
    return try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await server.serve() }
      defer { server.beginGracefulShutdown() }
      let port = try #require(try await server.listeningAddress?.ipv4?.port)
      let transport = try HTTP2ClientTransport.Posix(
        target: .ipv4(address: "127.0.0.1", port: port),
        transportSecurity: .plaintext
      )
      return try await withGRPCClient(transport: transport) { client in
        try await body(Connection(client: client, port: port))
      }
    }
  }

  /// Runs `call` and returns the `RPCError` it throws; fails the test when it succeeds.
  static func rpcError(
    _ call: () async throws -> Void,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async -> RPCError? {
    do {
      try await call()
      Issue.record("the call succeeded", sourceLocation: sourceLocation)
      return nil
    } catch let error as RPCError {
      return error
    } catch {
      Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
      return nil
    }
  }
}
