import BosdynCommandLine
import BosdynClient
import ArgumentParser
import BosdynCore
import BosdynRobot
import Foundation
import GRPCCore

extension RemoteMissionClientCommand {
  /// `bench-ticks`: ticks a service sequentially and reports the rate and latency, for the
  /// benchmark script's comparison with the Python `RemoteClient`.
  ///
  /// Two ways to reach the service: straight to `--host-ip`/`--port` (plaintext, as `local`),
  /// or with `--robot` through the robot's TLS proxy (as `robot`: log in, look the service up in
  /// the directory, call it under its authority) — so the script can show what the proxy costs.
  struct BenchTicks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "bench-ticks",
      abstract: "Tick a service sequentially COUNT times and print ticks/s, p50 and p99.",
      discussion: """
        Direct: --host-ip H --port P. Through a robot: --robot HOST:PORT [--robot-ca CA] \
        [--username U --password P] [--service NAME]. Prints one line: \
        ticks_per_second=<float> p50_ms=<float> p90_ms=<float> p99_ms=<float>
        """
    )

    @Option(help: "Hostname or address the service can be reached at (direct mode).")
    var hostIp: String?

    @Option(help: "The port number the service can be reached at (direct mode).")
    var port: Int?

    @OptionGroup var robot: BenchRobotOptions

    @Option(help: "The directory name of the service to tick through the robot.")
    var service = TargetService.helloWorld.directoryName

    @Option(help: "How many ticks to time (after 200 untimed warm-up ticks).")
    var count = 2000

    func validate() throws {
      let direct = self.hostIp != nil || self.port != nil
      if direct == (self.robot.robot != nil) {
        throw ValidationError("Give either --host-ip and --port, or --robot.")
      }
      if direct, self.hostIp == nil || self.port == nil {
        throw ValidationError("Direct mode needs both --host-ip and --port.")
      }
      if self.count < 1 { throw ValidationError("--count must be at least 1.") }
    }

    func run() async throws {
      Interruption.restoreDefaultInterruptAction()
      let stats: TickStats
      if let hostIp = self.hostIp, let port = self.port {
        stats = try await RemoteMissionClient.withDirectConnection(host: hostIp, port: port) {
          try await TickStats.measure($0, count: self.count)
        }
      } else {
        stats = try await self.robot.withConnection(clientName: "BenchTicks") { connection in
          let client = try await connection.remoteMissionClient(serviceName: self.service)
          return try await TickStats.measure(client, count: self.count)
        }
      }
      print(stats.line)
    }
  }
}

/// Rate and latency percentiles of a sequential tick loop.
struct TickStats: Sendable {
  var ticksPerSecond: Double
  var p50: Duration
  var p90: Duration
  var p99: Duration

  /// The `key=value` line the benchmark script parses.
  var line: String {
    String(
      format: "ticks_per_second=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f",
      self.ticksPerSecond,
      self.p50.milliseconds,
      self.p90.milliseconds,
      self.p99.milliseconds
    )
  }

  /// Ticks session "" 200 times untimed, then `count` times one after the other, timing each.
  static func measure<Transport: ClientTransport>(
    _ client: RemoteMissionClient<Transport>,
    count: Int
  ) async throws -> TickStats {
    let clock = ContinuousClock()
    var latencies: [Duration] = []
    latencies.reserveCapacity(count)
    for _ in 0..<200 { _ = try await client.tick(sessionID: "") }
    let started = clock.now
    for _ in 0..<count {
      let before = clock.now
      _ = try await client.tick(sessionID: "")
      latencies.append(before.duration(to: clock.now))
    }
    let total = started.duration(to: clock.now)
    latencies.sort()
    func percentile(_ fraction: Double) -> Duration {
      // Nearest rank, as the Python scripts.
      let rank = max(1, Int((fraction * Double(latencies.count)).rounded(.up)))
      return latencies[rank - 1]
    }
    return TickStats(
      ticksPerSecond: Double(count) / (total.milliseconds / 1e3),
      p50: percentile(0.50),
      p90: percentile(0.90),
      p99: percentile(0.99)
    )
  }
}

extension Duration {
  /// The duration in (fractional) milliseconds, for printing.
  var milliseconds: Double {
    Double(self.components.seconds) * 1e3 + Double(self.components.attoseconds) / 1e15
  }
}
