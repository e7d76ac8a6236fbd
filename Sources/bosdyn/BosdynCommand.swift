import ArgumentParser
import BosdynCore
import BosdynCommandLine
import BosdynRobot
import Foundation
import SimulatorDefaults
import Logging

/// `bosdyn`: a few commands of the Python SDK's `python -m bosdyn.client ROBOT …` command line,
/// printing what it prints.
@main
struct BosdynCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bosdyn",
    abstract: "Ask a robot (or spot-sim) about itself: the Python SDK's `bosdyn.client` commands.",
    discussion: """
      COMMAND is one of:
        self-ip          the IP address of this computer's interface toward the robot
        id               the robot's serial number, nickname and software version
        dir list         every service in the robot's directory
        dir get NAME     one service's directory entry
        time-sync        round-trip time and clock difference to the robot
        lease list       every lease resource and its holder
        estop stop       engage a software E-Stop (the robot cuts motor power)
        estop release    release the E-Stop estop stop engaged
        mission state    the mission's status, tick counter, id, running nodes and questions
        mission pause    pause the playing mission (play resumes it)
        mission stop     stop the mission (only a restart runs it again)
        mission answer QUESTION CODE
                         answer an outstanding question with one of its option codes

      mission pause and stop send no lease: the robot's mission service lets an operator \
      without the body lease pause or stop a mission, and taking the lease would cut off the \
      program playing it. With --take-lease they take the body lease for the call (from \
      whoever holds it) and return it afterwards, for a robot that insists on one.

      self-ip and id need no credentials; the others take --username/--password, else \
      BOSDYN_CLIENT_USERNAME/BOSDYN_CLIENT_PASSWORD, else ask on the terminal. The robot's \
      TLS certificate is checked against --robot-ca, else $BOSDYN_ROBOT_CA, else the CA of \
      a spot-sim started on this computer (\(SimulatorDefaults.caCertificatePath)).
      """
  )

  /// `ROBOT`, `--robot-ca`, `--username`, `--password`: as every robot-mode program of the
  /// package takes them. Declared first, so `ROBOT` comes before the command words.
  @OptionGroup var robot: RobotOptions

  @Flag(name: [.short, .long], help: "Print debug-level messages.")
  var verbose = false

  @Flag(help: "Print listings in protobuf text format.")
  var proto = false

  @Flag(help: "mission pause/stop: take the body lease for the call, and return it after.")
  var takeLease = false

  @Argument(help: "The command and its arguments (see below).")
  var command: [String] = []

  func validate() throws {
    let command = try RobotCLICommand(self.command)
    if self.takeLease {
      switch command {
      case .mission(.pause), .mission(.stop): break
      default: throw ValidationError("--take-lease goes with mission pause or mission stop only.")
      }
    }
  }

  func run() async throws {
    BosdynLogHandler.bootstrap(verbose: self.verbose)
    let command = try RobotCLICommand(self.command)
    // RobotOptions.validate() checked the address already.
    let address = try self.robot.address()
    if case .selfIP = command {
      print("The IP address of the computer used to talk to the robot is: \(address.selfIP())")
      return
    }
    let configuration = self.robot.connectionConfiguration(clientName: "BosdynClient")
    let credentials = command.needsAuthentication ? try self.robot.credentials() : nil
    let (proto, takeLease) = (self.proto, self.takeLease)
    do {
      // Ctrl+C and SIGTERM end every step (also when a script started the program in the
      // background, where SIGINT arrives ignored): the connection closes on the way out.
      try await Interruption.withSignals { interruption in
        try await interruption.interruptible {
          try await withRobotConnection(to: address, configuration: configuration) { robot in
            if let credentials { try await robot.authenticate(credentials) }
            try await command.run(on: robot, asProto: proto, takeLease: takeLease)
          }
        }
      }
    } catch let interrupted as Interruption.Interrupted {
      printError("Interrupted by \(interrupted.signal).")
      throw ExitCode(interrupted.exitStatus)
    } catch let error as ClientError {
      switch error.code {
      case .invalidLogin: printError("Username and/or password are invalid.")
      case .invalidToken: printError("The provided user token is invalid.")
      case .temporarilyLockedOut:
        printError(
          "Too many failed log-ins: the robot has locked this user out for a minute. Try again later."
        )
      case .unavailable:
        printError("Could not contact robot with hostname \"\(self.robot.robot)\".")
      default: printError("\(error)")
      }
      throw ExitCode.failure
    } catch let error as RobotConnectionError {
      printError("\(error)")
      throw ExitCode.failure
    } catch let error as CommandFailure {
      _ = error
      throw ExitCode.failure
    }
  }
}

/// A command that printed its own explanation and only needs the exit status set.
struct CommandFailure: Error {}
