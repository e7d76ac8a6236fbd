import BosdynAPI
import BosdynMissionTesting
import ExampleServicers
import Foundation
import GRPCCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ServiceCustomization
import SpotSimulator
import TestSupport
import Testing

@testable import SpotConsole

@Suite("A callback's form, checked and run")
struct CallbackFormTests {
  /// A spec with every type `service_customization.proto` has, and hostile strings.
  static let everyType: DictSpec = {
    var speedUnits = Bosdyn_Api_Units()
    speedUnits.name = "m/s"
    return DictSpec {
      Param("count", .int(default: 3, min: 1, max: 10), displayName: "Count", displayOrder: 1)
      Param(
        "speed",
        .double(default: 0.5, min: 0, max: 1.6, units: speedUnits),
        displayName: "Speed",
        description: "How fast to walk",
        displayOrder: 2
      )
      Param("note", .string(default: "hi", multiline: true), displayOrder: 3)
      Param("mode", .string(default: "a", options: ["a", "b"]), displayOrder: 4)
      Param("suggest", .string(default: "x", options: ["x", "y"], editable: true), displayOrder: 5)
      Param("enabled", .bool(default: true), displayOrder: 6)
      Param(
        "waypoints",
        .list(of: .int(default: 1, min: 0), minCount: 1, maxCount: 3),
        displayOrder: 7
      )
      Param(
        "advanced",
        .dict(hiddenByDefault: true) { Param("gain", .double(default: 1)) },
        displayOrder: 8
      )
      Param(
        "area",
        .regionOfInterest(
          imageSource: ("camera", "front"),
          defaultArea: .rectangle(x: 10, y: 20, cols: 64, rows: 48)
        ),
        displayOrder: 9
      )
      Param(
        "hostile",
        .string(default: "</textarea><script>alert(1)</script>"),
        displayName: "<img src=x onerror=alert(1)>",
        description: "\"><script>alert(2)</script>",
        displayOrder: 10
      )
    }
  }()

  @Test func theFormShowsEveryTypeInOrderAndEscapesTheSpecsStrings() async throws {
    try await ConsoleRig.with { rig in
      let servicer = try HelloWorldServicer(
        logger: TestLogging.logger("every-type"),
        spec: Self.everyType
      )
      try await rig.withCallback(servicer, named: "every-type") { browser in
        let page = try await rig.get("/callbacks/every-type", as: browser)
        #expect(page.status == .ok)
        let html = page.text
        let order = [
          "\"count\"", "\"speed\"", "\"note\"", "\"mode\"", "\"suggest\"", "\"enabled\"",
          "\"waypoints\"", "\"advanced\"", "\"area\"", "\"hostile\"",
        ]
        let positions = order.compactMap { html.range(of: "data-field=\($0)")?.lowerBound }
        #expect(positions.count == order.count, "every parameter has a field")
        #expect(positions == positions.sorted(), "in display order")
        #expect(
          html.contains(
            #"type="number" id="f-count" name="count" value="3" step="1" min="1" data-min="1" max="10""#
          )
        )
        #expect(html.contains(#"<span class="units">m/s</span>"#))
        #expect(html.contains("Between 1 and 10 · default 3"))
        #expect(html.contains(#"<textarea id="f-note" name="note""#))
        #expect(html.contains(#"<select id="f-mode" name="mode""#))
        #expect(html.contains(#"list="l-suggest""#))
        #expect(
          html.contains(#"type="checkbox" id="f-enabled" name="enabled" value="true" checked"#)
        )
        #expect(html.contains(#"data-min-count="1" data-max-count="3""#))
        #expect(html.contains(#"name="waypoints/@item" value="0""#))
        #expect(html.contains(#"<details class="field group" data-field="advanced""#))
        #expect(html.contains(#"<rect class="region-area" x="10" y="20" width="64" height="48">"#))
        #expect(html.contains("camera / front"))
        #expect(!html.contains("<script>alert"), "no markup from the spec")
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("&lt;/textarea&gt;&lt;script&gt;"))
      }
    }
  }

  @Test func helloWorldRunsWithTheFormsValues() async throws {
    try await ConsoleRig.with { rig in
      let (logger, log) = TestLogging.capturing("hello")
      let servicer = try HelloWorldServicer(
        logger: logger,
        spec: HelloWorldServicer.spec(helloOptions: ["World", "Everyone", "Scout"])
      )
      try await rig.withCallback(servicer) { browser in
        let form = try await rig.get("/callbacks/hello-world-callback", as: browser)
        #expect(form.text.contains(#"list="l-who""#), "who is free text")
        #expect(
          form.text.contains(#"<option value="Scout"></option>"#),
          "with the options as suggestions"
        )
        #expect(form.text.contains(#"<details class="more"><summary>More settings for Enable"#))
        #expect(form.text.contains(#"value="" checked><span>Not set</span>"#), "no default choice")
        #expect(
          form.text.contains(#"data-choice="toggle_key_enable" hidden>"#),
          "1337 hidden until Enable"
        )

        let started = try await rig.post(
          "/callbacks/hello-world-callback/run",
          [
            ("who", "Scout"), ("toggle_key", "toggle_key_enable"),
            ("toggle_key/toggle_key_enable/toggle_enable_value_key", "3"), ("_response", "json"),
          ],
          as: browser
        )
        #expect(started.status == .accepted, "\(started.text)")
        let run = try JSONDecoder().decode(RunStarted.self, from: Data(started.text.utf8))
        let page = try await eventually("the run's end") { () -> String? in
          let page = try await rig.get(run.page, as: browser)
          return page.text.contains("class=\"outcome\"") ? page.text : nil
        }
        #expect(page.contains(#"data-tone="ok">SUCCESS</span>"#), "\(page)")
        for call in ["EstablishSession", "Tick 1", "Stop", "TeardownSession"] {
          #expect(page.contains("<span class=\"event-call\">\(call)</span>"), "\(call)")
        }
        #expect(log.count(containing: "Hello Scout!") == 4)
      }
    }
  }

  @Test func valuesOutOfTheSpecAreRefusedAtTheirFieldAndNothingIsSent() async throws {
    try await ConsoleRig.with { rig in
      let (logger, log) = TestLogging.capturing("hello")
      let servicer = try HelloWorldServicer(logger: logger)
      try await rig.withCallback(servicer) { browser in
        let values = [
          ("who", "Scout"), ("toggle_key", "toggle_key_enable"),
          ("toggle_key/toggle_key_enable/toggle_enable_value_key", "5000"),
        ]
        let json = try await rig.post(
          "/callbacks/hello-world-callback/run",
          values + [("_response", "json")],
          as: browser
        )
        #expect(json.status == .unprocessableContent)
        let refusal = try JSONDecoder().decode(RunRefusal.self, from: Data(json.text.utf8))
        #expect(
          refusal.issues == [
            FormIssue(
              field: "toggle_key/toggle_key_enable/toggle_enable_value_key",
              message: "Value 5000 above max_bound 1337"
            )
          ]
        )

        // Without the page's script: the form again, the error at its field, the value kept.
        let page = try await rig.post("/callbacks/hello-world-callback/run", values, as: browser)
        #expect(page.status == .unprocessableContent)
        #expect(
          page.text.contains(
            #"data-error-for="toggle_key/toggle_key_enable/toggle_enable_value_key">Value 5000 above max_bound 1337</p>"#
          )
        )
        #expect(page.text.contains(#"value="5000""#))

        let notANumber = try await rig.post(
          "/callbacks/hello-world-callback/run",
          [
            ("toggle_key", "toggle_key_enable"),
            ("toggle_key/toggle_key_enable/toggle_enable_value_key", "lots"), ("_response", "json"),
          ],
          as: browser
        )
        #expect(notANumber.text.contains("is not a whole number"))
        #expect(log.count(containing: "Hello") == 0, "the callback was never ticked")
      }
    }
  }

  @Test func aCallbackThatIsGoneIsAClearPageNotACrash() async throws {
    try await ConsoleRig.with { rig in
      let browser = try await rig.signIn()
      #expect(try await rig.get("/callbacks/nobody", as: browser).status == .notFound)
      rig.register("gone", port: 1)
      let page = try await rig.get("/callbacks/gone", as: browser)
      #expect(page.status == .badGateway)
      #expect(page.text.contains("Could not get the callback's parameters"))
    }
  }
}
