import BosdynClient
import BosdynAPI
import BosdynCore
import BosdynMission
import BosdynMissionTesting
import ExampleServicers
import Logging
import ServiceCustomization
import SwiftProtobuf
import Synchronization
import Testing

/// Collects log messages so tests can read what a servicer said.
final class LogCapture: LogHandler, @unchecked Sendable {
  private let lines = Mutex<[String]>([])
  var logLevel: Logger.Level = .info
  var metadata: Logger.Metadata = [:]
  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { nil }
    set {}
  }
  func log(event: LogEvent) {
    self.lines.withLock { $0.append(event.message.description) }
  }
  var messages: [String] { self.lines.withLock { $0 } }
  var logger: Logger { Logger(label: "capture") { _ in self } }
}

@Suite("The hello-world servicer")
struct HelloWorldServicerTests {
  @Test func greetsTheWhoParamThenTheUserStringInputThenTheDefault() async throws {
    let capture = LogCapture()
    let servicer = try HelloWorldServicer(logger: capture.logger)
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      _ = try await client.tick(sessionID: "", params: DictParam(strings: ["who": "Spot"]))
      _ = try await client.tick(sessionID: "", inputs: [.constant("user-string", string: "Node 1")])
      _ = try await client.tick(sessionID: "")
    }
    #expect(capture.messages == ["Hello Spot!", "Hello Node 1!", "Hello World!"])
  }

  @Test func paramsThatDoNotFitTheSpecAreRefusedWithTheReasons() async throws {
    let capture = LogCapture()
    let servicer = try HelloWorldServicer(logger: capture.logger)
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      var number = Bosdyn_Api_CustomParam()
      number.intValue.value = 7
      var wrongType = DictParam()
      wrongType.values["who"] = number
      let typeError = try await #require(throws: ClientError.self) {
        _ = try await client.tick(sessionID: "", params: wrongType)
      }
      #expect(typeError.code == .customParamsError)
      #expect(typeError.customParamError?.status == .invalidValue)
      #expect(
        typeError.customParamError?.errorMessages.first?.hasPrefix("who param has error") == true
      )

      var unknown = DictParam(strings: ["who": "Spot"])
      unknown.values["unknown"] = Bosdyn_Api_CustomParam()
      let unknownError = try await #require(throws: ClientError.self) {
        _ = try await client.tick(sessionID: "", params: unknown)
      }
      #expect(unknownError.customParamError?.status == .unsupportedParameter)

      // The service keeps serving.
      let plain = try await client.tick(sessionID: "")
      #expect(plain.status == .success)
    }
    #expect(capture.messages == ["Hello World!"])
  }

  @Test func coercionReplacesWhatDoesNotFitAndRepeatsAsAsked() async throws {
    let capture = LogCapture()
    let servicer = try HelloWorldServicer(
      logger: capture.logger,
      spec: HelloWorldServicer.spec(defaultName: "Scout", helloOptions: ["Scout", "Everyone"]),
      coerce: true
    )
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      // A number is not a name: coerced to the default.
      var params = DictParam()
      var notAName = Bosdyn_Api_CustomParam()
      notAName.intValue.value = 3
      params.values["who"] = notAName
      var repeats = Bosdyn_Api_CustomParam()
      repeats.oneOfValue.key = "toggle_key_enable"
      var count = Bosdyn_Api_CustomParam()
      count.intValue.value = 2
      repeats.oneOfValue.values["toggle_key_enable"] = DictParam()
      repeats.oneOfValue.values["toggle_key_enable"]!.values["toggle_enable_value_key"] = count
      params.values["toggle_key"] = repeats
      let response = try await client.tick(sessionID: "", params: params)
      #expect(response.status == .success)
    }
    #expect(capture.messages == ["Hello Scout!", "Hello Scout!", "Hello Scout!"])
  }

  @Test func anyNameIsGreetedWhateverTheOptionsAsBostonDynamicsExampleDoes() async throws {
    let capture = LogCapture()
    // The options are only suggestions: a default outside them is a valid spec, and a name
    // outside them is greeted, not refused (nor coerced, with --coerce).
    for coerce in [false, true] {
      let servicer = try HelloWorldServicer(
        logger: capture.logger,
        spec: HelloWorldServicer.spec(defaultName: "Nobody", helloOptions: ["World", "Spot"]),
        coerce: coerce
      )
      try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
        let response = try await client.tick(
          sessionID: "",
          params: DictParam(strings: ["who": "Scout"])
        )
        #expect(response.status == .success)
      }
    }
    #expect(capture.messages == ["Hello Scout!", "Hello Scout!"])
  }

  @Test func theSpecOffersAnEditableWhoDefaultingToWorld() async throws {
    try await withRemoteMissionTestServer(servicer: try HelloWorldServicer()) { client, _ in
      let info = try await client.serviceInfo()
      let who = try #require(info.customParams.specs["who"])
      #expect(who.spec.stringSpec.defaultValue == "World")
      #expect(who.spec.stringSpec.editable)
    }
  }

  @Test func theSessionVariantRefusesUnknownSessions() async throws {
    let servicer = SessionManagingServicer(HelloWorldSessionServicer(try HelloWorldServicer()))
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      let id = try await client.establishSession()
      #expect(try await client.tick(sessionID: id).status == .success)
      let session = try #require(servicer.sessions.state(for: id))
      #expect(session.greetings.load(ordering: .relaxed) == 1)
      let error = try await #require(throws: ClientError.self) {
        _ = try await client.tick(sessionID: "")
      }
      #expect(error.code == .invalidSessionID)
    }
  }
}
