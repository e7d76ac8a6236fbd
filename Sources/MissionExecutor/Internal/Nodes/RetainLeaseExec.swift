import BosdynCore
import BosdynAPI

/// RetainLease: retains every lease given to play with the lease service, then succeeds.
///
/// One RetainLease request per lease, made together in one call to the environment; a lease
/// the service does not accept (`lease_use_result` not OK) fails the node, as does having no
/// lease to retain.
final class RetainLeaseExec: EnvironmentCallExec {
  private let address: ServiceAddress

  init(index: Int, name: String, address: ServiceAddress) {
    self.address = address
    super.init(index: index, name: name, children: [])
  }

  override func start(_ context: TickContext) {
    self.forgetCalls()
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    if let answer = self.takeAnswer() {
      if let message = answer.failureMessage("lease retain with '\(self.address)'") {
        return context.fail(message)
      }
      if case .answered(let responses as [Bosdyn_Api_RetainLeaseResponse]) = answer {
        for response in responses where response.leaseUseResult.status != .ok {
          return context.fail(
            "lease \(response.leaseUseResult.attemptedLease.resource) not retained: "
              + "\(response.leaseUseResult.status)"
          )
        }
      }
      return .success
    }
    guard !self.isCalling else { return .running }
    let leases = context.mission.leases.values.sorted { $0.resource < $1.resource }
    guard !leases.isEmpty else { return context.fail("no lease was given to play to retain") }
    let address = self.address
    self.send(context) { environment in
      var responses: [Bosdyn_Api_RetainLeaseResponse] = []
      for lease in leases {
        var request = Bosdyn_Api_RetainLeaseRequest()
        request.lease = lease
        responses.append(try await environment.retainLease(request, at: address))
      }
      return responses
    }
    return .running
  }
}
