import ArgumentParser
import BosdynClient
import Foundation

extension RemoteMissionClientCommand {
  /// `bench-ticks`: ticks a service sequentially and reports the rate and latency, for the
  /// benchmark script's comparison with the Python `RemoteClient`.
  struct BenchTicks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "bench-ticks",
      abstract: "Tick a service sequentially COUNT times and print ticks/s, p50 and p99.")

    @Option(help: "Hostname or address the service can be reached at.")
    var hostIp: String

    @Option(help: "The port number the service can be reached at.")
    var port: Int

    @Option(help: "How many ticks to time (after 200 untimed warm-up ticks).")
    var count = 2000

    func run() async throws {
      let clock = ContinuousClock()
      var latencies: [Duration] = []
      latencies.reserveCapacity(self.count)
      let total = try await RemoteMissionClient.withDirectConnection(
        host: self.hostIp, port: self.port
      ) { client in
        for _ in 0..<200 { _ = try await client.tick(sessionID: "") }
        let started = clock.now
        for _ in 0..<self.count {
          let before = clock.now
          _ = try await client.tick(sessionID: "")
          latencies.append(before.duration(to: clock.now))
        }
        return started.duration(to: clock.now)
      }
      latencies.sort()
      func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
      }
      let rate = Double(self.count) / (milliseconds(total) / 1e3)
      let p50 = milliseconds(latencies[latencies.count / 2])
      let p99 = milliseconds(latencies[min(latencies.count - 1, latencies.count * 99 / 100)])
      print(String(format: "ticks_per_second=%.1f p50_ms=%.3f p99_ms=%.3f", rate, p50, p99))
    }
  }
}
