import BosdynAPI
import BosdynCore
import GRPCCore
import ServiceCustomization
import SpotSimulator
import Synchronization

/// Runs a callback as a mission's RemoteGrpc node would: EstablishSession, Tick until the
/// callback says it is done (or the operator cancels, or the run times out), then Stop and
/// TeardownSession; each call becomes a ``RunEvent`` the page shows as it happens.
///
/// Like the robot, it treats an unimplemented EstablishSession as a session with an empty
/// id, and sends Stop and TeardownSession even after a failed tick.
struct RunExecutor: Sendable {
  /// Pauses between ticks, the run's time limit and each call's deadline.
  let configuration: SpotConsole.Configuration
  /// What pauses and the time limit are measured on.
  let clock: RobotClock
  /// The robot's leases, for runs that give the callback the body lease.
  let leases: LeaseLedger
  /// Whether a run holds the body lease now (one at a time).
  let leaseHolder = BodyLeaseRunHolder()

  func execute(_ run: CallbackRun) async {
    guard let username = run.bodyLeaseUser else {
      run.finish(await self.connectAndExecute(run, leases: []))
      return
    }
    // The lease is settled before connecting: a run refused here sends nothing, and a
    // connection opened and closed without a call would only race grpc-swift's start-up.
    // One run at a time holds the body lease: a second take would leave the first run
    // ticking with a lease the robot no longer honours.
    guard self.leaseHolder.claim() else {
      run.record(
        RunEvent(
          call: "Take body lease",
          status: "BUSY",
          tone: "error",
          milliseconds: 0,
          detail: "Another run holds the body lease; wait for it to end or cancel it."
        )
      )
      run.finish(
        RunOutcome(result: "ERROR", tone: "error", summary: "No body lease: nothing sent.")
      )
      return
    }
    defer { self.leaseHolder.release() }
    guard let lease = self.takeBodyLease(run, username: username) else {
      run.finish(
        RunOutcome(result: "ERROR", tone: "error", summary: "No body lease: nothing sent.")
      )
      return
    }
    // Retained for as long as the run lasts, as the tablet keeps the lease it gives an
    // action: a callback may answer RUNNING for longer than the robot keeps a lease nobody
    // retains, before it uses its sublease.
    let outcome = await self.leases.whileRetaining(
      lease,
      onLost: { refused in
        // Another client took the lease (the robot page, the tablet, a script): the
        // callback's sublease is worthless now, so the run ends rather than tick on.
        run.record(
          RunEvent(
            call: "Retain body lease",
            status: protoName(refused.status),
            tone: "error",
            milliseconds: 0,
            detail: "Another client took the body lease: the run stops."
          )
        )
        run.cancel()
      }
    ) {
      await self.connectAndExecute(
        run,
        leases: [lease.sublease(clientName: CallbackClient.clientName)]
      )
    }
    self.returnBodyLease(run, lease)
    run.finish(outcome)
  }

  /// Connects to the callback and runs its session with `leases`; a connection that cannot
  /// be made is recorded and becomes the outcome.
  private func connectAndExecute(
    _ run: CallbackRun,
    leases: [Bosdyn_Api_Lease]
  ) async -> RunOutcome {
    do {
      return try await CallbackClient.with(host: run.callback.host, port: run.callback.port) {
        stub in
        await self.execute(run, stub: stub, leases: leases)
      }
    } catch {
      run.record(
        RunEvent(
          call: "Connect",
          status: "FAILED",
          tone: "error",
          milliseconds: 0,
          detail: CallbackError(describing: error).description
        )
      )
      return RunOutcome(result: "ERROR", tone: "error", summary: "Could not reach the callback.")
    }
  }

  /// Takes the body lease as the signed-in user (as the tablet and the robot page do) and
  /// records it; `nil`, recorded, when the robot refuses.
  private func takeBodyLease(_ run: CallbackRun, username: String) -> Bosdyn_Api_Lease? {
    var owner = Bosdyn_Api_LeaseOwner()
    owner.clientName = RobotControls.clientName
    owner.userName = username
    let taken = self.leases.take(resource: "body", owner: owner)
    let ok = taken.status == .ok
    run.record(
      RunEvent(
        call: "Take body lease",
        status: protoName(taken.status),
        tone: ok ? "ok" : "error",
        milliseconds: 0,
        detail: ok ? "The callback gets a sublease of it in each call." : nil
      )
    )
    return ok ? taken.lease : nil
  }

  /// Returns the run's body lease (whose sublease the callback got), and records it.
  private func returnBodyLease(_ run: CallbackRun, _ lease: Bosdyn_Api_Lease) {
    let returned = self.leases.returnLease(lease)
    run.record(
      RunEvent(
        call: "Return body lease",
        status: protoName(returned),
        tone: returned == .ok ? "ok" : "neutral",
        milliseconds: 0
      )
    )
  }

  private func execute(
    _ run: CallbackRun,
    stub: CallbackClient.Stub,
    leases: [Bosdyn_Api_Lease]
  ) async -> RunOutcome {
    guard let sessionID = await self.establishSession(run, stub: stub, leases: leases) else {
      return RunOutcome(
        result: "ERROR",
        tone: "error",
        summary: "EstablishSession failed: no ticks sent."
      )
    }
    let outcome = await self.tickUntilDone(run, stub: stub, sessionID: sessionID, leases: leases)
    await self.call(run, "Stop") {
      var request = Bosdyn_Api_Mission_StopRequest()
      request.sessionID = sessionID
      let response = try await stub.stop(
        request.stamped(clientName: CallbackClient.clientName),
        options: self.options
      )
      return (response.header, response.status.protoName, response.status == .ok ? "ok" : "error")
    }
    await self.call(run, "TeardownSession") {
      var request = Bosdyn_Api_Mission_TeardownSessionRequest()
      request.sessionID = sessionID
      let response = try await stub.teardownSession(
        request.stamped(clientName: CallbackClient.clientName),
        options: self.options
      )
      return (response.header, response.status.protoName, response.status == .ok ? "ok" : "error")
    }
    return outcome
  }

  /// The session id, `""` when the callback does not implement sessions, `nil` on failure.
  private func establishSession(
    _ run: CallbackRun,
    stub: CallbackClient.Stub,
    leases: [Bosdyn_Api_Lease]
  ) async -> String? {
    var sessionID: String?
    let started = ContinuousClock.now
    do {
      var request = Bosdyn_Api_Mission_EstablishSessionRequest()
      request.leases = leases
      let response = try await stub.establishSession(
        request.stamped(clientName: CallbackClient.clientName),
        options: self.options
      )
      let elapsed = Self.milliseconds(since: started)
      if let problem = CallbackError.headerProblem(response.header) {
        run.record(
          RunEvent(
            call: "EstablishSession",
            status: "HEADER ERROR",
            tone: "error",
            milliseconds: elapsed,
            detail: problem.description
          )
        )
        return nil
      }
      var detail: String?
      switch response.status {
      case .ok: sessionID = response.sessionID
      case .missingLeases:
        detail =
          "Missing leases: " + response.missingLeaseResources.joined(separator: ", ")
          + ". Tick “Give the callback the body lease” and run again."
      case .missingInputs:
        detail = "Missing inputs: " + response.missingInputs.map(\.name).joined(separator: ", ")
      default: detail = nil
      }
      run.record(
        RunEvent(
          call: "EstablishSession",
          status: response.status.protoName,
          tone: sessionID == nil ? "error" : "ok",
          milliseconds: elapsed,
          detail: detail
        )
      )
    } catch let error as RPCError where error.code == .unimplemented {
      sessionID = ""
      run.record(
        RunEvent(
          call: "EstablishSession",
          status: "UNIMPLEMENTED",
          tone: "neutral",
          milliseconds: Self.milliseconds(since: started),
          detail: "The callback keeps no sessions; ticking with an empty session id."
        )
      )
    } catch {
      run.record(
        RunEvent(
          call: "EstablishSession",
          status: "FAILED",
          tone: "error",
          milliseconds: Self.milliseconds(since: started),
          detail: CallbackError(describing: error).description
        )
      )
    }
    return sessionID
  }

  private func tickUntilDone(
    _ run: CallbackRun,
    stub: CallbackClient.Stub,
    sessionID: String,
    leases: [Bosdyn_Api_Lease]
  ) async -> RunOutcome {
    let deadline = self.clock.now + self.configuration.runTimeout
    var count = 0
    while true {
      if run.isCancelled {
        return RunOutcome(
          result: "CANCELLED",
          tone: "neutral",
          summary: "Cancelled after \(count) ticks."
        )
      }
      count += 1
      var request = Bosdyn_Api_Mission_TickRequest()
      request.sessionID = sessionID
      request.params = run.params
      request.leases = leases
      let started = ContinuousClock.now
      let response: Bosdyn_Api_Mission_TickResponse
      do {
        response = try await stub.tick(
          request.stamped(clientName: CallbackClient.clientName),
          options: self.options
        )
      } catch {
        run.record(
          RunEvent(
            call: "Tick \(count)",
            status: "FAILED",
            tone: "error",
            milliseconds: Self.milliseconds(since: started),
            detail: CallbackError(describing: error).description
          )
        )
        return RunOutcome(result: "ERROR", tone: "error", summary: "Tick \(count) failed.")
      }
      let elapsed = Self.milliseconds(since: started)
      if let problem = CallbackError.headerProblem(response.header) {
        run.record(
          RunEvent(
            call: "Tick \(count)",
            status: "HEADER ERROR",
            tone: "error",
            milliseconds: elapsed,
            detail: problem.description
          )
        )
        return RunOutcome(result: "ERROR", tone: "error", summary: "Tick \(count) failed.")
      }
      run.record(self.event(for: response, count: count, milliseconds: elapsed, run: run))
      switch response.status {
      case .running:
        if self.clock.now >= deadline {
          return RunOutcome(
            result: "TIMED OUT",
            tone: "error",
            summary: "Still running after \(self.configuration.runTimeout): stopped."
          )
        }
        try? await self.clock.sleep(for: self.configuration.tickInterval)
      case .success:
        return RunOutcome(
          result: "SUCCESS",
          tone: "ok",
          summary: "The callback succeeded after \(count) \(count == 1 ? "tick" : "ticks")."
        )
      case .failure:
        return RunOutcome(
          result: "FAILURE",
          tone: "error",
          summary: "The callback reported failure."
        )
      default:
        return RunOutcome(
          result: "ERROR",
          tone: "error",
          summary: "The callback answered \(response.status.protoName)."
        )
      }
    }
  }

  private func event(
    for response: Bosdyn_Api_Mission_TickResponse,
    count: Int,
    milliseconds: Double,
    run: CallbackRun
  ) -> RunEvent {
    var event = RunEvent(
      call: "Tick \(count)",
      status: response.status.protoName,
      tone: "neutral",
      milliseconds: milliseconds
    )
    switch response.status {
    case .success: event.tone = "ok"
    case .running: event.tone = "running"
    case .customParamsError:
      event.tone = "error"
      let messages = response.customParamError.errorMessages
      event.detail = "The callback refused the parameters (\(response.customParamError.status))."
      event.issues = messages.map { message in
        let issue = ValueIssue(parsing: message)
        return FormIssue(field: run.fieldName(issue.path), message: issue.text)
      }
    case .missingLeases:
      event.tone = "error"
      event.detail =
        "Missing leases: " + response.missingLeaseResources.joined(separator: ", ")
        + (run.bodyLeaseUser == nil
          ? ". Tick “Give the callback the body lease” and run again." : "")
    case .missingInputs:
      event.tone = "error"
      event.detail = "Missing inputs: " + response.missingInputs.map(\.name).joined(separator: ", ")
    default:
      event.tone = "error"
      if !response.errorMessage.isEmpty { event.detail = response.errorMessage }
    }
    if response.status == .failure || response.status == .success, !response.errorMessage.isEmpty {
      event.detail = response.errorMessage
    }
    return event
  }

  /// Sends Stop or TeardownSession and records it; their failures end nothing.
  private func call(
    _ run: CallbackRun,
    _ name: String,
    _ body: () async throws -> (Bosdyn_Api_ResponseHeader, String, String)
  ) async {
    let started = ContinuousClock.now
    do {
      let (header, status, tone) = try await body()
      let problem = CallbackError.headerProblem(header)
      run.record(
        RunEvent(
          call: name,
          status: problem == nil ? status : "HEADER ERROR",
          tone: problem == nil ? tone : "error",
          milliseconds: Self.milliseconds(since: started),
          detail: problem?.description
        )
      )
    } catch let error as RPCError where error.code == .unimplemented {
      run.record(
        RunEvent(
          call: name,
          status: "UNIMPLEMENTED",
          tone: "neutral",
          milliseconds: Self.milliseconds(since: started)
        )
      )
    } catch {
      run.record(
        RunEvent(
          call: name,
          status: "FAILED",
          tone: "error",
          milliseconds: Self.milliseconds(since: started),
          detail: CallbackError(describing: error).description
        )
      )
    }
  }

  private var options: CallOptions {
    CallbackClient.options(timeout: self.configuration.callTimeout)
  }

  /// A call's round trip: real elapsed time, whatever clock the robot runs on, since it
  /// measures the network and the callback, not the simulation.
  private static func milliseconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    let (seconds, attoseconds) = elapsed.components
    return (Double(seconds) * 1_000 + Double(attoseconds) / 1e15).rounded(toPlaces: 1)
  }
}

extension Double {
  fileprivate func rounded(toPlaces places: Int) -> Double {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return (self * scale).rounded() / scale
  }
}

/// Which of the console's runs holds the body lease: at most one at a time.
final class BodyLeaseRunHolder: Sendable {
  private let held = Mutex(false)

  /// Takes the turn; `false` when another run has it.
  func claim() -> Bool {
    self.held.withLock { held in
      defer { held = true }
      return !held
    }
  }

  /// Gives the turn back.
  func release() {
    self.held.withLock { $0 = false }
  }
}
