import Foundation
import SpotSimulator
import Testing
import TestSupport

/// The official Python `MissionClient` (bosdyn-mission 5.2.0, created with
/// `create_standard_sdk(name, [MissionClient])`) against the simulated robot's mission service
/// over TLS: its whole main path and every typed error it can raise, in one script run
/// (`mission_client_tour.py`), because a Python process with the SDK costs a second to start.
@Suite("Missions: the Python MissionClient against the simulated robot")
struct PythonMissionClientTests {
  @Test func itsMainPathAndEveryTypedErrorBehaveAsTheSDKExpects() async throws {
    try await TestRobot.with(configure: { $0.missionTickRate = 50 }) { robot in
      try Self.check(try await robot.runPython("mission_client_tour.py"))
    }
  }

  /// Checks what the tour script reported, step by step.
  private static func check(_ result: [String: Any]) throws {
    #expect(result["error"] == nil, "\(result)")

    // Before any load: STATUS_NONE, tick counter and mission id -1, no info, no mission.
    let initial = try #require(result["initial_state"] as? [String: Any])
    #expect(initial["status"] as? String == "STATUS_NONE")
    #expect(initial["tick_counter"] as? Int == -1)
    #expect(initial["mission_id"] as? Int == -1)
    #expect(result["initial_info_is_none"] as? Bool == true)
    #expect(result["initial_mission_has_root"] as? Bool == false)
    #expect(result["play_before_load"] as? String == "NoMissionError")
    #expect(result["restart_before_load"] as? String == "NoMissionError")
    #expect(result["pause_before_load"] as? String == "NoMissionPlayingError")
    #expect(result["stop_before_load"] as? String == "NoMissionPlayingError")

    // Refused loads, each with its typed error; none of them loads anything.
    #expect(result["unknown_type"] as? String == "CompilationError")
    let unknown = "\(result["unknown_type_failed_nodes"] ?? "")"
    #expect(unknown.contains("Mystery") && unknown.contains("NoSuchNode"), "\(unknown)")
    #expect(result["cyclic"] as? String == "CompilationError")
    #expect("\(result["cyclic_failed_nodes"] ?? "")".contains("cyclic"))
    #expect(result["deep_chunked"] as? String == "CompilationError")
    #expect(result["deep_packed"] as? String == "CompilationError")
    #expect(result["missing_service"] as? String == "ValidationError")
    #expect("\(result["missing_service_message"] ?? "")".contains("no-such-callback"))
    let afterRefusals = try #require(result["state_after_refusals"] as? [String: Any])
    #expect(afterRefusals["status"] as? String == "STATUS_NONE")
    #expect(afterRefusals["mission_id"] as? Int == -1)

    // Load three ways, read back.
    #expect(result["load_status"] as? String == "STATUS_OK")
    #expect(result["info_names"] as? [String] == ["Ask", "Wait"])
    #expect(result["info_ids_distinct"] as? Bool == true)
    #expect(result["get_mission_matches"] as? Bool == true)
    #expect(result["chunked_info_matches"] as? Bool == true)
    #expect(result["chunked_mission_matches"] as? Bool == true)
    let missionID = try #require(result["get_mission_id"] as? Int)
    let afterLoad = try #require(result["state_after_load"] as? [String: Any])
    #expect(afterLoad["status"] as? String == "STATUS_NONE")
    #expect(afterLoad["tick_counter"] as? Int == -1)
    #expect(afterLoad["mission_id"] as? Int == missionID)
    #expect(result["pause_after_load"] as? String == "NoMissionPlayingError")
    #expect(result["chunks2_status"] as? String == "STATUS_OK")
    #expect(result["chunks2_mission_id"] as? Int == missionID + 1)
    #expect(result["chunks_status"] as? String == "STATUS_OK")
    #expect(result["chunks_mission_id"] as? Int == missionID + 2)

    // Play, the question and its answers.
    let question = try #require(result["question"] as? [String: Any])
    #expect(question["text"] as? String == "Go on?")
    #expect(question["codes"] as? [Int] == [1, 2])
    #expect(question["status"] as? String == "STATUS_RUNNING")
    #expect(result["wrong_question"] as? String == "InvalidQuestionId")
    #expect(result["wrong_code"] as? String == "InvalidAnswerCode")
    #expect(result["right_answer"] as? String == "no error")
    #expect(result["second_answer"] as? String == "QuestionAlreadyAnswered")

    // History bounds: inclusive, newest first; past_ticks counts ticks before the upper one.
    let history = try #require(result["history"] as? [String: Any])
    let upper = try #require(history["upper"] as? Int)
    #expect(history["bounded"] as? [Int] == [upper, upper - 1, upper - 2])
    #expect(history["past"] as? [Int] == [upper, upper - 1, upper - 2])
    #expect(history["latest_len"] as? Int == 1)
    #expect(history["latest_is_current"] as? Bool == true)
    #expect(history["answered"] as? [Int] == [1])

    // Pause, play, stop, play, restart, heartbeat.
    let pause = try #require(result["pause"] as? [String: Any])
    #expect(pause["status"] as? String == "STATUS_PAUSED")
    #expect(pause["ticks_frozen"] as? Bool == true)
    let resume = try #require(result["resume"] as? [String: Any])
    #expect(resume["status"] as? String == "STATUS_RUNNING")
    #expect(resume["questions"] as? Int == 0, "an answered prompt is not asked again")
    let stop = try #require(result["stop"] as? [String: Any])
    #expect(stop["status"] as? String == "STATUS_STOPPED")
    #expect(stop["after_play"] as? String == "STATUS_STOPPED", "a stopped mission stays stopped")
    #expect(stop["ticks_frozen"] as? Bool == true)
    let restart = try #require(result["restart"] as? [String: Any])
    #expect(restart["status"] as? String == "STATUS_RUNNING")
    #expect(restart["tick_counter_reset"] as? Bool == true)
    #expect(restart["new_question_id"] as? Bool == true)
    let heartbeat = try #require(result["heartbeat_paused_after"] as? Double)
    #expect(heartbeat > 0.3 && heartbeat < 3, "paused by its pause time after \(heartbeat) s")

    // Custom params answered against the spec; then the stale lease.
    #expect(result["custom_params"] as? String == "CustomParamsError")
    let customError = try #require(result["custom_param_error"] as? [String: Any])
    #expect(customError["status"] as? String == "STATUS_INVALID_VALUE", "\(customError)")
    #expect("\(customError["messages"] ?? "")".contains("speed"), "\(customError)")
    #expect(result["custom_params_fine"] as? String == "no error")
    #expect(result["custom_params_mission"] as? String == "STATUS_SUCCESS")
    #expect(result["stale_lease_play"] as? String == "LeaseUseError")
  }
}
