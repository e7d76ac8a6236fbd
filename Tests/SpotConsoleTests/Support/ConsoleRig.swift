import BosdynAPI
import BosdynMission
import BosdynMissionTesting
import ExampleServicers
import GRPCCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SpotSimulator
import Testing
import TestSupport

@testable import SpotConsole

/// A console over an in-process simulated robot, driven through its router (no sockets for
/// HTTP), as a browser would: cookies, CSRF tokens, form posts.
struct ConsoleRig: Sendable {
  let robot: TestRobot
  let console: SpotConsole
  let client: any TestClientProtocol

  /// Runs `body` with a console of a fresh test robot.
  static func with(
    time: ManualTime? = nil,
    configure: @Sendable (inout SpotConsole.Configuration) -> Void = { _ in },
    _ body: @Sendable (ConsoleRig) async throws -> Void
  ) async throws {
    try await TestRobot.with(time: time) { robot in
      var configuration = SpotConsole.Configuration(port: 0, runTimeout: .seconds(5))
      configure(&configuration)
      let console = SpotConsole(robot: robot.robot, configuration: configuration)
      try await console.withRuns {
        try await console.makeApplication().test(.router) { client in
          try await body(ConsoleRig(robot: robot, console: console, client: client))
        }
      }
    }
  }

  /// A browser's cookie jar and the CSRF token of its last page.
  struct Browser: Sendable {
    var cookie: String?
    var csrf: String?
  }

  func get(_ path: String, as browser: Browser, accept: String = "text/html") async throws
    -> TestResponse
  {
    var headers: HTTPFields = [.accept: accept]
    if let cookie = browser.cookie { headers[.cookie] = cookie }
    return try await self.client.execute(uri: path, method: .get, headers: headers)
  }

  func post(
    _ path: String,
    _ fields: [(String, String)],
    as browser: Browser,
    csrf: Bool = true
  ) async throws -> TestResponse {
    var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
    if let cookie = browser.cookie { headers[.cookie] = cookie }
    var all = fields
    if csrf, let token = browser.csrf { all.append(("_csrf", token)) }
    let body = all.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
    return try await self.client.execute(
      uri: path,
      method: .post,
      headers: headers,
      body: ByteBuffer(string: body)
    )
  }

  /// Visits the sign-in page and signs in as the robot's user.
  func signIn(password: String = "password") async throws -> Browser {
    var browser = Browser()
    let page = try await self.get("/sign-in", as: browser)
    browser.cookie = Self.cookie(in: page)
    browser.csrf = Self.csrfToken(in: page)
    let response = try await self.post(
      "/sign-in",
      [("username", "user"), ("password", password)],
      as: browser
    )
    try #require(response.status == .seeOther, "sign-in answered \(response.status)")
    browser.cookie = Self.cookie(in: response)
    let landing = try await self.get("/robot", as: browser)
    browser.csrf = Self.csrfToken(in: landing)
    return browser
  }

  /// The `name=value` of a response's session cookie.
  static func cookie(in response: TestResponse) -> String? {
    response.headers[.setCookie]?.split(separator: ";").first.map(String.init)
  }

  /// The CSRF token a page's forms carry.
  static func csrfToken(in response: TestResponse) -> String? {
    let page = String(buffer: response.body)
    guard let match = page.firstMatch(of: #/name="_csrf" value="([^"]+)"/#) else { return nil }
    return String(match.1)
  }

  static func encode(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }

  /// The client name of whoever holds the robot's body lease; `""` when nobody does.
  var bodyLeaseHolder: String {
    self.robot.robot.leases.list(includeFullLeaseInfo: false).resources.first {
      $0.resource == "body"
    }?.leaseOwner.clientName ?? ""
  }

  /// Runs `body` with `servicer` served on a free loopback port, registered as `name`, and a
  /// browser signed in to the console.
  func withCallback(
    _ servicer: some RemoteMissionServicer,
    named name: String = HelloWorldServicer.directoryName,
    _ body: (Browser) async throws -> Void
  ) async throws {
    try await withRemoteMissionTestServer(
      servicer: servicer,
      logger: TestLogging.logger("test-server")
    ) { _, port in
      self.register(name, port: port)
      try await body(try await self.signIn())
    }
  }

  /// Registers a remote mission service hosted at `port` under `name`, as its keep-alive would.
  func register(_ name: String, port: Int) {
    var entry = Bosdyn_Api_ServiceEntry()
    entry.name = name
    entry.type = Bosdyn_Api_Mission_RemoteMissionService.descriptor.fullyQualifiedService
    entry.authority = "\(name).spot.robot"
    var endpoint = Bosdyn_Api_Endpoint()
    endpoint.hostIp = "127.0.0.1"
    endpoint.port = Int32(port)
    #expect(self.robot.robot.registry.register(entry, endpoint: endpoint) == .ok)
  }
}

extension TestResponse {
  /// The body as text.
  var text: String { String(buffer: self.body) }
}
