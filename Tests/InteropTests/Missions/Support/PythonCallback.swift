import BosdynAPI
import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The recording Python servicer (`mission_callback.py`, official SDK, `GrpcServiceRunner`,
/// registered with the official `DirectoryRegistrationClient`) as a child process: the callback
/// of a mission seen from the callback's side, since only it can tell what the robot sent and
/// in which order.
struct PythonCallback {
  /// One call the servicer received, as it printed it.
  struct Call {
    var rpc: String
    var sessionID: String
    /// The session EstablishSession handed out.
    var newSessionID: String
    var clientName: String
    var leases: [Bosdyn_Api_Lease]
    /// What the servicer answered (`HANGING` for a Tick it never answers).
    var status: String
    var inputs: [String: Any]
    /// EstablishSession's input declarations, by name.
    var declaredInputs: [String]
    var params: [String: Any]
    var groupName: String
    var time: Double
  }

  let process: ChildProcess
  /// The port it listens on (`[::]`, reached as 127.0.0.1).
  let port: Int

  /// Starts the servicer against the robot whose peer-script arguments are `robotArguments`
  /// and waits until it listens and (unless `register` is false) has registered as `name`.
  static func start(
    robotArguments: [String],
    name: String,
    runningTicks: Int = 2,
    hang: Bool = false,
    listenPort: Int = 0,
    register: Bool = true
  ) async throws -> PythonCallback {
    var arguments = [TestEnvironment.script("mission_callback.py")] + robotArguments
    arguments += ["--name", name, "--running-ticks", "\(runningTicks)"]
    arguments += ["--listen-port", "\(listenPort)"]
    if hang { arguments.append("--hang") }
    if !register { arguments.append("--no-register") }
    let process = try ChildProcess(try TestEnvironment.python, arguments)
    let output = try await process.waitForOutput(register ? "REGISTERED \(name)" : "PORT ")
    let portLine = output.split(separator: "\n").first { $0.hasPrefix("PORT ") }
    guard let port = portLine.flatMap({ Int($0.dropFirst("PORT ".count)) }) else {
      throw TestEnvironment.SetupError("mission_callback.py printed no port:\n\(output)")
    }
    return PythonCallback(process: process, port: port)
  }

  /// Every call received so far, in order.
  var calls: [Call] {
    self.process.stdout.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("CALL ") else { return nil }
      return Self.parse(line.dropFirst("CALL ".count))
    }
  }

  /// Waits until the calls received satisfy `condition`, and returns them.
  @discardableResult
  func waitForCalls(
    _ what: String,
    timeout: Duration = .seconds(15),
    _ condition: @escaping ([Call]) -> Bool
  ) async throws -> [Call] {
    try await eventually(what, timeout: timeout) { () -> [Call]? in
      let calls = self.calls
      return condition(calls) ? calls : nil
    }
  }

  /// Closes stdin (the servicer's "stop") and waits for it to exit.
  func stop() async throws {
    self.process.closeStdin()
    _ = try await self.process.waitForExit(timeout: .seconds(10))
  }

  /// Kills the process at once, as a crash would, and waits until it is gone.
  func kill() async throws {
    self.process.signal(SIGKILL)
    _ = try await self.process.waitForExit(timeout: .seconds(10))
  }

  private static func parse(_ json: Substring) -> Call? {
    guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)),
      let fields = object as? [String: Any]
    else { return nil }
    let leases = (fields["leases"] as? [[String: Any]] ?? []).map { record in
      var lease = Bosdyn_Api_Lease()
      lease.resource = record["resource"] as? String ?? ""
      lease.epoch = record["epoch"] as? String ?? ""
      lease.sequence = (record["sequence"] as? [Int] ?? []).map { UInt32($0) }
      lease.clientNames = record["client_names"] as? [String] ?? []
      return lease
    }
    let declared = (fields["inputs"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    return Call(
      rpc: fields["rpc"] as? String ?? "",
      sessionID: fields["session_id"] as? String ?? "",
      newSessionID: fields["new_session_id"] as? String ?? "",
      clientName: fields["client_name"] as? String ?? "",
      leases: leases,
      status: fields["status"] as? String ?? "",
      inputs: fields["inputs"] as? [String: Any] ?? [:],
      declaredInputs: declared,
      params: fields["params"] as? [String: Any] ?? [:],
      groupName: fields["group_name"] as? String ?? "",
      time: fields["time"] as? Double ?? 0
    )
  }
}

extension Array where Element == PythonCallback.Call {
  /// The calls of one RPC.
  func named(_ rpc: String) -> [PythonCallback.Call] { self.filter { $0.rpc == rpc } }

  /// The RPC names in order, for readable failure messages.
  var rpcs: [String] { self.map(\.rpc) }
}
