import BosdynAPI
import GRPCCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SpotSimulator
import TestSupport
import Testing

@testable import SpotConsole

@Suite("Signing in, sessions and CSRF")
struct SignInTests {
  @Test func signedOutOnlyTheSignInPageAndItsAssetsAreReachable() async throws {
    try await ConsoleRig.with { rig in
      let nobody = ConsoleRig.Browser()
      for path in ["/", "/robot", "/callbacks", "/callbacks/anything", "/nowhere"] {
        let page = try await rig.get(path, as: nobody)
        #expect(page.status == .seeOther, "\(path)")
        #expect(page.headers[.location] == "/sign-in", "\(path)")
      }
      let events = try await rig.get("/events", as: nobody, accept: "text/event-stream")
      #expect(events.status == .unauthorized)
      let post = try await rig.post("/robot/power", [("state", "on")], as: nobody)
      #expect(post.status == .unauthorized)
      #expect(try await rig.get("/sign-in", as: nobody).status == .ok)
      let stylesheet = try await rig.get("/assets/console.css", as: nobody, accept: "text/css")
      #expect(stylesheet.status == .ok)
      #expect(stylesheet.headers[.contentType] == "text/css; charset=utf-8")
      #expect(!rig.robot.robot.body.isPoweredOn)
    }
  }

  @Test func theSessionCookieIsHttpOnlyStrictRandomAndExpires() async throws {
    try await ConsoleRig.with { rig in
      let first = try await rig.get("/sign-in", as: .init())
      let second = try await rig.get("/sign-in", as: .init())
      let cookie = try #require(first.headers[.setCookie])
      #expect(cookie.contains("HttpOnly"))
      #expect(cookie.contains("SameSite=Strict"))
      #expect(cookie.contains("Max-Age=43200"))
      #expect(cookie.contains("Path=/"))
      let id = try #require(ConsoleRig.cookie(in: first))
      #expect(id.count == "spot-console-session=".count + 43, "256 random bits, base64url")
      #expect(ConsoleRig.cookie(in: second) != id)
      #expect(first.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
    }
  }

  @Test func sixWrongPasswordsLockTheUserOutHereAndAtTheAuthServiceAlike() async throws {
    let time = ManualTime()
    try await ConsoleRig.with(time: time) { rig in
      var browser = ConsoleRig.Browser()
      let page = try await rig.get("/sign-in", as: browser)
      browser.cookie = ConsoleRig.cookie(in: page)
      browser.csrf = ConsoleRig.csrfToken(in: page)
      // Five here and one at the auth service: one count.
      for _ in 0..<(PasswordCheck.failuresBeforeLockout - 1) {
        let wrong = try await rig.post(
          "/sign-in",
          [("username", "user"), ("password", "wrong")],
          as: browser
        )
        #expect(wrong.text.contains("Wrong username or password."))
      }
      let passwords = rig.robot.robot.passwords
      #expect(passwords.verify(username: "user", password: "wrong") == .refused)
      let locked = try await rig.post(
        "/sign-in",
        [("username", "user"), ("password", "password")],
        as: browser
      )
      #expect(locked.status == .unauthorized)
      #expect(
        locked.text.contains(
          "Too many failed attempts for this user: sign-in is locked for another 60 seconds."
        ),
        "\(locked.text)"
      )
      await time.advance(by: .seconds(60))
      let right = try await rig.post(
        "/sign-in",
        [("username", "user"), ("password", "password")],
        as: browser
      )
      #expect(right.status == .seeOther)
    }
  }

  @Test func signingInChecksTheRobotsPasswordAndRenewsTheSession() async throws {
    try await ConsoleRig.with { rig in
      var browser = ConsoleRig.Browser()
      let page = try await rig.get("/sign-in", as: browser)
      browser.cookie = ConsoleRig.cookie(in: page)
      browser.csrf = ConsoleRig.csrfToken(in: page)

      let wrong = try await rig.post(
        "/sign-in",
        [("username", "user"), ("password", "wrong")],
        as: browser
      )
      #expect(wrong.status == .unauthorized)
      #expect(wrong.text.contains("Wrong username or password."))

      let noToken = try await rig.post(
        "/sign-in",
        [("username", "user"), ("password", "password")],
        as: browser,
        csrf: false
      )
      #expect(noToken.status == .forbidden)

      let right = try await rig.post(
        "/sign-in",
        [("username", "user"), ("password", "password")],
        as: browser
      )
      #expect(right.status == .seeOther)
      #expect(right.headers[.location] == "/robot")
      let signedIn = try #require(ConsoleRig.cookie(in: right))
      #expect(signedIn != browser.cookie, "a new session id after signing in")
      let robot = try await rig.get("/robot", as: .init(cookie: signedIn))
      #expect(robot.status == .ok)
      #expect(robot.text.contains("Signed in as <strong>user</strong>"))

      // The visitor's session id does not become a signed-in one.
      #expect(try await rig.get("/robot", as: browser).status == .seeOther)
    }
  }

  @Test func aForgedCookieIsNoSession() async throws {
    try await ConsoleRig.with { rig in
      _ = try await rig.signIn()
      let forged = ConsoleRig.Browser(
        cookie: "spot-console-session=" + String(repeating: "A", count: 43)
      )
      let page = try await rig.get("/robot", as: forged)
      #expect(page.status == .seeOther)
      #expect(page.headers[.location] == "/sign-in")
    }
  }

  @Test func everyPostNeedsTheSessionsCSRFToken() async throws {
    try await ConsoleRig.with { rig in
      let browser = try await rig.signIn()
      let missing = try await rig.post("/robot/power", [("state", "on")], as: browser, csrf: false)
      #expect(missing.status == .forbidden)
      #expect(missing.text.contains("CSRF"))
      var wrongToken = browser
      wrongToken.csrf = String(repeating: "B", count: 43)
      let wrong = try await rig.post("/robot/power", [("state", "on")], as: wrongToken)
      #expect(wrong.status == .forbidden)
      #expect(!rig.robot.robot.body.isPoweredOn, "nothing happened")

      let accepted = try await rig.post("/robot/power", [("state", "on")], as: browser)
      #expect(accepted.status == .seeOther)
      try await waitUntil("the motors are on") { rig.robot.robot.body.isPoweredOn }
    }
  }

  @Test func signingOutEndsTheSession() async throws {
    try await ConsoleRig.with { rig in
      let browser = try await rig.signIn()
      let out = try await rig.post("/sign-out", [], as: browser)
      #expect(out.status == .seeOther)
      #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
      #expect(try await rig.get("/robot", as: browser).status == .seeOther)
    }
  }
}
