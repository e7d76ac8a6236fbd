import Foundation
import Synchronization

/// Tokens whose signature already verified, with their user and expiry, so that a client
/// sending the same token on every call pays for the ES256 check (and the hop to JWTKit's
/// actor) once rather than on every call.
///
/// Only tokens that verified are stored, so a forged token never gets in; an entry past its
/// expiry reads as expired. The cache holds at most ``capacity`` tokens: when full, expired
/// entries go first, then everything (the tokens verify again on their next use).
final class VerifiedTokenCache: Sendable {
  /// What the cache knows about a token.
  enum Lookup: Equatable {
    case valid(username: String)
    case expired
    case unknown
  }

  private struct Entry {
    var username: String
    var expiry: Date
  }

  static let capacity = 1024

  private let entries = Mutex<[String: Entry]>([:])

  /// The cached verdict on `token` at `now`.
  func lookup(_ token: String, now: Date) -> Lookup {
    self.entries.withLock { entries in
      guard let entry = entries[token] else { return .unknown }
      guard now < entry.expiry else {
        entries[token] = nil
        return .expired
      }
      return .valid(username: entry.username)
    }
  }

  /// Remembers that `token` verified for `username` until `expiry`.
  func insert(_ token: String, username: String, expiry: Date, now: Date) {
    self.entries.withLock { entries in
      if entries.count >= Self.capacity {
        entries = entries.filter { now < $0.value.expiry }
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
      }
      entries[token] = Entry(username: username, expiry: expiry)
    }
  }
}
