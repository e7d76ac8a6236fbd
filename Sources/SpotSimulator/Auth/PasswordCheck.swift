public import BosdynCore
import Crypto
import Synchronization

/// The robot's password check: the accounts, and the lock-out that follows repeated failures.
///
/// Boston Dynamics documents it ("Base services"): after six consecutive failed attempts,
/// authentication is locked out for one minute, answered `STATUS_TEMPORARILY_LOCKED_OUT`
/// (Python: `TemporarilyLockedOutError`). One check serves the auth service and the console's
/// sign-in, so neither is a way around the other.
///
/// **Choice** where the documentation is silent:
/// - Failures are counted per username, as auth.proto's "authentication for the user" says;
///   an unknown username counts like a known one, so the answers never tell which users exist.
/// - During the lock-out every password attempt for that user is refused, the right one too,
///   without extending it; afterwards the count starts again. A success resets the count.
/// - Refreshing a token is not a password attempt and works during a lock-out.
/// - At most ``trackedUsernames`` usernames are remembered (by digest); beyond that the oldest
///   that are not locked out are forgotten, so a flood of made-up names cannot grow memory.
///
/// ```swift
/// let check = PasswordCheck(accounts: UserAccounts(["user": "password"]), clock: .system())
/// check.verify(username: "user", password: "password")  // .accepted
/// ```
public final class PasswordCheck: Sendable {
  /// What a password attempt gets.
  public enum Verdict: Sendable, Equatable {
    /// The password is the user's.
    case accepted
    /// Wrong username or password.
    case refused
    /// Too many failures in a row: no attempt for this user is accepted until `retryAfter`
    /// has passed.
    case lockedOut(retryAfter: Duration)
  }

  /// How many failures in a row lock a user out: six, as on the robot.
  public static let failuresBeforeLockout = 6
  /// How long a lock-out lasts: one minute, as on the robot.
  public static let lockoutDuration: Duration = .seconds(60)
  /// How many usernames' counts are remembered at most.
  public static let trackedUsernames = 10_000

  private struct Record {
    var consecutiveFailures = 0
    var lockedUntil: RobotClock.Instant?
    var lastAttempt: RobotClock.Instant
  }

  /// The users and their passwords.
  public let accounts: UserAccounts
  private let clock: RobotClock
  private let records = Mutex<[[UInt8]: Record]>([:])

  /// A check of `accounts` whose lock-outs last on `clock`.
  public init(accounts: UserAccounts, clock: RobotClock) {
    self.accounts = accounts
    self.clock = clock
  }

  /// How many usernames' counts are remembered now (at most ``trackedUsernames``).
  public var trackedCount: Int { self.records.withLock { $0.count } }

  /// Checks one password attempt and counts it.
  public func verify(username: String, password: String) -> Verdict {
    let key = Array(SHA256.hash(data: Array(username.utf8)))
    let now = self.clock.now
    if let until = self.records.withLock({ $0[key]?.lockedUntil }), now < until {
      return .lockedOut(retryAfter: until - now)
    }
    // Compared outside the lock: it takes constant time, and other users need not wait.
    let accepted = self.accounts.accepts(username: username, password: password)
    return self.records.withLock { records -> Verdict in
      if accepted {
        records[key] = nil
        return .accepted
      }
      var record = records[key] ?? Record(lastAttempt: now)
      if let until = record.lockedUntil, now >= until {
        record = Record(lastAttempt: now)
      }
      record.consecutiveFailures += 1
      record.lastAttempt = now
      if record.consecutiveFailures >= Self.failuresBeforeLockout {
        record.lockedUntil = now + Self.lockoutDuration
      }
      records[key] = record
      if records.count > Self.trackedUsernames {
        Self.forgetOldest(in: &records, now: now)
      }
      return .refused
    }
  }

  /// Forgets the least recently tried usernames that are not locked out, down to nine tenths
  /// of the limit, so the pruning runs rarely.
  private static func forgetOldest(in records: inout [[UInt8]: Record], now: RobotClock.Instant) {
    let forgettable = records.filter { $0.value.lockedUntil.map { now >= $0 } ?? true }
      .sorted { $0.value.lastAttempt < $1.value.lastAttempt }
    let excess = records.count - Self.trackedUsernames * 9 / 10
    for (key, _) in forgettable.prefix(max(excess, 0)) { records[key] = nil }
  }
}
