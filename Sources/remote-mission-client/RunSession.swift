import BosdynClient
import BosdynAPI
import BosdynCommandLine
import BosdynCore
import GRPCCore

/// Establishes, ticks every 0.1 s while running, prints the outcome, stops and tears down:
/// the sequence of the document's client. `leases` go with every call (the power-off service
/// needs the body lease).
///
/// A signal (`interruption`) cancels the step in progress; a session already established is
/// then stopped and torn down, as the robot's mission service does when a mission stops, so
/// the callback does not go on working (powering off, say) for a client that is gone.
func runSession<Transport: ClientTransport>(
  _ client: RemoteMissionClient<Transport>,
  options: SessionOptions,
  leases: [Lease] = [],
  interruption: Interruption
) async throws {
  var declarations: [VariableDeclaration] = []
  var inputs: [KeyValue] = []
  var params: DictParam?
  if let userString = options.userString {
    declarations = [.string("user-string")]
    inputs = [.constant("user-string", string: userString)]
    params = DictParam(strings: ["who": userString])
  }

  // Not cancelled by a signal (it has its deadline): the callback may have made the session
  // already, and only a session this program knows of can be stopped and torn down.
  let sessionID: String
  do {
    sessionID = try await client.establishSession(leases: leases, inputs: declarations)
  } catch let error as ClientError where error.code == .unimplemented {
    print("EstablishSession is unimplemented.")
    sessionID = ""
  }
  if interruption.signal != nil {
    print("Interrupted: stopping the session.")
    await stopAndTearDown(client, sessionID: sessionID)
    try interruption.check()
  }

  let response: TickResponse
  do {
    response = try await interruption.interruptible { [inputs, params] in
      var response = try await client.tick(
        sessionID: sessionID,
        leases: leases,
        inputs: inputs,
        params: params
      )
      while response.status == .running {
        try await Task.sleep(for: .milliseconds(100))
        response = try await client.tick(
          sessionID: sessionID,
          leases: leases,
          inputs: inputs,
          params: params
        )
      }
      return response
    }
  } catch let interrupted as Interruption.Interrupted {
    print("Interrupted: stopping the session.")
    await stopAndTearDown(client, sessionID: sessionID)
    throw interrupted
  }
  print("Servicer stopped with status \(response.status.protoName)")
  if !response.errorMessage.isEmpty {
    print("\tError message: \(response.errorMessage)")
  }

  do {
    try await client.stop(sessionID: sessionID)
    try await client.teardownSession(sessionID: sessionID)
  } catch let error as ClientError where error.code == .unimplemented {
    print("Either Stop or TeardownSession is unimplemented.")
  }
  // A signal during the closing calls (they ran to the end): the exit status still says so.
  try interruption.check()
}

/// Stop, then TeardownSession, each failure only printed: the clean-up after a signal, when
/// the program is ending anyway.
private func stopAndTearDown<Transport: ClientTransport>(
  _ client: RemoteMissionClient<Transport>,
  sessionID: String
) async {
  do {
    try await client.stop(sessionID: sessionID)
  } catch {
    print("Stop failed: \(error)")
  }
  do {
    try await client.teardownSession(sessionID: sessionID)
  } catch {
    print("TeardownSession failed: \(error)")
  }
}
