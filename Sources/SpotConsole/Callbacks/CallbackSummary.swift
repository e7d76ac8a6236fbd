import BosdynAPI
import GRPCCore
import SpotSimulator
import SwiftProtobuf

/// One registered remote mission service, as the callbacks list shows it (and the `callbacks`
/// live event carries it).
struct CallbackSummary: Sendable, Codable, Equatable {
  var name: String
  var authority: String
  var host: String
  var port: Int
  /// `host:port`.
  var address: String
  /// Whether the service keeps re-registering within its liveness timeout.
  var alive: Bool
  /// "Alive", or why not.
  var liveness: String
  /// When it last registered or updated, UTC.
  var lastUpdate: String

  /// The directory type of a remote mission service.
  static let serviceType = Bosdyn_Api_Mission_RemoteMissionService.descriptor.fullyQualifiedService

  /// Every registered remote mission service, by name.
  static func all(in registry: ServiceRegistry) -> [CallbackSummary] {
    let faults = Set(registry.serviceFaults().map(\.faultID.serviceName))
    return registry.entries().compactMap { entry in
      guard entry.type == Self.serviceType, let endpoint = registry.endpoint(named: entry.name)
      else { return nil }
      let alive = !faults.contains(entry.name)
      return CallbackSummary(
        name: entry.name,
        authority: entry.authority,
        host: endpoint.hostIp,
        port: Int(endpoint.port),
        address: RobotSnapshot.address(host: endpoint.hostIp, port: Int(endpoint.port)),
        alive: alive,
        liveness: alive ? "Alive" : "No heartbeat",
        lastUpdate: entry.hasLastUpdate ? TimeText.utc(entry.lastUpdate.date) : "—"
      )
    }
  }

  /// The registered remote mission service called `name`, if there is one.
  static func named(_ name: String, in registry: ServiceRegistry) -> CallbackSummary? {
    Self.all(in: registry).first { $0.name == name }
  }
}
