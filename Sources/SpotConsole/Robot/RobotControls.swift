import BosdynAPI
import BosdynCore
import SpotSimulator

/// The robot page's buttons, done the way the tablet does them: take the body lease, command
/// the body with it (judged by the same ledger as every client's commands), return the lease.
///
/// Taking the lease is what the tablet's "take control" does: a client that held it loses it
/// (its lease becomes older), which is how an operator at the tablet overrides a program.
struct RobotControls: Sendable {
  /// The name in the lease's owner, next to the signed-in user.
  static let clientName = "spot-console"

  let robot: SimulatedRobot

  /// What a button did, for the message on the next page.
  struct Outcome: Sendable, Equatable {
    var isError: Bool
    var message: String
  }

  /// Powers the motors on or off.
  func power(on: Bool, username: String) -> Outcome {
    if on && self.robot.body.motorPowerState == .stateOn {
      return Outcome(isError: false, message: "The motors are already on.")
    }
    return self.withBodyLease(username: username) {
      switch self.robot.body.requestPower(on: on) {
      case .success:
        return Outcome(
          isError: false,
          message: on ? "Powering the motors on." : "Powering the motors off."
        )
      case .failure(let refusal):
        return Outcome(
          isError: true,
          message:
            "The robot refused to power \(on ? "on" : "off"): \(Self.reason(refusal.status))."
        )
      }
    }
  }

  /// Stands the robot up or sits it down.
  func stance(stand: Bool, username: String) -> Outcome {
    var command = Bosdyn_Api_RobotCommand()
    if stand {
      command.synchronizedCommand.mobilityCommand.standRequest = .init()
    } else {
      command.synchronizedCommand.mobilityCommand.sitRequest = .init()
    }
    return self.withBodyLease(username: username) {
      switch self.robot.body.execute(command) {
      case .success:
        return Outcome(isError: false, message: stand ? "Standing up." : "Sitting down.")
      case .failure(let refusal):
        return Outcome(
          isError: true,
          message: "The robot refused to \(stand ? "stand" : "sit"): \(refusal.message)"
        )
      }
    }
  }

  /// Takes the body lease, runs `command` if the ledger accepts the lease, returns the lease.
  private func withBodyLease(username: String, _ command: () -> Outcome) -> Outcome {
    var owner = Bosdyn_Api_LeaseOwner()
    owner.clientName = Self.clientName
    owner.userName = username
    let taken = self.robot.leases.take(resource: "body", owner: owner)
    guard taken.status == .ok else {
      return Outcome(isError: true, message: "Could not take the body lease (\(taken.status)).")
    }
    defer { _ = self.robot.leases.returnLease(taken.lease) }
    let verdict = self.robot.leases.judge([taken.lease], resource: "body")
    guard verdict.status == .ok else {
      return Outcome(isError: true, message: "The body lease was refused (\(verdict.status)).")
    }
    return command()
  }

  private static func reason(_ status: Bosdyn_Api_PowerCommandStatus) -> String {
    switch status {
    case .statusEstopped: "the E-Stop is engaged"
    case .statusShorePowerConnected: "the robot is on shore power"
    default: "\(status)"
    }
  }
}
