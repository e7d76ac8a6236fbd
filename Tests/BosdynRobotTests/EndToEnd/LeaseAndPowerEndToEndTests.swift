import BosdynAPI
import BosdynCore
import BosdynRobot
import ServiceLifecycle
import SpotSimulator
import SwiftProtobuf
import TestSupport
import Testing

@Suite("Leases and power against the simulated robot")
struct LeaseAndPowerEndToEndTests {
  @Test("acquire, keep alive, see it claimed by another client, return on stop")
  func leaseLifecycle() async throws {
    try await withSimulatedRobotConnection { simulator, robot in
      let wallet = LeaseWallet(clientName: "tester")
      let leases = LeaseClient(connection: robot, wallet: wallet)
      let acquired = try await leases.acquire()
      #expect(acquired.resource == "body")
      #expect(try await leases.retain(try wallet.lease()).status == .ok)

      try await withOtherClient(of: simulator) { other in
        let claimed = await #expect(throws: ClientError.self) {
          try await LeaseClient(connection: other).acquire()
        }
        #expect(claimed?.code == .resourceAlreadyClaimed)
      }

      let keepAlive = LeaseKeepAlive(
        client: leases,
        configuration: .init(interval: .milliseconds(100), returnOnStop: true),
        logger: quietLogger("lease")
      )
      let group = ServiceGroup(
        configuration: .init(services: [keepAlive], logger: quietLogger("group"))
      )
      func staleTime() -> Google_Protobuf_Timestamp? {
        simulator.leases.list(includeFullLeaseInfo: true).resources
          .first { $0.resource == "body" }?.staleTime
      }
      let before = staleTime()
      try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        // Each retain moves the time the lease would go stale.
        try await waitUntil("a retain by the keep-alive") { staleTime() != before }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
      }
      // Returned: another client may acquire it now.
      try await withOtherClient(of: simulator) { other in
        let again = try await LeaseClient(connection: other).acquire()
        #expect(again.compare(to: acquired) == .newer)
      }
    }
  }

  @Test("power on with the body lease, then safe power off with feedback")
  func powerOnAndSafePowerOff() async throws {
    try await withSimulatedRobotConnection { _, robot in
      let wallet = LeaseWallet(clientName: "tester")
      try await LeaseClient(connection: robot, wallet: wallet).acquire()
      let state = RobotStateClient(connection: robot)
      #expect(try await state.isPoweredOn() == false)

      try await PowerClient(connection: robot, wallet: wallet).powerOnMotors(
        timeout: .seconds(10),
        pollInterval: .milliseconds(50)
      )
      #expect(try await state.isPoweredOn())

      let commands = RobotCommandClient(connection: robot, wallet: wallet)
      let id = try await commands.safePowerOff()
      #expect(try await commands.safePowerOffFeedback(commandID: id) == .inProgress)
      let feedback = try await eventually("the safe power off to end") {
        let feedback = try await commands.safePowerOffFeedback(commandID: id)
        return feedback == .inProgress ? nil : feedback
      }
      #expect(feedback == .poweredOff)
      #expect(try await state.powerState().motorPowerState == .stateOff)
    }
  }

  @Test("a command with a stale lease is a lease use error")
  func staleLease() async throws {
    try await withSimulatedRobotConnection { _, robot in
      let old = try await LeaseClient(connection: robot).acquire()
      _ = try await LeaseClient(connection: robot).take()
      let error = await #expect(throws: ClientError.self) {
        try await PowerClient(connection: robot).powerOnMotors(lease: old, timeout: .seconds(5))
      }
      #expect(error?.code == .leaseUseError)
      #expect(error?.leaseUseResult?.status == .older)
    }
  }
}
