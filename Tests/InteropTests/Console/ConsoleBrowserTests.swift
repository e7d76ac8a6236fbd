import AutowalkCompiler
import BosdynAPI
import Foundation
import Testing
import TestSupport

/// The simulated robot's web console in a real browser (headless Chromium through Selenium),
/// against `spot-sim` and the document's callbacks as child processes. Each scenario leaves
/// full-page screenshots in `test-artifacts/console/`.
@Suite("The console in a browser", .serialized)
struct ConsoleBrowserTests {
  @Test func anOperatorSignsInSeesTheCallbacksLiveAndRunsHelloWorld() async throws {
    try await ConsoleSimulator.with { sim in
      let hello = try await sim.startHelloWorld()
      let browser = try ConsoleBrowser.start("tour", url: sim.consoleURL)
      // The callbacks page is open: a callback registered now must appear without a reload.
      try await browser.waitForOutput("READY", timeout: .seconds(90))
      let powerOff = try await sim.startPowerOff()
      let result = try await ConsoleBrowser.result(of: browser)

      #expect(result["robot_power"] as? String == "Off")
      #expect((result["directory_rows"] as? Int ?? 0) > 5)
      #expect(result["callbacks"] as? [String] == ["hello-world-callback", "power-off-callback"])
      #expect(result["reloaded"] as? Bool == false)
      #expect(result["liveness"] as? [String] == ["Alive", "Alive"])
      #expect(result["who_label"] as? String == "Who")
      #expect(result["who_editable"] as? Bool == true)
      #expect(result["who_options"] as? [String] == ["World", "Everyone", "Scout"])
      #expect(result["who_help"] as? String == "Specify who Spot says hello to")
      #expect(result["repeats_legend"] as? String == "Repeats toggle_key")
      #expect(result["repeats_choices"] as? [String] == ["Not set", "Enable", "Disable"])
      #expect(result["count_shown_before_enable"] as? Bool == false)
      #expect(result["enable_selected"] as? Bool == true)
      #expect(result["more_settings"] as? String == "More settings for Enable (1)")
      #expect(result["count_collapsed_after_enable"] as? Bool == true)
      #expect(result["count_shown_after_expanding"] as? Bool == true)
      #expect(result["count_default"] as? String == "1337")
      #expect(result["unlabelled"] as? [String] == [], "every input has a label")
      #expect(result["outcome"] as? String == "SUCCESS")
      #expect(
        result["calls"] as? [String] == [
          "EstablishSession STATUS_OK", "Tick 1 STATUS_SUCCESS", "Stop STATUS_OK",
          "TeardownSession STATUS_OK",
        ],
        "\(result)"
      )
      try await waitUntil("four greetings") {
        hello.stderr.components(separatedBy: "Hello Scout!").count - 1 == 4
      }
      hello.signal(SIGTERM)
      powerOff.signal(SIGTERM)
      #expect(try await hello.waitForExit() == 0)
      #expect(try await powerOff.waitForExit() == 0)
      #expect(
        hello.stderr.components(separatedBy: "Hello Scout!").count - 1 == 4,
        "\(hello.stderr)"
      )
    }
  }

  @Test func anOutOfRangeRepeatCountIsShownAtItsFieldAndNothingIsSent() async throws {
    try await ConsoleSimulator.with { sim in
      let hello = try await sim.startHelloWorld()
      let result = try await ConsoleBrowser.run("out-of-range", url: sim.consoleURL)
      #expect(result["page_error"] as? String == "Must be at most 1337.", "\(result)")
      #expect((result["page_outcome"] as? String)?.contains("nothing was sent") == true)
      #expect(
        result["focused"] as? String == "f-toggle_key/toggle_key_enable/toggle_enable_value_key"
      )
      #expect(result["invalid"] as? String == "true")
      #expect(result["calls_after_page_check"] as? [String] == [])
      #expect(result["server_error"] as? String == "Value 5000 above max_bound 1337", "\(result)")
      #expect(result["calls_after_server_check"] as? [String] == [])
      hello.signal(SIGTERM)
      #expect(try await hello.waitForExit() == 0)
      #expect(!hello.stderr.contains("Hello "), "no tick reached the service: \(hello.stderr)")
      #expect(!hello.stderr.contains("EstablishSession"), "no session either")
    }
  }

  @Test func theRobotPagesButtonsPowerStandAndSitWithTheLeaseReturned() async throws {
    try await ConsoleSimulator.with { sim in
      let result = try await ConsoleBrowser.run("robot", url: sim.consoleURL)
      #expect(result["states"] as? [String] == ["On", "Standing", "Sitting", "Off"], "\(result)")
      #expect(
        result["flashes"] as? [String] == [
          "Powering the motors on.", "Standing up.", "Sitting down.", "Powering the motors off.",
        ]
      )
      // Each button returns the lease it took, as the tablet does.
      #expect(result["leases"] as? [String] == ["Nobody", "Nobody", "Nobody", "Nobody"])
      let signIn = sim.consoleURL + "sign-in"
      #expect(result["after_sign_out"] as? String == signIn)
      #expect(result["robot_after_sign_out"] as? String == signIn)
    }
  }

  @Test func aRunGivesThePowerOffCallbackTheBodyLeaseWhenAskedAndReturnsIt() async throws {
    try await ConsoleSimulator.with { sim in
      let powerOff = try await sim.startPowerOff()
      let result = try await ConsoleBrowser.run("lease-run", url: sim.consoleURL)
      #expect(result["without_lease"] as? String == "ERROR", "\(result)")
      #expect(
        result["without_lease_calls"] as? [String] == ["EstablishSession STATUS_MISSING_LEASES"],
        "\(result)"
      )
      let hint = (result["without_lease_details"] as? [String])?.first ?? ""
      #expect(hint.contains("Missing leases: body"), "\(hint)")
      #expect(hint.contains("Give the callback the body lease"), "\(hint)")
      #expect(result["checkbox_label"] as? String == "Give the callback the body lease")
      #expect(result["with_lease"] as? String == "SUCCESS", "\(result)")
      let calls = result["with_lease_calls"] as? [String] ?? []
      #expect(calls.first == "Take body lease STATUS_OK", "\(calls)")
      #expect(calls.contains("EstablishSession STATUS_OK"), "\(calls)")
      #expect(calls.last == "Return body lease STATUS_OK", "\(calls)")
      #expect(result["robot_power"] as? String == "Off", "the callback powered the robot off")
      #expect(result["lease"] as? String == "Nobody", "the run returned the body lease")
      powerOff.signal(SIGTERM)
      #expect(try await powerOff.waitForExit() == 0)
    }
  }

  @Test func aWalkOfTheTwoCallbacksAndAQuestionPlaysAsAMissionToSuccess() async throws {
    try await ConsoleSimulator.with { sim in
      let hello = try await sim.startHelloWorld()
      let powerOff = try await sim.startPowerOff()
      let result = try await ConsoleBrowser.run("walk", url: sim.consoleURL)
      #expect(
        result["added_flash"] as? String == "Added hello-world-callback to the walk.",
        "\(result)"
      )
      #expect(
        result["steps"] as? [String] == [
          "hello-world-callback", "Power the robot off now?", "power-off-callback",
        ]
      )
      #expect((result["hello_detail"] as? String)?.contains("Scout") == true, "\(result)")
      #expect(result["unlabelled"] as? [String] == [])
      #expect(result["question"] as? String == "Power the robot off now?")
      #expect(result["status_while_asking"] as? String == "Running")
      #expect(result["answer_focused"] as? String == "Continue", "answered from the keyboard")
      #expect(result["status"] as? String == "Success", "\(result)")
      #expect(
        result["nodes"] as? [[String]] == [
          ["Walk", "Success"], ["1. hello-world-callback", "Success"], ["2. Question", "Success"],
          ["3. power-off-callback", "Success"],
        ],
        "\(result)"
      )
      #expect(result["questions_left"] as? Int == 0)
      let timeline = result["timeline"] as? [String] ?? []
      #expect(
        timeline.prefix(2).sorted() == [
          "EstablishSession hello-world-callback STATUS_OK",
          "EstablishSession power-off-callback STATUS_OK",
        ],
        "sessions, established at load in either order: \(timeline)"
      )
      #expect(timeline.contains("Tick hello-world-callback STATUS_SUCCESS"), "\(timeline)")
      #expect(timeline.contains("Tick power-off-callback STATUS_SUCCESS"), "\(timeline)")
      #expect(result["steps_after_removing"] as? Int == 2)
      #expect(
        result["load_flash"] as? String == "Loaded 3 actions from walk-mission.pb.",
        "\(result)"
      )
      #expect(
        result["loaded_steps"] as? [String] == [
          "hello-world-callback", "Power the robot off now?", "power-off-callback",
        ]
      )
      let saveFlash = result["save_flash"] as? String ?? ""
      #expect(
        saveFlash.hasPrefix("Saved Browser walk to \(sim.dataDirectory)/walks/Browser walk.walk."),
        "\(result)"
      )
      #expect(result["open_flash"] as? String == "Opened Browser walk: 3 actions.", "\(result)")
      #expect(
        result["opened_steps"] as? [String] == [
          "hello-world-callback", "Power the robot off now?", "power-off-callback",
        ]
      )
      #expect(result["unlabelled_on_walks"] as? [String] == [], "\(result)")
      let saved = try WalkDirectory.read(
        from: URL(fileURLWithPath: sim.dataDirectory + "/walks/Browser walk.walk")
      )
      #expect(
        saved.walk.elements.map(\.action.remoteGrpc.serviceName) == [
          "hello-world-callback", "", "power-off-callback",
        ]
      )
      // Played again as Autowalk: the tree Autowalk compiles, walked through to the end.
      #expect(result["autowalk_flash"] as? String == "Playing the walk as Autowalk.", "\(result)")
      #expect(result["autowalk_status"] as? String == "Success", "\(result)")
      let autowalkNodes = result["autowalk_nodes"] as? [[String]] ?? []
      for node in [
        "Prepare the robot", "1. hello-world-callback: navigation",
        "3. power-off-callback: navigation", "3. power-off-callback",
      ] {
        #expect(autowalkNodes.contains([node, "Success"]), "\(node): \(autowalkNodes)")
      }
      #expect(result["robot_power"] as? String == "Off")
      #expect(result["lease"] as? String == "Nobody", "the walk returned the body lease")
      try await waitUntil("three greetings in each of the two plays") {
        hello.stderr.components(separatedBy: "Hello Scout!").count - 1 == 6
      }
      hello.signal(SIGTERM)
      powerOff.signal(SIGTERM)
      #expect(try await hello.waitForExit() == 0)
      #expect(try await powerOff.waitForExit() == 0)
    }
  }

  @Test func signedOutPagesPostsWithoutTheTokenAndForgedCookiesAreRefused() async throws {
    try await ConsoleSimulator.with { sim in
      let hello = try await sim.startHelloWorld()
      let result = try await ConsoleBrowser.run("security", url: sim.consoleURL)
      let signIn = sim.consoleURL + "sign-in"
      #expect(result["signed_out_robot"] as? String == signIn, "\(result)")
      #expect(result["signed_out_form"] as? String == signIn)
      #expect(result["wrong_password"] as? String == "Wrong username or password.")
      let cookie = try #require(result["cookie"] as? [String: Any])
      #expect(cookie["httpOnly"] as? Bool == true)
      #expect(cookie["sameSite"] as? String == "Strict")
      #expect(cookie["has_expiry"] as? Bool == true)
      #expect(result["script_sees_cookie"] as? Bool == false)
      let post = try #require(result["post_without_token"] as? [String: Any])
      #expect(post["status"] as? Int == 403)
      #expect((post["text"] as? String)?.contains("CSRF") == true)
      #expect(result["power_after"] as? String == "Off")
      #expect(result["forged_cookie"] as? String == signIn)
      hello.signal(SIGTERM)
      #expect(try await hello.waitForExit() == 0)
    }
  }

  @Test func theWholeRunWorksFromTheKeyboard() async throws {
    try await ConsoleSimulator.with { sim in
      let hello = try await sim.startHelloWorld()
      let result = try await ConsoleBrowser.run("keyboard", url: sim.consoleURL)
      #expect(result["who"] as? String == "Scout", "\(result)")
      #expect(result["focus_on_radio"] as? String == "radio")
      #expect(result["choice"] as? String == "toggle_key_enable")
      #expect(result["count"] as? String == "2")
      #expect(result["outcome"] as? String == "SUCCESS")
      #expect(result["focus_after_run"] as? String == "run-button")
      try await waitUntil("three greetings") {
        hello.stderr.components(separatedBy: "Hello Scout!").count - 1 == 3
      }
      hello.signal(SIGTERM)
      #expect(try await hello.waitForExit() == 0)
    }
  }

  @Test func everyCustomizationTypeIsAFormFieldAndHostileStringsStayText() async throws {
    try await ConsoleSimulator.with { sim in
      let gallery = try await sim.startGallery()
      defer { gallery.closeStdin() }
      let result = try await ConsoleBrowser.run("gallery", url: sim.consoleURL)
      #expect(result["xss"] is NSNull || result["xss"] == nil, "\(result)")
      #expect(result["xss_after_run"] is NSNull || result["xss_after_run"] == nil)
      #expect(result["images_in_form"] as? Int == 0)
      #expect(
        result["hostile_label"] as? String == "<img src=x onerror=\"window.consoleXSS=1\">Caption"
      )
      // Each label is the display name (then the key, in a chip), in display order.
      let labels = result["labels"] as? [String] ?? []
      let names = [
        "Walking speed", "Photos to take", "Mode", "Asset label", "Notes for the operator",
        "Turn on the lights", "Target", "Stops", "Advanced", "Region of interest",
        "<img src=x onerror=\"window.consoleXSS=1\">Caption",
      ]
      #expect(labels.count == names.count, "\(labels)")
      for (label, name) in zip(labels, names) {
        #expect(label.hasPrefix(name), "\(label) is \(name)")
      }
      #expect(
        Array((result["units"] as? [String] ?? []).prefix(3)) == ["m/s", "bar", "s"],
        "\(result)"
      )
      #expect((result["region_preview"] as? String)?.contains("200") == true, "\(result)")
      #expect(result["stops_after_adding"] as? Int == 4)
      #expect(result["add_disabled_at_max"] as? Bool == true)
      #expect(result["stops_after_removing"] as? Int == 3)
      #expect(result["add_enabled_again"] as? Bool == true)
      #expect(result["gauge_shown_first"] as? Bool == true)
      #expect(result["valve_shown_after_choice"] as? Bool == true)
      #expect(result["advanced_hidden_first"] as? Bool == true)
      #expect(result["advanced_shown_after_toggle"] as? Bool == true)
      #expect(result["unlabelled"] as? [String] == [], "every input has a label: \(result)")
      #expect(result["list_error"] as? [String] == ["Must be at most 60."], "\(result)")
      #expect(result["outcome"] as? String == "SUCCESS")
      #expect(
        result["calls"] as? [String] == [
          "EstablishSession STATUS_OK", "Tick 1 STATUS_RUNNING", "Tick 2 STATUS_RUNNING",
          "Tick 3 STATUS_SUCCESS", "Stop STATUS_OK", "TeardownSession STATUS_OK",
        ],
        "\(result)"
      )
      gallery.closeStdin()
      #expect(try await gallery.waitForExit() == 0, "\(gallery.stderr)")
    }
  }
}
