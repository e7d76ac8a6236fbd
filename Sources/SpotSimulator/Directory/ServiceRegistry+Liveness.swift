public import BosdynAPI
import BosdynCore
import Logging
import Synchronization
import SwiftProtobuf

extension ServiceRegistry {
  /// One fault per registered service past its liveness timeout, for robot state's
  /// `service_fault_state`. A later register or update of the service clears its fault.
  public func serviceFaults() -> [Bosdyn_Api_ServiceFault] {
    self.checkLiveness()
    let unhealthy = self.state.withLock { state in
      state.registrations.values.compactMap { registration in
        registration.unhealthySince.map { (registration.entry, $0) }
      }
    }
    return unhealthy.sorted(by: { $0.0.name < $1.0.name }).map { entry, onset in
      var fault = Bosdyn_Api_ServiceFault()
      fault.faultID.faultName = Self.livenessFaultName
      fault.faultID.serviceName = entry.name
      fault.errorMessage = Self.livenessMessage(for: entry)
      fault.attributes = ["directory", "liveness"]
      fault.severity = .warn
      fault.onsetTimestamp = onset
      return fault
    }
  }

  /// The names of the services marked unhealthy, as they stand (without a new check), sorted.
  func unhealthyServiceNames() -> [String] {
    self.state.withLock { state in
      state.registrations.filter { $0.value.unhealthySince != nil }.keys.sorted()
    }
  }

  /// The `fault_name` of a liveness fault.
  public static let livenessFaultName = "Liveness timeout"

  /// Marks services whose last heartbeat is older than their liveness timeout, logging a
  /// warning once per lapse. Cheap enough to call on every read.
  func checkLiveness() {
    let now = self.clock.now
    let lapsed = self.state.withLock { state -> [Bosdyn_Api_ServiceEntry] in
      var lapsed: [Bosdyn_Api_ServiceEntry] = []
      for (name, registration) in state.registrations {
        let timeout = registration.entry.livenessTimeoutSecs
        guard timeout > 0, registration.unhealthySince == nil,
          now - registration.lastHeartbeat > .seconds(timeout)
        else { continue }
        state.registrations[name]?.unhealthySince = Google_Protobuf_Timestamp(
          date: self.clock.wallNow
        )
        lapsed.append(registration.entry)
      }
      return lapsed
    }
    for entry in lapsed {
      self.logger.warning("\(Self.livenessMessage(for: entry)): marked unhealthy")
    }
  }

  private static func livenessMessage(for entry: Bosdyn_Api_ServiceEntry) -> String {
    "Service \(entry.name) (\(entry.type)) has not registered or updated within its liveness "
      + "timeout of \(entry.livenessTimeoutSecs) s"
  }
}
