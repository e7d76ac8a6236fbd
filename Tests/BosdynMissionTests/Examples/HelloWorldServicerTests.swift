import BosdynAPI
import BosdynClient
import BosdynMission
import BosdynMissionTesting
import ExampleServicers
import Logging
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
    let servicer = HelloWorldServicer(logger: capture.logger)
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      _ = try await client.tick(sessionID: "", params: DictParam(strings: ["who": "Spot"]))
      _ = try await client.tick(sessionID: "", inputs: [.constant("user-string", string: "Node 1")])
      _ = try await client.tick(sessionID: "")
    }
    #expect(capture.messages == ["Hello Spot!", "Hello Node 1!", "Hello World!"])
  }

  @Test func aWhoParamOfTheWrongTypeIsIgnoredAndTheServiceKeepsServing() async throws {
    let capture = LogCapture()
    let servicer = HelloWorldServicer(logger: capture.logger)
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      var params = DictParam()
      var number = Bosdyn_Api_CustomParam()
      number.intValue.value = 7
      params.values["who"] = number
      params.values["unknown"] = Bosdyn_Api_CustomParam()
      let odd = try await client.tick(sessionID: "", params: params)
      #expect(odd.status == .success)
      let plain = try await client.tick(sessionID: "")
      #expect(plain.status == .success)
    }
    #expect(capture.messages == ["Hello World!", "Hello World!"])
  }

  @Test func theSpecOffersAnEditableWhoDefaultingToWorld() async throws {
    try await withRemoteMissionTestServer(servicer: HelloWorldServicer()) { client, _ in
      let info = try await client.serviceInfo()
      let who = try #require(info.customParams.specs["who"])
      #expect(who.spec.stringSpec.defaultValue == "World")
      #expect(who.spec.stringSpec.editable)
    }
  }

  @Test func theSessionVariantRefusesUnknownSessions() async throws {
    let servicer = SessionManagingServicer(HelloWorldSessionServicer())
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
