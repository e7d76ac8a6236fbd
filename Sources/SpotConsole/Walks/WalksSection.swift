import AutowalkCompiler
import Foundation
import BosdynAPI
import SpotSimulator
import SwiftProtobuf

/// The walks page: compose a walk from the callbacks' actions (added from their forms) and
/// questions, play it as a mission on the robot's mission service, follow its nodes and
/// answer its questions.
struct WalksSection: ConsoleSection {
  let walk: WalkPlayer
  let robot: SimulatedRobot
  let configuration: SpotConsole.Configuration

  /// The walk directories saved from this page, in the robot's data directory.
  var saved: SavedWalks {
    SavedWalks(
      folder: URL(fileURLWithPath: self.robot.configuration.dataDirectory)
        .appendingPathComponent("walks", isDirectory: true)
    )
  }

  var title: String { "Walks" }
  var path: String { "/walks" }

  func addRoutes(to routes: ConsoleRoutes) {
    routes.get("/walks") { request in
      .page(
        title: "Walks",
        content: WalksPage.content(
          steps: self.walk.steps,
          snapshot: self.walk.snapshot(),
          saved: self.saved.names(),
          request: request
        )
      )
    }
    routes.get("/walks/events") { _ in
      .events(
        WalkUpdates(
          walk: self.walk,
          clock: self.robot.configuration.clock,
          interval: self.configuration.refreshInterval
        ).stream()
      )
    }
    routes.get("/walks/walk-mission.pb") { _ in
      let steps = self.walk.steps
      guard !steps.isEmpty else { return .text("The walk has no actions yet.", status: 404) }
      let mission = steps.mission(callbackTimeout: self.configuration.runTimeout)
      return .file(
        try mission.serializedBytes(),
        name: "walk-mission.pb",
        type: "application/octet-stream"
      )
    }
    routes.post("/walks/load") { request in
      guard let encoded = request.form.value("mission"), !encoded.isEmpty else {
        return .redirect(
          to: "/walks",
          flash: "Choose a mission file to load (the page's script reads it).",
          isError: true
        )
      }
      let name = request.form.value("file_name") ?? "the file"
      guard let data = Data(base64Encoded: encoded),
        let root = try? Bosdyn_Api_Mission_Node(serializedBytes: data),
        let steps = [WalkStep](mission: root)
      else {
        return .redirect(
          to: "/walks",
          flash: "\(name) is not a walk the console saved (a sequence of callbacks and questions).",
          isError: true
        )
      }
      guard self.walk.replace(with: steps) else {
        return .redirect(to: "/walks", flash: WalkPlayer.tooManyStepsMessage, isError: true)
      }
      return .redirect(
        to: "/walks",
        flash: "Loaded \(steps.count) \(steps.count == 1 ? "action" : "actions") from \(name)."
      )
    }
    routes.post("/walks/save") { request in
      let name = request.form.value("name")?.trimmingCharacters(in: .whitespaces) ?? ""
      do throws(SavedWalks.Failure) {
        let directory = try self.saved.save(
          self.walk.steps,
          name: name,
          callbackTimeout: self.configuration.runTimeout
        )
        return .redirect(
          to: "/walks",
          flash: "Saved \(name) to \(directory.path). replay-mission ROBOT autowalk "
            + "--walk-directory '\(directory.path)' --walk-filename "
            + "\(WalkDirectory.defaultWalkFileName) plays it."
        )
      } catch {
        return .redirect(to: "/walks", flash: error.message, isError: true)
      }
    }
    routes.post("/walks/open") { request in
      let name = request.form.value("name") ?? ""
      do throws(SavedWalks.Failure) {
        let steps = try self.saved.load(name)
        guard self.walk.replace(with: steps) else {
          return .redirect(to: "/walks", flash: WalkPlayer.tooManyStepsMessage, isError: true)
        }
        return .redirect(
          to: "/walks",
          flash: "Opened \(name): \(steps.count) \(steps.count == 1 ? "action" : "actions")."
        )
      } catch {
        return .redirect(to: "/walks", flash: error.message, isError: true)
      }
    }
    routes.post("/walks/questions") { request in
      let text = request.form.value("text")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
      let options = (request.form.value("options") ?? "").split(separator: ",")
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      guard !text.isEmpty, !options.isEmpty else {
        return .redirect(
          to: "/walks",
          flash: "A question needs its text and at least one answer.",
          isError: true
        )
      }
      guard let hasOwnWaypoint = WalkStep.hasOwnWaypoint(request.form) else {
        return .redirect(to: "/walks", flash: WalkStep.unknownPlaceMessage, isError: true)
      }
      guard
        self.walk.add(
          WalkStep(.prompt(text: text, options: options), hasOwnWaypoint: hasOwnWaypoint)
        )
      else {
        return .redirect(to: "/walks", flash: WalkPlayer.tooManyStepsMessage, isError: true)
      }
      return .redirect(to: "/walks", flash: "Added the question to the walk.")
    }
    routes.post("/walks/steps/{step}/remove") { request in
      let removed = self.walk.remove(id: request.parameter("step") ?? "")
      return .redirect(
        to: "/walks",
        flash: removed ? "Removed the action." : "That action is gone.",
        isError: !removed
      )
    }
    routes.post("/walks/steps/{step}/up") { request in
      _ = self.walk.move(id: request.parameter("step") ?? "", up: true)
      return .redirect(to: "/walks")
    }
    routes.post("/walks/steps/{step}/down") { request in
      _ = self.walk.move(id: request.parameter("step") ?? "", up: false)
      return .redirect(to: "/walks")
    }
    routes.post("/walks/play") { request in
      Self.answer(await self.walk.play(username: request.username))
    }
    routes.post("/walks/autowalk") { request in
      Self.answer(await self.walk.play(username: request.username, mode: .autowalk))
    }
    routes.post("/walks/pause") { _ in Self.answer(self.walk.pause()) }
    routes.post("/walks/stop") { _ in Self.answer(self.walk.stop()) }
    routes.post("/walks/answer") { request in
      guard let question = request.form.value("question").flatMap({ Int64($0) }),
        let code = request.form.value("code").flatMap({ Int64($0) })
      else { return .redirect(to: "/walks", flash: "That answer is malformed.", isError: true) }
      return Self.answer(self.walk.answer(questionID: question, code: code))
    }
  }

  private static func answer(_ result: (message: String, isError: Bool)) -> ConsoleResponse {
    .redirect(to: "/walks", flash: result.message, isError: result.isError)
  }
}
