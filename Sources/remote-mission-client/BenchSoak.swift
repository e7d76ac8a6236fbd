import BosdynCommandLine
import ArgumentParser
import BosdynAPI
import BosdynClient
import BosdynCore
import BosdynRobot
import Foundation
import GRPCCore
import Synchronization

extension RemoteMissionClientCommand {
  /// `bench-soak`: many sessions ticking a service through the robot at once for a while, for
  /// the benchmark's soak section, which kills and restarts the service and the robot meanwhile
  /// and needs to know when ticks failed.
  ///
  /// Every session establishes itself, ticks at `--rate` (a bounded loop: one tick in flight per
  /// session), and on a failure waits a little and establishes a new session. Each second of the
  /// run prints one line, `second=S ok=N failed=M`, and the end `ticks=N failed=M`.
  struct BenchSoak: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "bench-soak",
      abstract: "Tick a service from many sessions at once through the robot and count failures."
    )

    @OptionGroup var robot: BenchRobotOptions

    @Option(help: "The directory name of the service to tick through the robot.")
    var service = TargetService.helloWorld.directoryName

    @Option(help: "How many sessions tick at once.")
    var sessions = 1000

    @Option(help: "How long to run, in seconds.")
    var seconds = 60

    @Option(help: "Ticks per second of each session.")
    var rate = 2.0

    func validate() throws {
      if self.robot.robot == nil { throw ValidationError("bench-soak needs --robot.") }
      if !(1...100_000).contains(self.sessions) {
        throw ValidationError("--sessions must be 1-100000.")
      }
      if !(1...86_400).contains(self.seconds) {
        throw ValidationError("--seconds must be 1-86400.")
      }
      if !(self.rate > 0 && self.rate <= 1000) {
        throw ValidationError("--rate must be above 0 and at most 1000.")
      }
    }

    func run() async throws {
      Interruption.restoreDefaultInterruptAction()
      let counts = SoakCounts(seconds: self.seconds)
      let clock = ContinuousClock()
      let start = clock.now
      let end = start + .seconds(self.seconds)
      let period = Duration.seconds(1.0 / self.rate)
      try await self.robot.withConnection(clientName: "BenchSoak") { connection in
        let client = try await connection.remoteMissionClient(serviceName: self.service)
        await withDiscardingTaskGroup { group in
          for index in 0..<self.sessions {
            group.addTask {
              // Spread the sessions' first ticks over one period.
              try? await Task.sleep(for: period * (Double(index) / Double(self.sessions)))
              var session: String?
              while clock.now < end, !Task.isCancelled {
                let began = clock.now
                do {
                  if session == nil { session = try await client.establishSession() }
                  let response = try await client.tick(sessionID: session!)
                  let ok = response.status == .success || response.status == .running
                  counts.record(ok: ok, at: start.duration(to: clock.now))
                  if !ok { session = nil }
                } catch {
                  counts.record(ok: false, at: start.duration(to: clock.now))
                  session = nil
                }
                let next = began + period
                if next > clock.now { try? await Task.sleep(until: min(next, end)) }
              }
              if let session { try? await client.teardownSession(sessionID: session) }
            }
          }
        }
      }
      for line in counts.lines { print(line) }
    }
  }
}

/// Ticks that succeeded and failed, per second of a soak run.
final class SoakCounts: Sendable {
  private let buckets: Mutex<[(ok: Int, failed: Int)]>

  init(seconds: Int) {
    self.buckets = Mutex(Array(repeating: (0, 0), count: seconds + 2))
  }

  func record(ok: Bool, at elapsed: Duration) {
    self.buckets.withLock { buckets in
      let second = min(max(0, Int(elapsed.components.seconds)), buckets.count - 1)
      if ok { buckets[second].ok += 1 } else { buckets[second].failed += 1 }
    }
  }

  /// One `second=S ok=N failed=M` line per second, then `ticks=N failed=M`.
  var lines: [String] {
    self.buckets.withLock { buckets in
      var lines = buckets.enumerated().map { "second=\($0) ok=\($1.ok) failed=\($1.failed)" }
      let ok = buckets.reduce(0) { $0 + $1.ok }
      let failed = buckets.reduce(0) { $0 + $1.failed }
      lines.append("ticks=\(ok + failed) failed=\(failed)")
      return lines
    }
  }
}
