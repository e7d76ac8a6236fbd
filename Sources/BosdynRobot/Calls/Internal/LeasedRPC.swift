import BosdynAPI
import BosdynCore
import GRPCCore

/// The calls of a client whose commands carry leases (the lease, power and robot command
/// clients): a ``RobotRPC`` plus the wallet that lease use results keep current. One place
/// decides what a lease use result does, so the three clients cannot drift apart.
struct LeasedRPC: Sendable {
  /// Makes the calls.
  let rpc: RobotRPC
  /// The wallet leases come from and lease use results update, if any.
  let wallet: LeaseWallet?

  init(connection: RobotConnection, wallet: LeaseWallet?, authority: String) {
    self.rpc = RobotRPC(connection: connection, authority: authority)
    self.wallet = wallet
  }

  /// Hands the robot's verdict on a lease to the wallet (as the Python clients do), then throws
  /// a `leaseUseError` carrying it unless the lease was accepted.
  func check(_ result: Bosdyn_Api_LeaseUseResult, _ method: MethodDescriptor) throws {
    self.wallet?.onLeaseUseResult(result)
    if let error = ClientError.from(
      leaseUseResults: [result],
      method: method.fullyQualifiedMethod
    ) {
      throw error
    }
  }
}
