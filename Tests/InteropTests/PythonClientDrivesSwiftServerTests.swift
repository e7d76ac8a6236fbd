import BosdynClient
import BosdynMission
import BosdynMissionTesting
import ExampleServicers
import Logging
import Testing
import TestSupport

@Suite("The official Python RemoteClient drives Swift services")
struct PythonClientDrivesSwiftServerTests {
  @Test func helloWorldServesTheWholeSessionWithoutError() async throws {
    let python = try TestEnvironment.python
    try await withRemoteMissionTestServer(servicer: try HelloWorldServicer()) { _, port in
      let result = try await ChildProcess.run(
        python,
        [TestEnvironment.script("drive_swift_server.py"), "127.0.0.1", "\(port)", "Spot"]
      )
      #expect(result.status == 0, "\(result.stderr)")
      let json = try lastJSONObject(result.stdout)
      #expect(json["ok"] as? Bool == true)
      #expect(json["tick_status"] as? String == "STATUS_SUCCESS")
      #expect(json["header_code"] as? Int == 1)
      #expect(json["has_response_timestamp"] as? Bool == true)
      #expect(json["spec_keys"] as? [String] == ["toggle_key", "who"])
    }
  }
}
