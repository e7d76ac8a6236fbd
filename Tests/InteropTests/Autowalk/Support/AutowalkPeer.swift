import AutowalkCompiler
import BosdynAPI
import BosdynRobot
import Foundation
import TestSupport

/// The Python peers of the Autowalk tests: recording callbacks registered with the robot
/// (walk_servicers.py) and the driver playing a walk directory (autowalk_driver.py).
struct RecordingCallbacks {
  let process: ChildProcess

  /// Starts callbacks `NAME:BEHAVIOR` (see walk_servicers.py) and waits until all registered.
  static func start(_ robot: TestRobot, _ services: [String]) async throws -> RecordingCallbacks {
    let process = try ChildProcess(
      try TestEnvironment.python,
      [TestEnvironment.script("walk_servicers.py")] + robot.pythonArguments
        + services.flatMap { ["--service", $0] }
    )
    try await process.waitForOutput("READY")
    return RecordingCallbacks(process: process)
  }

  /// Every call the callbacks recorded, in order.
  var events: [[String: Any]] {
    self.process.stdout.split(separator: "\n").compactMap { line in
      try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    }
  }

  /// The Ticks of `service` (all services when `nil`), in order.
  func ticks(_ service: String? = nil) -> [[String: Any]] {
    self.events.filter {
      $0["event"] as? String == "tick" && (service == nil || $0["service"] as? String == service)
    }
  }

  /// The user strings of the Ticks, as `service: user string`.
  var tickLog: [String] {
    self.ticks().map { "\($0["service"] as? String ?? ""): \($0["user_string"] as? String ?? "")" }
  }

  /// Stops the callbacks (they unregister).
  func stop() async throws {
    self.process.closeStdin()
    _ = try await self.process.waitForExit()
  }
}

extension TestRobot {
  /// Writes `walk` over a straight map of `waypoints` waypoints (0.5 m apart) to a new
  /// temporary walk directory.
  func walkDirectory(_ walk: Bosdyn_Api_Autowalk_Walk, waypoints: Int) throws -> String {
    let directory = TemporaryFiles.temporaryDirectory("walk")
    try WalkDirectory(map: StraightLineMap(waypoints: waypoints, spacing: 0.5), walk: walk)
      .write(to: URL(fileURLWithPath: directory))
    return directory
  }

  /// Runs autowalk_driver.py on `directory` and returns what it printed.
  func playWithPython(
    _ directory: String,
    _ arguments: [String] = [],
    timeout: Duration = .seconds(90)
  ) async throws -> [String: Any] {
    let result = try await ChildProcess.run(
      try TestEnvironment.python,
      [TestEnvironment.script("autowalk_driver.py")] + self.pythonArguments
        + ["--walk-dir", directory, "--velocity", "5"] + arguments,
      timeout: timeout
    )
    guard result.status == 0 else {
      throw TestEnvironment.SetupError(
        "autowalk_driver.py failed (\(result.status)):\n\(result.stdout)\n\(result.stderr)"
      )
    }
    return try lastJSONObject(result.stdout)
  }

  /// Proves the robot still serves: compiles and loads a small walk with the Swift clients.
  func stillServesAutowalk() async throws -> Bool {
    try await self.withConnection { connection in
      let map = StraightLineMap(waypoints: 2)
      try await GraphNavClient(connection: connection).uploadGraph(map.graph)
      let wallet = LeaseWallet(clientName: "checker")
      try await LeaseClient(connection: connection, wallet: wallet).take()
      let loaded = try await AutowalkClient(connection: connection, wallet: wallet).load(
        .walk("Still serving", elements: [.element("Here", at: "waypoint-1")])
      )
      return loaded.missionID > 0
    }
  }
}
