public import BosdynAPI
public import BosdynCore
public import BosdynMission
public import Logging
import Synchronization

/// The document's power-off callback: when ticked with a `body` lease it powers the robot off
/// safely (sit, then cut motor power), reporting `STATUS_RUNNING` until the robot says the
/// motors are off.
///
/// Each session remembers the command it sent, so ticks after the first only read feedback.
/// Wrap it in ``/BosdynMission/SessionManagingServicer`` (EstablishSession must carry the
/// `body` lease too):
///
/// ```swift
/// let servicer = SessionManagingServicer(PowerOffServicer(robot: connection, logger: logger))
/// try await RemoteMissionServer(servicer: servicer, configuration: configuration).serve()
/// ```
///
/// How it differs from the Python example: a refused lease resets the session so the next tick
/// (which may carry a newer lease) tries again, as there; but RPCs to the robot are awaited
/// within the tick, each with the robot connection's deadline, instead of kept as futures
/// across ticks, so a session never holds a half-finished call.
public struct PowerOffServicer<Robot: SafePowerOffRobot>: RemoteMissionSessionServicer {
  /// The lease resource the callback needs: the whole robot.
  public static var resource: String { "body" }

  /// What one session remembers: the id of the safe power off command it sent, if any.
  public final class Session: Sendable {
    fileprivate let commandID = Mutex<UInt32?>(nil)
  }

  private let robot: Robot
  private let clientName: String
  /// Where "Ticked by node" and command failures are logged.
  public let logger: Logger

  /// A servicer that powers off `robot`.
  ///
  /// - Parameters:
  ///   - robot: Sends the commands; usually the service's robot connection.
  ///   - clientName: Appended to the lease's client names when subleasing, so the robot's lease
  ///     list shows this service as the lease's user.
  ///   - logger: Receives the per-tick log lines.
  public init(robot: Robot, clientName: String = "power-off-callback", logger: Logger) {
    self.robot = robot
    self.clientName = clientName
    self.logger = logger
  }

  /// Accepts a session only when the request carries exactly one `body` lease, as the Python
  /// example does.
  public func makeSession(for request: EstablishSessionRequest) async throws
    -> SessionOutcome<Session>
  {
    switch self.bodyLease(in: request.leases) {
    case .found:
      return .established(Session())
    case .missing:
      var response = EstablishSessionResponse()
      response.status = .missingLeases
      response.missingLeaseResources = [Self.resource]
      return .refused(response)
    case .several(let count):
      var response = EstablishSessionResponse()
      response.header.error.code = .invalidRequest
      response.header.error.message = Self.severalLeasesMessage(count)
      return .refused(response)
    }
  }

  /// Sends the safe power off on the first tick of a session, then turns the robot's feedback
  /// into tick statuses.
  public func tick(_ request: TickRequest, session: Session) async throws -> TickResponse {
    let lease: Lease
    switch self.bodyLease(in: request.leases) {
    case .found(let bodyLease):
      lease = bodyLease.sublease(clientName: self.clientName)
    case .missing:
      return .missingLeases([Self.resource])
    case .several(let count):
      var response = TickResponse()
      response.header.error.code = .invalidRequest
      response.header.error.message = Self.severalLeasesMessage(count)
      return response
    }

    let nodeName = request.inputs.constantString(forKey: "user-string") ?? "<unknown>"
    self.logger.info("Ticked by node \"\(nodeName)\"")

    // Retaining runs beside the command: the robot must hear the lease is in use while the
    // power off takes its seconds, and a failed retain is the comms-loss policy's business.
    async let retained: Void = self.retainIgnoringFailure(lease)
    let response = await self.powerOff(with: lease, session: session)
    await retained
    return response
  }

  /// Sends the command once per session, then reads its feedback.
  private func powerOff(with lease: Lease, session: Session) async -> TickResponse {
    let commandID: UInt32
    if let sent = session.commandID.withLock({ $0 }) {
      commandID = sent
    } else {
      do {
        commandID = try await self.robot.issueSafePowerOff(lease: lease)
      } catch let error as ClientError where error.code == .leaseUseError {
        // A newer lease may come with the next tick; the mission service will tick again.
        self.logger.error("LeaseUseError: \"\(error)\"")
        var response = TickResponse.running()
        if let result = error.leaseUseResult {
          response.leaseUseResults = [result]
        }
        return response
      } catch {
        self.logger.error("Command failed: \"\(error)\"")
        return .failure(String(describing: error))
      }
      session.commandID.withLock { $0 = commandID }
    }

    do {
      let feedback = try await self.robot.robotCommandFeedback(commandID: commandID)
      return Self.tickResponse(for: feedback)
    } catch {
      self.logger.error("Feedback failed: \"\(error)\"")
      return .failure(String(describing: error))
    }
  }

  /// Forgets the command, so a later tick of the same session powers off again.
  public func stop(session: Session) async throws {
    session.commandID.withLock { $0 = nil }
  }

  /// Maps robot command feedback to a tick status as the document describes: powered off is
  /// success, in progress is running (the robot reports "frozen" while it sits down, which is
  /// also still in progress), anything else is a failure with the status named.
  static func tickResponse(for feedback: Bosdyn_Api_RobotCommandFeedbackResponse) -> TickResponse {
    let commandStatus = feedback.feedback.fullBodyFeedback.status
    switch commandStatus {
    case .processing, .robotFrozen:
      let status = feedback.feedback.fullBodyFeedback.safePowerOffFeedback.status
      switch status {
      case .poweredOff:
        return .success()
      case .inProgress:
        return .running()
      case .unknown, .UNRECOGNIZED:
        return .failure("Unexpected feedback status \"\(statusName(status))\"!")
      }
    default:
      return .failure(statusName(commandStatus))
    }
  }

  private func retainIgnoringFailure(_ lease: Lease) async {
    do {
      try await self.robot.retainLease(lease)
    } catch {
      self.logger.debug("RetainLease failed: \(error)")
    }
  }

  private enum BodyLease {
    case found(Lease)
    case missing
    case several(Int)
  }

  private func bodyLease(in leases: [Lease]) -> BodyLease {
    let matching = leases.filter { $0.resource == Self.resource }
    switch matching.count {
    case 0: return .missing
    case 1: return .found(matching[0])
    default: return .several(matching.count)
    }
  }

  private static func severalLeasesMessage(_ count: Int) -> String {
    "\(count) leases on resource \(Self.resource)"
  }
}
