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
/// - Counts are kept in ``counters`` slots chosen by a keyed hash of the username (the key is
///   random per robot, so no one can pick names that share a slot), never forgotten: memory is
///   bounded however many names are tried, and a flood of made-up names cannot reset a real
///   user's count. Two names that happen to share a slot share a count.
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
  /// How many failure counts the check keeps at most (the slots usernames hash into).
  public static let counters = 1 << 16

  private struct Record {
    var consecutiveFailures = 0
    var lockedUntil: RobotClock.Instant?
  }

  /// The users and their passwords.
  public let accounts: UserAccounts
  private let clock: RobotClock
  private let records = Mutex<[Int: Record]>([:])
  /// The random key of the username hash.
  private let slotKey = SymmetricKey(size: .bits256)

  /// A check of `accounts` whose lock-outs last on `clock`.
  public init(accounts: UserAccounts, clock: RobotClock) {
    self.accounts = accounts
    self.clock = clock
  }

  /// How many failure counts are kept now (at most ``counters``).
  public var trackedCount: Int { self.records.withLock { $0.count } }

  /// Checks one password attempt and counts it.
  public func verify(username: String, password: String) -> Verdict {
    let key = self.slot(of: username)
    let now = self.clock.now
    if let until = self.records.withLock({ $0[key]?.lockedUntil }), now < until {
      return .lockedOut(retryAfter: until - now)
    }
    // Compared outside the lock: it takes constant time, and other users need not wait.
    let accepted = self.accounts.accepts(username: username, password: password)
    return self.records.withLock { records -> Verdict in
      var record = records[key] ?? Record()
      if let until = record.lockedUntil {
        // Locked by an attempt that raced this one: the lock-out wins, also over the right
        // password.
        if now < until { return .lockedOut(retryAfter: until - now) }
        record = Record()
      }
      if accepted {
        records[key] = nil
        return .accepted
      }
      record.consecutiveFailures += 1
      if record.consecutiveFailures >= Self.failuresBeforeLockout {
        record.lockedUntil = now + Self.lockoutDuration
      }
      records[key] = record
      return .refused
    }
  }

  /// The count slot of `username`.
  private func slot(of username: String) -> Int {
    let code = HMAC<SHA256>.authenticationCode(for: Array(username.utf8), using: self.slotKey)
    return code.withUnsafeBytes { bytes in Int(bytes[0]) << 8 | Int(bytes[1]) } % Self.counters
  }
}
