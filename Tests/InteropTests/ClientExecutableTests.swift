import BosdynClient
import BosdynAPI
import BosdynCore
import BosdynMission
import BosdynMissionTesting
import Synchronization
import Testing
import TestSupport

/// Runs twice, then fails with a message; counts its ticks.
final class FlakyServicer: RemoteMissionServicer {
  let ticks = Mutex(0)
  func tick(_ request: TickRequest) async throws -> TickResponse {
    let count = self.ticks.withLock { value in
      value += 1
      return value
    }
    return count < 3 ? .running() : .failure("the gripper is closed")
  }
}

@Suite("remote-mission-client against in-process Swift services")
struct ClientExecutableTests {
  @Test func itTicksWhileRunningAndPrintsTheErrorMessage() async throws {
    let servicer = FlakyServicer()
    try await withRemoteMissionTestServer(servicer: servicer) { _, port in
      let result = try await ChildProcess.run(
        try TestEnvironment.executable("remote-mission-client"),
        ["--hello-world", "local", "--host-ip", "127.0.0.1", "--port", "\(port)"]
      )
      #expect(result.status == 0, "\(result.stderr)")
      #expect(
        result.stdout
          == "Servicer stopped with status STATUS_FAILURE\n\tError message: the gripper is closed\n"
      )
    }
    #expect(servicer.ticks.withLock { $0 } == 3)
  }

  @Test func anErrorStatusExitsNonZeroWithTheReason() async throws {
    struct Refusing: RemoteMissionServicer {
      func tick(_ request: TickRequest) async throws -> TickResponse { .missingLeases(["body"]) }
    }
    try await withRemoteMissionTestServer(servicer: Refusing()) { _, port in
      let result = try await ChildProcess.run(
        try TestEnvironment.executable("remote-mission-client"),
        ["--hello-world", "local", "--host-ip", "127.0.0.1", "--port", "\(port)"]
      )
      #expect(result.status != 0)
      #expect(result.stderr.contains("missingLeases"), "\(result.stderr)")
      #expect(result.stderr.contains("body"))
    }
  }
}
