import BosdynCommandLine
import BosdynClient
import ArgumentParser
import BosdynAPI
import BosdynCore
import BosdynRobot
import Foundation

extension RemoteMissionClientCommand {
  /// `bench-keepalive`: the cost of keeping many services registered, for the benchmark
  /// script's comparison with the Python `DirectoryRegistrationKeepAlive`.
  ///
  /// Runs `--count` ``DirectoryRegistrationKeepAlive``s in this one process, over one robot
  /// connection, each registering its own name and authority (`<prefix>-<i>`,
  /// `<prefix>-<i>.spot.robot`) that all point at `--host-ip`/`--port`, re-registering every
  /// `--interval` seconds. After `--seconds` it checks how many are listed in the directory,
  /// prints one line and unregisters them. The script measures the CPU time of this process
  /// and of the robot over a window inside the run; the line's `cpu_s` (getrusage, whole
  /// process life including start-up) is for reference.
  struct BenchKeepAlive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "bench-keepalive",
      abstract: "Keep COUNT services registered with a robot for SECONDS, then print CPU time.",
      discussion: """
        Prints one line: keepalives=<n> listed=<n> interval_s=<float> seconds=<float> \
        cpu_s=<float> (user + system CPU of this process, from getrusage).
        """
    )

    @OptionGroup var robot: BenchRobotOptions

    @Option(help: "How many services to keep registered.")
    var count = 100

    @Option(help: "How long to keep them registered, in seconds.")
    var seconds: Double = 20

    @Option(help: "The re-registration interval of each keep-alive, in seconds.")
    var interval: Double = 1

    @Option(help: "The address the registrations point at.")
    var hostIp = "127.0.0.1"

    @Option(help: "The port the registrations point at (nothing needs to listen there).")
    var port = 50051

    @Option(help: "Directory names are <prefix>-<i>.")
    var namePrefix = "bench-keepalive"

    func validate() throws {
      if self.robot.robot == nil { throw ValidationError("--robot is required.") }
      if self.count < 1 { throw ValidationError("--count must be at least 1.") }
      if !(self.seconds > 0 && self.interval > 0) {
        throw ValidationError("--seconds and --interval must be positive.")
      }
    }

    func run() async throws {
      Interruption.restoreDefaultInterruptAction()
      let names = (0..<self.count).map { "\(self.namePrefix)-\($0)" }
      let listed = try await self.robot.withConnection(clientName: "BenchKeepAlive") {
        connection in
        let configuration = DirectoryRegistrationKeepAlive.Configuration(
          interval: .seconds(self.interval)
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
          for name in names {
            let keepAlive = DirectoryRegistrationKeepAlive(
              connection: connection,
              registration: .init(
                name: name,
                authority: "\(name).spot.robot",
                host: self.hostIp,
                port: self.port
              ),
              configuration: configuration
            )
            group.addTask { try await keepAlive.run() }
          }
          try await Task.sleep(for: .seconds(self.seconds))
          // Cancelled rather than shut down gracefully: the unregistering below is not timed.
          group.cancelAll()
        }
        let entries = try await DirectoryClient(connection: connection).list()
        let ours = Set(names)
        let listed = entries.filter { ours.contains($0.name) }.count
        let registrations = DirectoryRegistrationClient(connection: connection)
        await withTaskGroup(of: Void.self) { group in
          for name in names {
            group.addTask { try? await registrations.unregister(name: name) }
          }
        }
        return listed
      }
      print(
        String(
          format: "keepalives=%d listed=%d interval_s=%.3f seconds=%.3f cpu_s=%.3f",
          self.count,
          listed,
          self.interval,
          self.seconds,
          Self.processCPUSeconds()
        )
      )
    }

    /// User + system CPU time of this process so far.
    static func processCPUSeconds() -> Double {
      var usage = rusage()
      guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return .nan }
      func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
      }
      return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
  }
}
