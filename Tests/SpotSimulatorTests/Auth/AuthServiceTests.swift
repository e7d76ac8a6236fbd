import BosdynAPI
import Crypto
import Foundation
import GRPCCore
import SpotSimulator
import TestSupport
import Testing

@Suite("Simulated robot: auth and bearer tokens")
struct AuthServiceTests {
  @Test("A wrong password gets STATUS_INVALID_LOGIN and no token")
  func wrongPassword() async throws {
    let harness = try await SimulatorServiceHarness()
    try await harness.serve { connection in
      for (username, password) in [("user", "wrong"), ("nobody", "password"), ("", "")] {
        var request = Bosdyn_Api_GetAuthTokenRequest()
        request.username = username
        request.password = password
        let response = try await connection.auth.getAuthToken(request)
        #expect(response.status == .invalidLogin)
        #expect(response.token.isEmpty)
        #expect(response.header.error.code == .ok)
      }
    }
  }

  @Test("A valid user gets a token that opens the directory")
  func validUser() async throws {
    let harness = try await SimulatorServiceHarness()
    try await harness.serve { connection in
      var request = Bosdyn_Api_GetAuthTokenRequest()
      request.header = .init()
      request.header.clientName = "auth-test"
      request.username = SimulatorServiceHarness.username
      request.password = SimulatorServiceHarness.password
      let response = try await connection.auth.getAuthToken(request)
      #expect(response.status == .ok)
      #expect(response.header.requestHeader.clientName == "auth-test")
      #expect(response.header.hasRequestReceivedTimestamp)
      #expect(response.header.hasResponseTimestamp)
      #expect(await harness.issuer.verify(response.token) == .valid(username: "user"))

      let list = try await connection.directory.listServiceEntries(
        .init(),
        metadata: ["authorization": "Bearer \(response.token)"]
      )
      #expect(list.serviceEntries.contains(where: { $0.name == "directory" }))
    }
  }

  @Test("A valid token is exchanged for a new one; a bad token gets STATUS_INVALID_TOKEN")
  func tokenRefresh() async throws {
    let harness = try await SimulatorServiceHarness()
    let stranger = try await TokenIssuer(signingKey: P256.Signing.PrivateKey())
    try await harness.serve { connection in
      let metadata = try await connection.login()
      let token = try #require(metadata[stringValues: "authorization"].first(where: { _ in true }))
        .dropFirst("Bearer ".count)
      var refresh = Bosdyn_Api_GetAuthTokenRequest()
      refresh.token = String(token)
      let refreshed = try await connection.auth.getAuthToken(refresh)
      #expect(refreshed.status == .ok)
      #expect(refreshed.token != String(token))
      #expect(await harness.issuer.verify(refreshed.token) == .valid(username: "user"))

      for bad in [
        "not-a-jwt",
        try await stranger.issue(username: "user", validFor: .seconds(60)),
        try await harness.issuer.issue(username: "deleted-user", validFor: .seconds(60)),
        try await harness.issuer.issue(username: "user", validFor: .seconds(-1)),
      ] {
        var request = Bosdyn_Api_GetAuthTokenRequest()
        request.token = bad
        let response = try await connection.auth.getAuthToken(request)
        #expect(response.status == .invalidToken)
        #expect(response.token.isEmpty)
      }
    }
  }

  @Test("Calls without a token are UNAUTHENTICATED with 401 and the reason")
  func missingToken() async throws {
    let harness = try await SimulatorServiceHarness()
    try await harness.serve { connection in
      let cases: [(Metadata, String)] = [
        ([:], "no bearer token"),
        (["authorization": "Basic dXNlcjpwYXNzd29yZA=="], "not 'Bearer <token>'"),
        (["authorization": "Bearer "], "not 'Bearer <token>'"),
        (["authorization": "Bearer garbage"], "invalid user token"),
      ]
      for (metadata, reason) in cases {
        let error = await SimulatorServiceHarness.rpcError {
          _ = try await connection.directory.listServiceEntries(.init(), metadata: metadata)
        }
        #expect(error?.code == .unauthenticated)
        #expect(error?.message.hasPrefix("401") == true)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
      }
      let timeSyncError = await SimulatorServiceHarness.rpcError {
        _ = try await connection.timeSync.timeSyncUpdate(.init())
      }
      #expect(timeSyncError?.code == .unauthenticated)
    }
  }

  @Test("An expired token is UNAUTHENTICATED and says it expired")
  func expiredToken() async throws {
    let time = ManualTime()
    let harness = try await SimulatorServiceHarness(time: time)
    let token = try await harness.issuer.issue(username: "user", validFor: .seconds(60))
    await time.advance(by: .seconds(60) + .milliseconds(1))
    try await harness.serve { connection in
      let error = await SimulatorServiceHarness.rpcError {
        _ = try await connection.directory.listServiceEntries(
          .init(),
          metadata: ["authorization": "Bearer \(token)"]
        )
      }
      #expect(error?.code == .unauthenticated)
      #expect(error?.message.contains("401") == true)
      #expect(error?.message.contains("expired") == true, "\(error?.message ?? "")")
    }
  }

  @Test("Issued tokens expire after the configured lifetime")
  func configuredLifetime() async throws {
    let time = ManualTime()
    let harness = try await SimulatorServiceHarness(tokenLifetime: .seconds(600), time: time)
    try await harness.serve { connection in
      let metadata = try await connection.login()
      let token = String(
        try #require(metadata[stringValues: "authorization"].first(where: { _ in true }))
          .dropFirst("Bearer ".count)
      )
      await time.advance(by: .seconds(599))
      #expect(await harness.issuer.verify(token) == .valid(username: "user"))
      await time.advance(by: .seconds(1) + .milliseconds(1))
      #expect(await harness.issuer.verify(token) == .expired)
    }
  }

  @Test("A token signed by another key is UNAUTHENTICATED")
  func forgedToken() async throws {
    let harness = try await SimulatorServiceHarness()
    let forger = try await TokenIssuer(signingKey: P256.Signing.PrivateKey())
    let forged = try await forger.issue(username: "user", validFor: .seconds(60))
    try await harness.serve { connection in
      let error = await SimulatorServiceHarness.rpcError {
        _ = try await connection.directory.listServiceEntries(
          .init(),
          metadata: ["authorization": "Bearer \(forged)"]
        )
      }
      #expect(error?.code == .unauthenticated)
      #expect(error?.message.contains("401") == true)
      #expect(
        error?.message.contains("not issued by this robot") == true,
        "\(error?.message ?? "")"
      )
    }
  }

  @Test("The interceptor's check is usable on its own, as the proxy uses it")
  func interceptorCheck() async throws {
    let issuer = try await TokenIssuer(signingKey: P256.Signing.PrivateKey())
    let interceptor = BearerTokenInterceptor(issuer: issuer)
    let token = try await issuer.issue(username: "user", validFor: .seconds(60))
    #expect(await interceptor.check(authorizationHeader: "Bearer \(token)") == nil)
    #expect(await interceptor.check(authorizationHeader: "bearer \(token)") == nil)
    #expect(await interceptor.check(authorizationHeader: nil)?.code == .unauthenticated)
    #expect(await interceptor.check(authorizationHeader: "Bearer x")?.code == .unauthenticated)
  }

  @Test("The signing key persists in the data directory; a corrupt key file is a clear error")
  func keyPersistence() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("spot-sim-auth-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let first = try await TokenIssuer.loadOrCreate(dataDirectory: directory)
    let token = try await first.issue(username: "user", validFor: .seconds(60))
    let restarted = try await TokenIssuer.loadOrCreate(dataDirectory: directory)
    #expect(await restarted.verify(token) == .valid(username: "user"))
    let path = directory + "/" + TokenIssuer.signingKeyFileName
    let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]
    #expect((permissions as? NSNumber)?.intValue == 0o600)

    try Data("not a key".utf8).write(to: URL(fileURLWithPath: path))
    await #expect(throws: TokenIssuer.KeyFileError.self) {
      _ = try await TokenIssuer.loadOrCreate(dataDirectory: directory)
    }
  }

  @Test("User accounts accept only the exact password")
  func accounts() {
    let accounts = UserAccounts(["user": "password", "admin": "secret"])
    #expect(accounts.accepts(username: "user", password: "password"))
    #expect(!accounts.accepts(username: "user", password: "Password"))
    #expect(!accounts.accepts(username: "user", password: "password "))
    #expect(!accounts.accepts(username: "admin", password: "password"))
    #expect(!accounts.accepts(username: "", password: ""))
    #expect(accounts.usernames == ["admin", "user"])
  }
}
