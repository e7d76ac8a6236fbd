import BosdynAPI
import Foundation
import MissionExecutor
import SpotSimulator
import TestSupport

extension TestRobot {
  /// `replay-mission [credentials] ROBOT simple FILE [arguments]` against this robot.
  func replayArguments(_ file: String, _ arguments: [String] = []) -> [String] {
    self.credentialArguments + [self.address, "simple", file] + arguments
  }

  /// Starts `replay-mission … simple FILE` against this robot.
  func startReplay(_ file: String, _ arguments: [String] = []) throws -> ChildProcess {
    try ChildProcess(
      try TestEnvironment.executable("replay-mission"),
      self.replayArguments(file, arguments)
    )
  }

  /// Runs `bosdyn [credentials] ROBOT words…` to completion.
  func bosdyn(_ words: [String], options: [String] = []) async throws
    -> (status: Int32, stdout: String, stderr: String)
  {
    try await ChildProcess.run(
      try TestEnvironment.executable("bosdyn"),
      self.credentialArguments + options + [self.address] + words
    )
  }

  /// Whether nobody holds the body lease (never taken, or returned).
  var bodyLeaseIsFree: Bool {
    let body = self.robot.leases.list(includeFullLeaseInfo: false).resources
      .first { $0.resource == "body" }
    return body.map { !$0.hasLeaseOwner || $0.leaseOwner.clientName.isEmpty } ?? true
  }

  /// The mission service's status now.
  var missionStatus: Bosdyn_Api_Mission_State.Status {
    self.robot.missions.state(for: Bosdyn_Api_Mission_GetStateRequest()).status
  }
}
