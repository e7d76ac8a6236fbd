import BosdynCore
import Foundation
import GRPCCore
import SwiftProtobuf

/// The robot clock the simulated service handling the current call reads its timestamps from
/// (response headers, time sync): set around every call by ``RobotTimeInterceptor``, so a robot
/// whose clock is off (`--clock-offset-seconds`) shows it everywhere a client can see time.
enum RobotTime {
  /// The clock of the simulated robot serving the call; `nil` outside one (unit tests of a
  /// single service), which reads the system's time.
  @TaskLocal static var clock: RobotClock?

  /// The robot's wall time now.
  static var now: Date { Self.clock?.wallNow ?? Date() }

  /// The robot's wall time now, as a protobuf timestamp.
  static var timestamp: Google_Protobuf_Timestamp { Google_Protobuf_Timestamp(date: Self.now) }
}

/// Runs every call of the simulated robot's internal server with its ``RobotTime`` clock.
struct RobotTimeInterceptor: ServerInterceptor {
  let clock: RobotClock

  func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next:
      @Sendable (
        _ request: StreamingServerRequest<Input>,
        _ context: ServerContext
      ) async throws -> StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    try await withTaskLocal(RobotTime.$clock, self.clock) { try await next(request, context) }
  }
}

/// Runs `next` — a handler — with a task-local value, both while it is called and while the
/// response it returns is produced (grpc-swift runs a handler's body in that producer).
func withTaskLocal<Value: Sendable, Output: Sendable>(
  _ local: TaskLocal<Value>,
  _ value: Value,
  _ next: () async throws -> StreamingServerResponse<Output>
) async throws -> StreamingServerResponse<Output> {
  try await local.withValue(value) {
    var response = try await next()
    if case .success(var contents) = response.accepted {
      let producer = contents.producer
      contents.producer = { writer in
        try await local.withValue(value) { try await producer(writer) }
      }
      response.accepted = .success(contents)
    }
    return response
  }
}
