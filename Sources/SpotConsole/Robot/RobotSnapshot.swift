import BosdynAPI
import BosdynCore
import SpotSimulator

/// What the robot page shows, read from the simulator's own state: the same for the first
/// render and for every live update (``ServerSentEvent`` `robot`).
struct RobotSnapshot: Sendable, Codable, Equatable {
  /// One directory entry.
  struct DirectoryRow: Sendable, Codable, Equatable {
    var name: String
    var type: String
    var authority: String
    /// `host:port` for a registered service; empty for the robot's own.
    var endpoint: String
    /// "OK", or the liveness fault.
    var liveness: String
    var healthy: Bool
  }

  /// "On", "Off", "Powering on", "Powering off".
  var power: String
  /// `on`, `off` or `busy`: the colour of ``power``.
  var powerTone: String
  var standing: Bool
  /// "Standing", "Sitting" or "Motors off".
  var stance: String
  /// Who holds the body lease: "client (user)", or "Nobody".
  var leaseOwner: String
  var estopped: Bool
  /// "Stopped" or "Not stopped".
  var estop: String
  /// The robot's clock, UTC.
  var robotTime: String
  var directory: [DirectoryRow]

  /// The robot as it is now.
  init(robot: SimulatedRobot) {
    let body = robot.body
    switch body.motorPowerState {
    case .stateOn:
      (self.power, self.powerTone) = ("On", "on")
    case .statePoweringOn:
      (self.power, self.powerTone) = ("Powering on", "busy")
    case .statePoweringOff:
      (self.power, self.powerTone) = ("Powering off", "busy")
    case .stateOff:
      (self.power, self.powerTone) = ("Off", "off")
    case .stateError:
      (self.power, self.powerTone) = ("Error", "error")
    case .stateUnknown, .UNRECOGNIZED:
      (self.power, self.powerTone) = ("Unknown", "error")
    }
    self.standing = body.isStanding
    self.stance = body.isPoweredOn ? (self.standing ? "Standing" : "Sitting") : "Motors off"
    self.estopped = body.isEstopped
    self.estop = self.estopped ? "Stopped" : "Not stopped"
    self.robotTime = TimeText.utc(robot.configuration.clock.wallNow)
    let bodyLease = robot.leases.list(includeFullLeaseInfo: false).resources.first {
      $0.resource == "body"
    }
    if let owner = bodyLease?.leaseOwner, bodyLease?.hasLeaseOwner == true,
      !owner.clientName.isEmpty || !owner.userName.isEmpty
    {
      self.leaseOwner =
        owner.userName.isEmpty ? owner.clientName : "\(owner.clientName) (\(owner.userName))"
    } else {
      self.leaseOwner = "Nobody"
    }
    let faults = Dictionary(
      robot.registry.serviceFaults().map { ($0.faultID.serviceName, $0.faultID.faultName) },
      uniquingKeysWith: { first, _ in first }
    )
    self.directory = robot.registry.entries().map { entry in
      let endpoint = robot.registry.endpoint(named: entry.name)
      return DirectoryRow(
        name: entry.name,
        type: entry.type,
        authority: entry.authority,
        endpoint: endpoint.map { Self.address(host: $0.hostIp, port: Int($0.port)) } ?? "",
        liveness: faults[entry.name] ?? "OK",
        healthy: faults[entry.name] == nil
      )
    }
  }

  /// `host:port`, with brackets around an IPv6 address.
  static func address(host: String, port: Int) -> String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }
}
