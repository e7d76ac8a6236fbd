import BosdynClient
import BosdynAPI
import BosdynCore
import GRPCCore

/// Establishes, ticks every 0.1 s while running, prints the outcome, stops and tears down:
/// the sequence of the document's client. `leases` go with every call (the power-off service
/// needs the body lease).
func runSession<Transport: ClientTransport>(
  _ client: RemoteMissionClient<Transport>,
  options: SessionOptions,
  leases: [Lease] = []
) async throws {
  var declarations: [VariableDeclaration] = []
  var inputs: [KeyValue] = []
  var params: DictParam?
  if let userString = options.userString {
    declarations = [.string("user-string")]
    inputs = [.constant("user-string", string: userString)]
    params = DictParam(strings: ["who": userString])
  }

  let sessionID: String
  do {
    sessionID = try await client.establishSession(leases: leases, inputs: declarations)
  } catch let error as ClientError where error.code == .unimplemented {
    print("EstablishSession is unimplemented.")
    sessionID = ""
  }

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
}
