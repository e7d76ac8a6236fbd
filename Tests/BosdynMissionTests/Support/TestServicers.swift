import BosdynAPI
import BosdynCore
import BosdynMission
import Logging
import Synchronization

/// Answers every tick with whatever the test asks for, and remembers the last request.
final class ScriptedServicer: RemoteMissionServicer {
  struct Failure: Error, CustomStringConvertible {
    var description: String { "the servicer broke on purpose" }
  }

  let answer: @Sendable (TickRequest) throws -> TickResponse
  let lastRequest = Mutex<TickRequest?>(nil)

  init(answer: @escaping @Sendable (TickRequest) throws -> TickResponse) {
    self.answer = answer
  }

  func tick(_ request: TickRequest) async throws -> TickResponse {
    self.lastRequest.withLock { $0 = request }
    return try self.answer(request)
  }
}

/// Counts down from three ticks per session: RUNNING, RUNNING, SUCCESS.
final class CountdownServicer: RemoteMissionSessionServicer {
  final class Session: Sendable {
    let remaining = Mutex(3)
  }

  let tornDown = Mutex(0)

  func makeSession(for request: EstablishSessionRequest) async throws -> SessionOutcome<Session> {
    if request.leases.contains(where: { $0.resource == "refuse" }) {
      var response = EstablishSessionResponse()
      response.status = .missingLeases
      response.missingLeaseResources = ["body"]
      return .refused(response)
    }
    return .established(Session())
  }

  func tick(_ request: TickRequest, session: Session) async throws -> TickResponse {
    let left = session.remaining.withLock { value in
      value -= 1
      return value
    }
    return left > 0 ? .running() : .success()
  }

  func teardown(session: Session) async {
    self.tornDown.withLock { $0 += 1 }
  }
}
