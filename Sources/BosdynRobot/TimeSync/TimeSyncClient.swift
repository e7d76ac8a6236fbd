public import BosdynAPI

/// The robot's time sync service: one round of the protocol that estimates the difference
/// between this computer's clock and the robot's. ``TimeSyncKeeper`` runs the rounds.
public struct TimeSyncClient: Sendable {
  /// The directory name of the time sync service.
  public static let serviceName = "time-sync"
  private let rpc: RobotRPC

  /// Creates a client reaching the time sync service at `authority`.
  public init(connection: RobotConnection, authority: String = RobotAuthority.api) {
    self.rpc = RobotRPC(connection: connection, authority: authority)
  }

  /// Sends one update.
  ///
  /// - Parameters:
  ///   - previousRoundTrip: The timestamps of the previous round, from which the robot improves
  ///     its estimate; `nil` on the first round.
  ///   - clockIdentifier: What the robot called this client in its last answer, or `""`.
  public func update(
    previousRoundTrip: Bosdyn_Api_TimeSyncRoundTrip?,
    clockIdentifier: String
  ) async throws -> Bosdyn_Api_TimeSyncUpdateResponse {
    var request = Bosdyn_Api_TimeSyncUpdateRequest()
    if let previousRoundTrip { request.previousRoundTrip = previousRoundTrip }
    request.clockIdentifier = clockIdentifier
    return try await self.rpc.call(Bosdyn_Api_TimeSyncService.Method.TimeSyncUpdate.self, request)
  }
}
