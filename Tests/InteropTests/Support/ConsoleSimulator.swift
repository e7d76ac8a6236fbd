import Foundation
import Testing
import TestSupport

/// `spot-sim` started as a user starts it, console included, with the document's callbacks
/// registered against it: what the browser tests drive.
struct ConsoleSimulator: Sendable {
  let sim: ChildProcess
  let dataDirectory: String
  /// The robot's TLS port.
  let robotPort: Int
  /// `http://127.0.0.1:PORT/`, as spot-sim printed it.
  let consoleURL: String

  /// Starts `spot-sim --port 0 --console-port 0`, runs `body`, then stops it with SIGTERM
  /// (which must end it cleanly, console included).
  static func with(_ body: (ConsoleSimulator) async throws -> Void) async throws {
    let directory = TemporaryFiles.temporaryDirectory("console-sim")
    defer { TemporaryFiles.remove(directory) }
    let sim = try ChildProcess(
      try TestEnvironment.executable("spot-sim"),
      [
        "--port", "0", "--console-port", "0", "--data-dir", directory, "--power-transition-seconds",
        "0.2",
      ]
    )
    let output = try await sim.waitForOutput("Listening on 127.0.0.1:")
    let robotPort = try #require(
      output.firstMatch(of: #/Listening on 127\.0\.0\.1:(\d+)/#).flatMap { Int($0.1) }
    )
    let url = try #require(
      output.firstMatch(of: #/Console: (http://127\.0\.0\.1:\d+/)/#).map { String($0.1) }
    )
    let simulator = ConsoleSimulator(
      sim: sim,
      dataDirectory: directory,
      robotPort: robotPort,
      consoleURL: url
    )
    do {
      try await body(simulator)
    } catch {
      sim.signal(SIGTERM)
      _ = try? await sim.waitForExit()
      throw error
    }
    sim.signal(SIGTERM)
    #expect(try await sim.waitForExit() == 0, "spot-sim stops cleanly: \(sim.stderr)")
  }

  /// The robot options of a robot-mode program, then the robot (`127.0.0.1:PORT`).
  var robotArguments: [String] {
    [
      "--robot-ca", self.dataDirectory + "/ca.pem", "--username", "user", "--password",
      "password", "127.0.0.1:\(self.robotPort)",
    ]
  }

  /// The document's hello world with the tablet options of its "service customization"
  /// section, registered with the robot.
  func startHelloWorld() async throws -> ChildProcess {
    let service = try ChildProcess(
      try TestEnvironment.executable("hello-world-mission-service"),
      [
        "--hello-options", "World", "--hello-options", "Everyone", "--hello-options", "Scout",
        "robot",
        "--host-ip", "127.0.0.1", "--port", "0",
      ] + self.robotArguments
    )
    try await service.waitForOutput("Starting directory registration loop", inStderr: true)
    return service
  }

  /// The document's power-off service, registered with the robot.
  func startPowerOff() async throws -> ChildProcess {
    let service = try ChildProcess(
      try TestEnvironment.executable("power-off-mission-service"),
      ["127.0.0.1:\(self.robotPort)", "--host-ip", "127.0.0.1", "--port", "0"]
        + Array(self.robotArguments.dropLast())
    )
    try await service.waitForOutput("Starting directory registration loop", inStderr: true)
    return service
  }
}

extension ConsoleSimulator {
  /// console_gallery_servicer.py: a Python callback whose spec has every customization type,
  /// registered as `console-gallery`; it serves until its stdin closes.
  func startGallery() async throws -> ChildProcess {
    let service = try ChildProcess(
      try TestEnvironment.python,
      [
        TestEnvironment.script("console_gallery_servicer.py"), "--port", "\(self.robotPort)",
        "--ca", self.dataDirectory + "/ca.pem",
      ]
    )
    try await service.waitForOutput("REGISTERED console-gallery")
    return service
  }
}

/// Headless Chromium driven by Selenium (Tests/InteropTests/Python/console_browser.py), which
/// `Scripts/test.sh` installs: Debian's chromium and chromium-driver, selenium in `.venv`.
enum ConsoleBrowser {
  /// Where every browser test leaves its screenshots (gitignored).
  static let screenshots = TestEnvironment.packageRoot
    .appendingPathComponent("test-artifacts/console").path

  /// Starts a scenario of the browser script against `url`.
  static func start(_ scenario: String, url: String) throws -> ChildProcess {
    for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"]
    where !FileManager.default.isExecutableFile(atPath: tool) {
      throw TestEnvironment.SetupError(
        "No \(tool): run .ci/run, which installs Debian's chromium and chromium-driver"
      )
    }
    return try ChildProcess(
      try TestEnvironment.python,
      [
        TestEnvironment.script("console_browser.py"), "--url", url, "--screenshots",
        Self.screenshots, "--scenario", scenario,
      ]
    )
  }

  /// Runs a scenario to its end and decodes what it saw.
  static func run(_ scenario: String, url: String) async throws -> [String: Any] {
    let browser = try Self.start(scenario, url: url)
    return try await Self.result(of: browser)
  }

  /// Waits for a started scenario and decodes what it saw.
  static func result(of browser: ChildProcess) async throws -> [String: Any] {
    let status = try await browser.waitForExit(timeout: .seconds(180))
    guard status == 0 else {
      // Swift Testing shows an error's first line only: the browser's output goes to the log.
      print("console_browser.py output:\n\(browser.stdout)\n\(browser.stderr)")
      throw TestEnvironment.SetupError(
        "console_browser.py failed (\(status)):\n\(browser.stdout)\n\(browser.stderr)"
      )
    }
    return try lastJSONObject(browser.stdout)
  }
}
