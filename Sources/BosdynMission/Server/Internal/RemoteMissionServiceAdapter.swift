import BosdynAPI
import BosdynCore
import GRPCCore
import Logging
import SwiftProtobuf

/// Serves `bosdyn.api.mission.RemoteMissionService` with a ``RemoteMissionServicer``, stamping
/// every response header in one place. Kept internal so the generated protocol stays an
/// implementation detail behind ``RemoteMissionServer``.
struct RemoteMissionServiceAdapter<Servicer: RemoteMissionServicer>:
  Bosdyn_Api_Mission_RemoteMissionService.SimpleServiceProtocol
{
  let servicer: Servicer
  let logger: Logger

  func establishSession(
    request: EstablishSessionRequest,
    context: ServerContext
  ) async throws -> EstablishSessionResponse {
    await self.respond(to: request.header) { try await self.servicer.establishSession(request) }
  }

  func tick(request: TickRequest, context: ServerContext) async throws -> TickResponse {
    await self.respond(to: request.header) { try await self.servicer.tick(request) }
  }

  func stop(request: StopRequest, context: ServerContext) async throws -> StopResponse {
    await self.respond(to: request.header) { try await self.servicer.stop(request) }
  }

  func teardownSession(
    request: TeardownSessionRequest,
    context: ServerContext
  ) async throws -> TeardownSessionResponse {
    await self.respond(to: request.header) { try await self.servicer.teardownSession(request) }
  }

  func getRemoteMissionServiceInfo(
    request: ServiceInfoRequest,
    context: ServerContext
  ) async throws -> ServiceInfoResponse {
    await self.respond(to: request.header) { try await self.servicer.serviceInfo(request) }
  }

  /// Runs a handler and stamps its response. A thrown error becomes a *returned* response with
  /// `CODE_INTERNAL_SERVER_ERROR`, so the caller learns what went wrong (the Python
  /// `ResponseContext` re-raises, and its header never reaches the client).
  private func respond<Response: HeaderedResponse>(
    to requestHeader: Bosdyn_Api_RequestHeader,
    _ handler: () async throws -> Response
  ) async -> Response {
    let receivedAt = Google_Protobuf_Timestamp.now
    var response: Response
    do {
      response = try await handler()
    } catch {
      let description = "[\(type(of: error))] \(error)"
      self.logger.error("\(Response.protoMessageName) handler failed: \(description)")
      response = Response()
      response.header.error.code = .internalServerError
      response.header.error.message = description
    }
    response.header.stamp(echoing: requestHeader, receivedAt: receivedAt)
    return response
  }
}
