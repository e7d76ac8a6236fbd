import BosdynCore
import BosdynAPI
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import SpotSimulator
import TestSupport
import Testing

/// The simulator's lease, power, robot command, robot state, estop and keepalive services on
/// one real plaintext gRPC server on 127.0.0.1 with a free port (no token interceptor: these
/// tests are about leases and power).
struct BodyServiceHarness {
  let ledger: LeaseLedger
  let body: SimulatedBody

  /// - Parameter time: What leases and transitions are timed on; the real clock when `nil`
  ///   (for tests whose Python peer polls in real time).
  init(
    retainTimeout: Duration = .seconds(30),
    transitionTime: Duration = .seconds(2),
    motorsInitiallyOn: Bool = false,
    time: ManualTime? = nil
  ) {
    let clock = time?.clock ?? .system()
    self.ledger = LeaseLedger(
      configuration: .init(resourceTree: .spotWithArm, retainTimeout: retainTimeout, epoch: nil),
      clock: clock
    )
    self.body = SimulatedBody(
      configuration: .init(transitionTime: transitionTime, motorsInitiallyOn: motorsInitiallyOn),
      clock: clock
    )
  }

  typealias Transport = HTTP2ClientTransport.Posix

  struct Connection: Sendable {
    let client: GRPCClient<Transport>
    let port: Int

    var lease: Bosdyn_Api_LeaseService.Client<Transport> { .init(wrapping: self.client) }
    var power: Bosdyn_Api_PowerService.Client<Transport> { .init(wrapping: self.client) }
    var command: Bosdyn_Api_RobotCommandService.Client<Transport> { .init(wrapping: self.client) }
    var state: Bosdyn_Api_RobotStateService.Client<Transport> { .init(wrapping: self.client) }
    var estop: Bosdyn_Api_EstopService.Client<Transport> { .init(wrapping: self.client) }
    var keepalive: Bosdyn_Api_Keepalive_KeepaliveService.Client<Transport> {
      .init(wrapping: self.client)
    }

    /// Acquires (or takes) the body lease as `clientName`.
    func acquire(_ clientName: String, take: Bool = false) async throws -> Bosdyn_Api_Lease {
      if take {
        var request = Bosdyn_Api_TakeLeaseRequest()
        request.header.clientName = clientName
        request.resource = "body"
        let response = try await self.lease.takeLease(request)
        try #require(response.status == .ok)
        return response.lease
      }
      var request = Bosdyn_Api_AcquireLeaseRequest()
      request.header.clientName = clientName
      request.resource = "body"
      let response = try await self.lease.acquireLease(request)
      try #require(response.status == .ok)
      return response.lease
    }
  }

  /// Serves the services for the duration of `body`.
  func serve<Result: Sendable>(
    serviceFaults: @escaping @Sendable () -> [Bosdyn_Api_ServiceFault] = { [] },
    _ body: (Connection) async throws -> Result
  ) async throws -> Result {
    let logger = Logger(label: "spot-sim-test")
    let services: [any RegistrableRPCService] = [
      LeaseService(ledger: self.ledger, logger: logger),
      PowerService(ledger: self.ledger, body: self.body, logger: logger),
      RobotCommandService(ledger: self.ledger, body: self.body, logger: logger),
      RobotStateService(body: self.body, serviceFaults: serviceFaults, logger: logger),
      EstopService(body: self.body, logger: logger),
      KeepaliveService(logger: logger),
    ]
    let server = GRPCServer(
      transport: HTTP2ServerTransport.Posix(
        address: .ipv4(host: "127.0.0.1", port: 0),
        transportSecurity: .plaintext
      ),
      services: services
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
}
