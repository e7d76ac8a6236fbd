public import BosdynAPI
public import BosdynClient
import BosdynCore
import GRPCCore
import Foundation

/// BosdynClient's `RemoteMissionClient` (what `withRemoteMissionTestServer` hands a test) is a
/// connection as it is: pass it to ``RemoteServicesEnvironment`` or ``MissionRun``.
///
/// The client checks statuses and throws for the ones a Tick is not supposed to end with; this
/// conformance turns those errors back into the responses the service sent, so the executor
/// handles `STATUS_INVALID_SESSION_ID` and friends exactly as with a raw connection.
extension RemoteMissionClient: RemoteMissionConnection {
  /// Sends EstablishSession through the client.
  public func call(_ request: Bosdyn_Api_Mission_EstablishSessionRequest) async throws
    -> Bosdyn_Api_Mission_EstablishSessionResponse
  {
    do {
      return .init(
        status: .ok,
        sessionID: try await self.establishSession(leases: request.leases, inputs: request.inputs)
      )
    } catch let error as ClientError where error.code == .missingLeases {
      var response = Bosdyn_Api_Mission_EstablishSessionResponse(status: .missingLeases)
      response.missingLeaseResources = Self.names(in: error.message, after: "missing leases on ")
      return response
    } catch let error as ClientError where error.code == .missingInputs {
      var response = Bosdyn_Api_Mission_EstablishSessionResponse(status: .missingInputs)
      response.missingInputs = Self.names(in: error.message, after: "missing inputs ").map {
        var declaration = Bosdyn_Api_Mission_VariableDeclaration()
        declaration.name = $0
        return declaration
      }
      return response
    }
  }

  /// Sends Tick through the client, stamping the header with the client's name.
  public func call(_ request: Bosdyn_Api_Mission_TickRequest) async throws
    -> Bosdyn_Api_Mission_TickResponse
  {
    var request = request
    request.header = .stamped(clientName: self.clientName)
    do {
      return try await self.tick(request)
    } catch let error as ClientError where error.layer == .response {
      var response = Bosdyn_Api_Mission_TickResponse()
      switch error.code {
      case .invalidSessionID:
        response.status = .invalidSessionID
      case .missingLeases:
        response.status = .missingLeases
        response.missingLeaseResources = Self.names(in: error.message, after: "missing leases on ")
      case .missingInputs:
        response.status = .missingInputs
        response.missingInputs = Self.names(in: error.message, after: "missing inputs ").map {
          var declaration = Bosdyn_Api_Mission_VariableDeclaration()
          declaration.name = $0
          return declaration
        }
      case .customParamsError:
        response.status = .customParamsError
        response.customParamError = error.customParamError ?? .init()
      default:
        throw error
      }
      return response
    }
  }

  /// Sends Stop through the client.
  public func call(_ request: Bosdyn_Api_Mission_StopRequest) async throws
    -> Bosdyn_Api_Mission_StopResponse
  {
    do {
      try await self.stop(sessionID: request.sessionID)
      return .init(status: .ok)
    } catch let error as ClientError where error.code == .invalidSessionID {
      return .init(status: .invalidSessionID)
    }
  }

  /// Sends TeardownSession through the client.
  public func call(_ request: Bosdyn_Api_Mission_TeardownSessionRequest) async throws
    -> Bosdyn_Api_Mission_TeardownSessionResponse
  {
    do {
      try await self.teardownSession(sessionID: request.sessionID)
      return .init(status: .ok)
    } catch let error as ClientError where error.code == .invalidSessionID {
      return .init(status: .invalidSessionID)
    }
  }

  /// The comma-separated names the client put after `prefix` in its message.
  private static func names(in message: String, after prefix: String) -> [String] {
    guard let range = message.range(of: prefix) else { return [] }
    return message[range.upperBound...].split(separator: ", ").map(String.init)
  }
}

extension Bosdyn_Api_Mission_EstablishSessionResponse {
  fileprivate init(status: Status, sessionID: String = "") {
    self.init()
    self.status = status
    self.sessionID = sessionID
  }
}

extension Bosdyn_Api_Mission_StopResponse {
  fileprivate init(status: Status) {
    self.init()
    self.status = status
  }
}

extension Bosdyn_Api_Mission_TeardownSessionResponse {
  fileprivate init(status: Status) {
    self.init()
    self.status = status
  }
}
