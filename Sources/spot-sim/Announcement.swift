import Foundation
import ServiceLifecycle
import SpotConsole
import SpotSimulator

/// Prints where the console is, then where the robot listens (the last line, which scripts
/// wait for), once both are known.
struct Announcement: Service {
  let robot: SimulatedRobot
  let console: SpotConsole
  let host: String

  func run() async throws {
    let robotPort = try await self.robot.listeningPort()
    do {
      let consolePort = try await self.console.listeningPort()
      print("Console: \(self.console.url(port: consolePort))")
    } catch {
      FileHandle.standardError.write(
        Data(
          "spot-sim: the console is off: \(error). Use --console-port PORT (0 for any free port).\n"
            .utf8
        )
      )
    }
    print("Listening on \(self.host):\(robotPort)")
    fflush(nil)
    try? await gracefulShutdown()
  }
}
