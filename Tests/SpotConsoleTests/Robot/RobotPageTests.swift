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

@Suite("The robot page and its buttons")
struct RobotPageTests {
  @Test func powerAndStanceTakeAndReturnTheBodyLease() async throws {
    try await ConsoleRig.with { rig in
      let browser = try await rig.signIn()
      let robot = rig.robot.robot

      let sitWhileOff = try await rig.post("/robot/stance", [("stance", "stand")], as: browser)
      #expect(sitWhileOff.status == .seeOther)
      let refused = try await rig.get("/robot", as: browser)
      #expect(refused.text.contains("The robot refused to stand: Motors are not powered on."))

      _ = try await rig.post("/robot/power", [("state", "on")], as: browser)
      try await waitUntil("the motors are on") { robot.body.isPoweredOn }
      _ = try await rig.post("/robot/stance", [("stance", "stand")], as: browser)
      #expect(robot.body.isStanding)
      let page = try await rig.get("/robot", as: browser)
      #expect(page.text.contains("Standing up."))
      #expect(page.text.contains(#"id="robot-stance" data-tone="on">Standing<"#))

      // The lease went back: nobody holds the body.
      #expect(rig.bodyLeaseHolder.isEmpty)

      _ = try await rig.post("/robot/stance", [("stance", "sit")], as: browser)
      #expect(!robot.body.isStanding)
      _ = try await rig.post("/robot/power", [("state", "off")], as: browser)
      try await waitUntil("the motors are off") { robot.body.motorPowerState == .stateOff }
    }
  }

  @Test func theDirectoryIsListedAndEscaped() async throws {
    try await ConsoleRig.with { rig in
      let browser = try await rig.signIn()
      rig.register("xss-callback", port: 1)
      let page = try await rig.get("/robot", as: browser)
      #expect(page.text.contains("<td>robot-id</td>") || page.text.contains(">robot-id<"))
      #expect(page.text.contains("xss-callback"))
      #expect(page.text.contains("127.0.0.1:1"))
    }
  }
}
