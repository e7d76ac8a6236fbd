import ArgumentParser
import BosdynAPI
import BosdynCommandLine
import BosdynCore
import BosdynRobot
import Logging

extension ReplayMissionCommand {
  /// `simple FILE`: a mission tree stored as a serialized `bosdyn.api.mission.Node`.
  struct Simple: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Play a mission tree (a serialized bosdyn.api.mission.Node, e.g. from "
        + "build-mission)."
    )

    @ParentCommand var parent: ReplayMissionCommand

    @Argument(help: ArgumentHelp("The mission file.", valueName: "mission-file"))
    var missionFile: String

    @OptionGroup var playback: PlaybackOptions

    func run() async throws {
      BosdynLogHandler.bootstrap(verbose: self.parent.verbose)
      // Until the robot is reached there is nothing to clean up: a signal while the files are
      // read ends the program at once, also when a script started it with SIGINT ignored.
      Interruption.restoreDefaultInterruptAction()
      let source: SimpleMission
      do {
        source = try SimpleMission(path: self.missionFile)
      } catch {
        throw ReplayExit.failure("\(error)")
      }
      try await self.parent.replay(source, playback: self.playback.playback)
    }
  }
}

extension ReplayMissionCommand {
  /// The client name the robot's logs show for this program.
  static let clientName = "replay-mission"

  /// Connects and replays `source`, turning every way of failing into one line and an exit
  /// status.
  func replay(_ source: any MissionSource, playback: MissionReplay.Playback) async throws {
    let logger = Logger(label: "replay-mission")
    let robot = self.robot
    do {
      let credentials = try robot.credentials()
      let status = try await Interruption.withSignals { interruption in
        Output.lines(["Replaying \(source.summary) on \(robot.robot)"])
        return try await withRobotConnection(
          to: try robot.address(),
          configuration: robot.connectionConfiguration(clientName: Self.clientName),
          logger: logger
        ) { connection in
          let replay = MissionReplay(
            source: source,
            playback: playback,
            robotName: robot.robot,
            interruption: interruption,
            logger: logger
          )
          return try await replay.run(on: connection, credentials: credentials)
        }
      }
      // A static run (--static) loads and plays nothing: the mission stays STATUS_NONE.
      let loadedOnly = playback.isStatic && status == .none
      if !loadedOnly && !MissionReplay.succeeded(status) { throw ExitCode.failure }
    } catch let interrupted as Interruption.Interrupted {
      printError("Interrupted by \(interrupted.signal).")
      throw ExitCode(interrupted.exitStatus)
    } catch let exit as ExitCode {
      throw exit
    } catch {
      throw ReplayExit.failure(Self.explain(error, robot: robot.robot))
    }
  }

  /// One line for a failure, in the words a user acts on.
  static func explain(_ error: any Error, robot: String) -> String {
    switch error {
    case let error as ClientError:
      switch error.code {
      case .invalidLogin: return "Username and/or password are invalid."
      case .invalidToken: return "The provided user token is invalid."
      case .unavailable, .timedOut:
        return
          "Could not contact robot with hostname \"\(robot)\" (\(error.code): \(error.message))."
      case .compilationError, .validationError:
        return "The robot refused the mission: \(error.message)."
      case .leaseUseError, .leaseNotOwned:
        return "Lost the body lease while playing (\(error.message)): another client took it."
      case .estopped: return "Robot is estopped: \(error.message)."
      default: return "\(error)"
      }
    default:
      return "\(error)"
    }
  }
}

/// Ends the program with one line on standard error and status 1, without a usage text.
enum ReplayExit {
  static func failure(_ line: String) -> ExitCode {
    printError(line)
    return ExitCode.failure
  }
}
