import ArgumentParser
import BosdynAPI
import BosdynCore
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import MissionExecutor
import SwiftProtobuf
import Synchronization

/// `mission-executor-bench callbacks --port P`: a ParallelAnd of N RemoteGrpc nodes, each
/// repeated for ever, ticking the remote mission service at `127.0.0.1:P` at the robot's rate
/// on the real clock for a while. Prints the cycles run, the process CPU per cycle, how late
/// each cycle started against its schedule (p50, p99, max), the Tick round trip through the
/// executor (p50, p99), and the most Ticks ever in flight to one node (must be 1).
struct CallbacksBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "callbacks",
    abstract: "Many RemoteGrpc nodes ticking a real service at the robot's rate."
  )

  @Option(help: "The remote mission service's port on 127.0.0.1.")
  var port: Int

  @Option(help: "RemoteGrpc nodes under the ParallelAnd.")
  var count = 100

  @Option(help: "How long to run, in seconds.")
  var seconds = 30.0

  @Option(help: "Cycles per second.")
  var hz = 10.0

  func validate() throws {
    guard (1...65535).contains(self.port) else { throw ValidationError("--port: 1 to 65535") }
    guard self.count > 0, self.seconds > 0, self.hz > 0 else {
      throw ValidationError("--count, --seconds and --hz must be positive")
    }
  }

  func run() async throws {
    let timings = CallTimings()
    try await withGRPCClient(
      transport: .http2NIOPosix(
        target: .ipv4(address: "127.0.0.1", port: self.port),
        transportSecurity: .plaintext
      )
    ) { client in
      let connection = TimedConnection(
        wrapped: GRPCRemoteMissionConnection(
          client: Bosdyn_Api_Mission_RemoteMissionService.Client(wrapping: client)
        ),
        timings: timings
      )
      var configuration = MissionController.Configuration.defaults
      configuration.tickRate = self.hz
      configuration.historyCapacity = Int(self.seconds * self.hz) + 100
      let controller = MissionController(
        environment: RemoteServicesEnvironment(services: ["bench-callback": connection]),
        configuration: configuration
      )
      let loaded = await controller.load(self.mission())
      guard loaded.status == .ok else {
        throw ValidationError("the mission did not load: \(loaded.failedNodes)")
      }
      controller.play(pauseAt: nil)
      let cpuStart = processCPUTime()
      try await withThrowingTaskGroup { group in
        group.addTask { try await controller.run() }
        try await Task.sleep(for: .seconds(self.seconds))
        controller.beginGracefulShutdown()
        try await group.waitForAll()
      }
      let cpu = processCPUTime() - cpuStart
      let state = controller.state(
        .init(lowerBound: .pastTicks(Int64(self.seconds * self.hz) + 50))
      )
      self.report(state: state, cpu: cpu, timings: timings)
    }
  }

  /// ParallelAnd over `count` × Repeat(for ever, RemoteGrpc).
  private func mission() -> Bosdyn_Api_Mission_Node {
    var root = Bosdyn_Api_Mission_Node()
    root.name = "callbacks"
    root.parallelAnd.children = (0..<self.count).map { index in
      var call = Bosdyn_Api_Mission_Node()
      call.name = "call \(index)"
      call.remoteGrpc.serviceName = "bench-callback"
      call.remoteGrpc.host = "localhost"
      var repeated = Bosdyn_Api_Mission_Node()
      repeated.name = "repeat \(index)"
      repeated.repeat.maxStarts = Int32.max
      repeated.repeat.child = call
      return repeated
    }
    return root
  }

  private func report(state: Bosdyn_Api_Mission_State, cpu: Duration, timings: CallTimings) {
    let starts = state.history.reversed().map { $0.tickStartTimestamp.date.timeIntervalSince1970 }
    let period = 1 / self.hz
    var lateness: [Double] = []
    if let first = starts.first {
      for (index, start) in starts.enumerated() {
        lateness.append((start - (first + Double(index) * period)) * 1000)
      }
    }
    let cycles = max(1, starts.count)
    let ticks = timings.tickMilliseconds()
    print("cycles: \(starts.count)")
    print("ticks: \(ticks.count)")
    print("CPU per cycle: \(microseconds(cpu / cycles)) µs")
    print(
      "cycle start lateness: p50 \(fmt(percentile(lateness, 0.5))) ms, "
        + "p99 \(fmt(percentile(lateness, 0.99))) ms, max \(fmt(lateness.max() ?? 0)) ms"
    )
    print(
      "tick round trip: p50 \(fmt(percentile(ticks, 0.5))) ms, "
        + "p99 \(fmt(percentile(ticks, 0.99))) ms"
    )
    print("most ticks in flight to one node: \(timings.maxInFlightPerSession)")
    print(
      "callbacks=\(self.count) cycles=\(starts.count) ticks=\(ticks.count) "
        + "cpu_per_cycle_us=\(microseconds(cpu / cycles)) "
        + "lateness_p50_ms=\(fmt(percentile(lateness, 0.5))) "
        + "lateness_p99_ms=\(fmt(percentile(lateness, 0.99))) "
        + "lateness_max_ms=\(fmt(lateness.max() ?? 0)) "
        + "tick_p50_ms=\(fmt(percentile(ticks, 0.5))) tick_p99_ms=\(fmt(percentile(ticks, 0.99))) "
        + "max_in_flight=\(timings.maxInFlightPerSession)"
    )
  }
}

private func percentile(_ values: [Double], _ fraction: Double) -> Double {
  guard !values.isEmpty else { return 0 }
  let sorted = values.sorted()
  return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction + 0.5))]
}

private func fmt(_ value: Double) -> String { String(format: "%.3f", value) }

/// Tick round trips, and how many Ticks were in flight at once per session.
private final class CallTimings: Sendable {
  private struct State {
    var ticks: [Double] = []
    var inFlight: [String: Int] = [:]
    var maxInFlight = 0
  }

  private let state = Mutex(State())

  func started(session: String) {
    self.state.withLock { state in
      state.inFlight[session, default: 0] += 1
      state.maxInFlight = max(state.maxInFlight, state.inFlight[session]!)
    }
  }

  func finished(session: String, milliseconds: Double) {
    self.state.withLock { state in
      state.inFlight[session, default: 1] -= 1
      state.ticks.append(milliseconds)
    }
  }

  func tickMilliseconds() -> [Double] { self.state.withLock { $0.ticks } }
  var maxInFlightPerSession: Int { self.state.withLock { $0.maxInFlight } }
}

/// A connection that times every Tick and counts Ticks in flight per session.
private struct TimedConnection: RemoteMissionConnection {
  let wrapped: any RemoteMissionConnection
  let timings: CallTimings

  func call(_ request: Bosdyn_Api_Mission_EstablishSessionRequest) async throws
    -> Bosdyn_Api_Mission_EstablishSessionResponse
  {
    var response = try await self.wrapped.call(request)
    // The hello world keeps no sessions; give each node its own id to count overlaps by.
    if response.sessionID.isEmpty { response.sessionID = UUID().uuidString }
    return response
  }

  func call(_ request: Bosdyn_Api_Mission_TickRequest) async throws
    -> Bosdyn_Api_Mission_TickResponse
  {
    self.timings.started(session: request.sessionID)
    let start = ContinuousClock.now
    defer {
      self.timings.finished(
        session: request.sessionID,
        milliseconds: start.duration(to: .now).seconds * 1000
      )
    }
    var plain = request
    plain.sessionID = ""
    return try await self.wrapped.call(plain)
  }

  func call(_ request: Bosdyn_Api_Mission_StopRequest) async throws
    -> Bosdyn_Api_Mission_StopResponse
  {
    var plain = request
    plain.sessionID = ""
    return try await self.wrapped.call(plain)
  }

  func call(_ request: Bosdyn_Api_Mission_TeardownSessionRequest) async throws
    -> Bosdyn_Api_Mission_TeardownSessionResponse
  {
    var plain = request
    plain.sessionID = ""
    return try await self.wrapped.call(plain)
  }
}
