import BosdynRobot
import Testing

@Suite("RobotAddress")
struct RobotAddressTests {
  @Test(
    "parses host, host:port and bracketed IPv6",
    arguments: [
      ("192.168.80.3", "192.168.80.3", 443),
      ("127.0.0.1:50443", "127.0.0.1", 50443),
      ("spot.local", "spot.local", 443),
      ("spot.local:8443", "spot.local", 8443),
      ("[::1]:50443", "::1", 50443),
      ("[::1]", "::1", 443),
      ("::1", "::1", 443),
      (" 10.0.0.2:1 ", "10.0.0.2", 1),
    ]
  )
  func parses(text: String, host: String, port: Int) throws {
    let address = try RobotAddress(parsing: text)
    #expect(address.host == host)
    #expect(address.port == port)
  }

  @Test(
    "rejects bad addresses with a clear error",
    arguments: [
      "", "   ", "host:", "host:0", "host:70000", "host:http", "[::1", "[]:5", ":443",
      "[::1]x", "spot\u{1B}[2J", "spot robot", "a..b", "[::zz]:5", "bad name!",
      String(repeating: "a", count: 300),
    ]
  )
  func rejects(text: String) {
    #expect {
      try RobotAddress(parsing: text)
    } throws: { error in
      (error as? RobotConnectionError)?.code == .invalidAddress
    }
  }

  @Test("describes itself as host:port, bracketing IPv6")
  func description() throws {
    #expect(try RobotAddress(parsing: "[::1]:7").description == "[::1]:7")
    #expect(try RobotAddress(parsing: "1.2.3.4").description == "1.2.3.4:443")
  }

  @Test("tells IPv4 literals from names")
  func literals() {
    #expect(RobotAddress(host: "127.0.0.1").isIPv4Literal)
    #expect(!RobotAddress(host: "127.0.0.256").isIPv4Literal)
    #expect(!RobotAddress(host: "spot.local").isIPv4Literal)
    #expect(RobotAddress(host: "::1").isIPv6Literal)
  }

  @Test("self-ip toward loopback is loopback")
  func selfIPLoopback() {
    #expect(RobotAddress(host: "127.0.0.1").selfIP() == "127.0.0.1")
  }

  @Test("self-ip toward a name that does not resolve falls back to 127.0.0.1")
  func selfIPUnresolvable() {
    #expect(RobotAddress(host: "no-such-host.invalid").selfIP() == "127.0.0.1")
  }
}
