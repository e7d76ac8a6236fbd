import ArgumentParser
import BosdynAPI
import BosdynCommandLine
import BosdynCore
import BosdynRobot
import SwiftProtobuf

/// `bosdyn ROBOT mission …`: read and steer the mission the robot is playing, from a second
/// terminal while `replay-mission` (or a tablet) plays it.
enum MissionCLICommand: Equatable {
  case state
  case pause
  case stop
  case answer(question: Int64, code: Int64)

  /// Parses the words after `mission`.
  ///
  /// - Throws: A usage error naming what was wrong.
  init(_ words: [String]) throws {
    switch words {
    case ["state"]: self = .state
    case ["pause"]: self = .pause
    case ["stop"]: self = .stop
    default:
      guard words.first == "answer" else {
        throw ValidationError(
          "mission takes state, pause, stop or answer QUESTION CODE (got '"
            + words.joined(separator: " ") + "')"
        )
      }
      guard words.count == 3, let question = Int64(words[1]), let code = Int64(words[2]) else {
        throw ValidationError(
          "mission answer takes a question id and an answer code, both whole numbers, as "
            + "`mission state` lists them (got '" + words.dropFirst().joined(separator: " ")
            + "')"
        )
      }
      self = .answer(question: question, code: code)
    }
  }

  func run(on robot: RobotConnection, asProto: Bool, takeLease: Bool) async throws {
    let missions = MissionClient(connection: robot)
    switch self {
    case .state:
      let state = try await missions.state()
      if asProto {
        print(state.textFormatString())
      } else {
        let info = state.missionID >= 0 ? try await missions.info() : nil
        for line in MissionStateText(state: state, info: info).lines { print(line) }
      }
    case .pause, .stop:
      try await self.steer(robot, takeLease: takeLease)
    case .answer(let question, let code):
      do {
        try await missions.answer(questionID: question, code: code)
        print("Answered question \(question) with \(code).")
      } catch let error as ClientError {
        printError(try await Self.explainRefusal(error, question: question, missions: missions))
        throw CommandFailure()
      }
    }
  }

  /// Pauses or stops, without a lease unless `takeLease` (see the command's discussion).
  private func steer(_ robot: RobotConnection, takeLease: Bool) async throws {
    let verb = self == .pause ? "pause" : "stop"
    do {
      if takeLease {
        let wallet = LeaseWallet(clientName: robot.configuration.clientName)
        let leases = LeaseClient(connection: robot, wallet: wallet)
        let lease = try await leases.take()
        let outcome: Result<Void, any Error>
        do {
          try await self.send(MissionClient(connection: robot, wallet: wallet))
          outcome = .success(())
        } catch {
          outcome = .failure(error)
        }
        try? await leases.returnLease(lease, timeout: .seconds(2))
        try outcome.get()
      } else {
        try await self.send(MissionClient(connection: robot))
      }
      print(self == .pause ? "Paused the mission." : "Stopped the mission.")
    } catch let error as ClientError where error.code == .noMissionPlaying {
      printError("Nothing to \(verb): no mission is playing (\(error.code)).")
      throw CommandFailure()
    } catch let error as ClientError where error.code == .leaseUseError && !takeLease {
      printError(
        "The robot wants the body lease to \(verb) the mission (\(error.code): "
          + "\(error.message)); run again with --take-lease to take it from its holder."
      )
      throw CommandFailure()
    }
  }

  private func send(_ missions: MissionClient) async throws {
    if self == .pause { try await missions.pause() } else { try await missions.stop() }
  }

  /// The refusal of an answer in a user's words, with the error's code so that scripts and
  /// searches find it: for a wrong code, the codes the question takes.
  private static func explainRefusal(
    _ error: ClientError,
    question: Int64,
    missions: MissionClient
  ) async throws -> String {
    let detail: String
    switch error.code {
    case .invalidQuestionID:
      detail = "no question \(question) is outstanding (`mission state` lists the questions)"
    case .invalidAnswerCode:
      let asked = try? await missions.state().questions.first { $0.id == question }
      let codes = asked?.options.map { "\($0.answerCode) = \($0.text)" }.joined(separator: ", ")
      detail = "\(error.message)" + (codes.map { "; it takes \($0)" } ?? "")
    case .questionAlreadyAnswered:
      detail = "question \(question) was answered already"
    case .incompatibleAnswer:
      detail = "question \(question) wants custom parameters, not an answer code"
    default:
      return "\(error)"
    }
    return "The robot refused the answer (\(error.code)): \(detail)."
  }
}
