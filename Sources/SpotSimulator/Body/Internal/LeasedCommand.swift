import BosdynAPI
import BosdynCore
import Logging
import SwiftProtobuf

/// A command request that may carry a lease: power, robot command and clear-behavior-fault
/// requests, which the body services check the same way.
protocol LeasedCommand {
  /// Whether the request carries a lease.
  var hasLease: Bool { get }
  /// The lease, when ``hasLease``.
  var lease: Bosdyn_Api_Lease { get }
}

extension Bosdyn_Api_PowerCommandRequest: LeasedCommand {}
extension Bosdyn_Api_RobotCommandRequest: LeasedCommand {}
extension Bosdyn_Api_ClearBehaviorFaultRequest: LeasedCommand {}

extension LeaseLedger {
  /// The verdict on the lease `command` carries for `resource`; a command without one is judged
  /// as carrying none (`STATUS_INVALID_LEASE`), as on the robot.
  func judge(leaseOf command: some LeasedCommand, resource: String) -> Bosdyn_Api_LeaseUseResult {
    self.judge(command.hasLease ? [command.lease] : [], resource: resource)
  }
}

extension Logger {
  /// The one line the power and robot command services log per command, statuses by their
  /// .proto names: `PowerCommand REQUEST_ON_MOTORS from alice: STATUS_IN_PROGRESS, lease
  /// STATUS_OK`.
  func command(
    _ call: String,
    from header: Bosdyn_Api_RequestHeader,
    status: some SwiftProtobuf.Enum,
    lease: Bosdyn_Api_LeaseUseResult.Status
  ) {
    self.info(
      "\(call) from \(header.callerForLog): \(protoName(status)), lease \(protoName(lease))"
    )
  }
}
