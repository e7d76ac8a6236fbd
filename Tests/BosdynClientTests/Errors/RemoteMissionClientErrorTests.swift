import BosdynClient
import BosdynAPI
import BosdynCore
import BosdynMission
import BosdynMissionTesting
import GRPCCore
import Testing

/// A servicer whose tick answers are fixed per session id, to exercise the client's mapping.
struct StatusServicer: RemoteMissionServicer {
  func tick(_ request: TickRequest) async throws -> TickResponse {
    var response = TickResponse()
    switch request.sessionID {
    case "missing-leases":
      response = .missingLeases(["body"])
    case "missing-inputs":
      response.status = .missingInputs
      response.missingInputs = [.string("user-string")]
    case "invalid":
      response = .invalidSessionID()
    case "params":
      var error = Bosdyn_Api_CustomParamError()
      error.status = .invalidValue
      error.errorMessages = ["who param has error: not an option"]
      response = .customParamsError(error)
    case "unset":
      break
    case "unrecognized":
      response.status = .UNRECOGNIZED(42)
    case "invalid-request":
      response.header.error.code = .invalidRequest
      response.header.error.message = "two body leases"
    case "lease":
      var result = Bosdyn_Api_LeaseUseResult()
      result.status = .older
      result.attemptedLease.resource = "body"
      response.status = .running
      response.leaseUseResults = [result]
    case "failure":
      response = .failure("could not do it")
    default:
      response = .running()
    }
    return response
  }
}

@Suite("RemoteMissionClient maps every answer to a value or a typed error")
struct RemoteMissionClientErrorTests {
  @Test(
    arguments: [
      ("missing-leases", ClientError.Code.missingLeases),
      ("missing-inputs", .missingInputs),
      ("invalid", .invalidSessionID),
      ("params", .customParamsError),
      ("unset", .unsetStatus),
      ("unrecognized", .unexpectedStatus),
      ("invalid-request", .invalidRequest),
      ("lease", .leaseUseError),
    ])
  func errorStatuses(sessionID: String, code: ClientError.Code) async throws {
    try await withRemoteMissionTestServer(servicer: StatusServicer()) { client, _ in
      let error = try await #require(throws: ClientError.self) {
        _ = try await client.tick(sessionID: sessionID)
      }
      #expect(error.code == code)
      #expect(error.layer == .response)
      #expect(!error.isRetryable)
      #expect(error.method == "bosdyn.api.mission.RemoteMissionService/Tick")
      if code == .customParamsError {
        #expect(error.customParamError?.errorMessages == ["who param has error: not an option"])
      }
      if code == .leaseUseError {
        #expect(error.leaseUseResult?.status == .older)
      }
      if code == .invalidRequest {
        #expect(error.message.contains("CODE_INVALID_REQUEST"))
        #expect(error.message.contains("two body leases"))
      }
    }
  }

  @Test func runningSuccessAndFailureAreAnswersNotErrors() async throws {
    try await withRemoteMissionTestServer(servicer: StatusServicer()) { client, _ in
      #expect(try await client.tick(sessionID: "anything").status == .running)
      let failure = try await client.tick(sessionID: "failure")
      #expect(failure.status == .failure)
      #expect(failure.errorMessage == "could not do it")
    }
  }

  @Test func aClosedPortIsARetryableUnavailableError() async throws {
    // Bind and release a port so nothing listens on it.
    let port = try await withEmptyServer { $0 }
    let error = try await #require(throws: ClientError.self) {
      try await RemoteMissionClient.withDirectConnection(
        host: "127.0.0.1",
        port: port,
        timeout: .seconds(5)
      ) { client in
        _ = try await client.tick(sessionID: "")
      }
    }
    #expect(error.code == .unavailable)
    #expect(error.layer == .rpc)
    #expect(error.isRetryable)
  }

  @Test func anUnimplementedServiceIsDistinguishable() async throws {
    // A server with no RemoteMissionService at all answers UNIMPLEMENTED.
    let error = try await withEmptyServer { port in
      try await #require(throws: ClientError.self) {
        try await RemoteMissionClient.withDirectConnection(host: "127.0.0.1", port: port) {
          _ = try await $0.establishSession()
        }
      }
    }
    #expect(error.code == .unimplemented)
    #expect(!error.isRetryable)
  }
}
