import BosdynClient
import BosdynAPI
import BosdynCore
import Foundation
import Testing
import TestSupport

@Suite("The Swift client drives a servicer written with the Python SDK")
struct SwiftClientDrivesPythonServerTests {
  /// Starts the Python servicer and returns it with its port.
  private func startPythonServicer() async throws -> (ChildProcess, Int) {
    let server = try ChildProcess(
      try TestEnvironment.python,
      [TestEnvironment.script("python_servicer.py")]
    )
    let output = try await server.waitForOutput("PORT ")
    let portText = output.split(separator: " ").last.map {
      $0.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    return (server, try #require(portText.flatMap { Int($0) }))
  }

  @Test func aSessionRunsThroughRunningToSuccess() async throws {
    let (server, port) = try await self.startPythonServicer()
    defer { server.closeStdin() }
    try await RemoteMissionClient.withDirectConnection(host: "127.0.0.1", port: port) { client in
      let id = try await client.establishSession()
      #expect(!id.isEmpty)
      #expect(try await client.tick(sessionID: id).status == .running)
      #expect(try await client.tick(sessionID: id).status == .running)
      let last = try await client.tick(sessionID: id)
      #expect(last.status == .success)
      #expect(last.header.error.code == .ok)
      try await client.stop(sessionID: id)
      try await client.teardownSession(sessionID: id)
    }
  }

  @Test func failureAndInvalidSessionsComeBackTyped() async throws {
    let (server, port) = try await self.startPythonServicer()
    defer { server.closeStdin() }
    try await RemoteMissionClient.withDirectConnection(host: "127.0.0.1", port: port) { client in
      let id = try await client.establishSession()
      let params = DictParam(strings: ["outcome": "fail"])
      _ = try await client.tick(sessionID: id, params: params)
      _ = try await client.tick(sessionID: id, params: params)
      let failed = try await client.tick(sessionID: id, params: params)
      #expect(failed.status == .failure)
      #expect(failed.errorMessage == "asked to fail")

      for call in [
        { _ = try await client.tick(sessionID: "nope") },
        { try await client.stop(sessionID: "nope") },
        { try await client.teardownSession(sessionID: "nope") },
      ] as [@Sendable () async throws -> Void] {
        let error = try await #require(throws: ClientError.self) { try await call() }
        #expect(error.code == .invalidSessionID)
      }
      // The Python servicer leaves GetRemoteMissionServiceInfo unimplemented.
      let error = try await #require(throws: ClientError.self) {
        _ = try await client.serviceInfo()
      }
      #expect(error.code == .unimplemented)
    }
  }
}
