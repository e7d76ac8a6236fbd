import Foundation
import Synchronization

/// Per-session state for remote mission services, safe to use from concurrent ticks.
///
/// Session ids are random UUIDs (122 random bits), so one client cannot guess another's
/// session. The store is bounded: when it is full, adding a session evicts the one that was
/// used least recently, so a mission that never tears its sessions down cannot exhaust memory.
///
/// State is copied in and out under a lock; hold a class or actor as `State` when a tick needs
/// to change it while awaiting other work.
public final class SessionStore<State: Sendable>: Sendable {
  private struct Entry {
    var state: State
    var lastUsed: UInt64
  }

  private struct Storage {
    var entries: [String: Entry] = [:]
    var clock: UInt64 = 0

    mutating func tick() -> UInt64 {
      self.clock &+= 1
      return self.clock
    }
  }

  private let storage = Mutex(Storage())
  /// The most sessions kept at once.
  public let capacity: Int

  /// Creates an empty store.
  ///
  /// - Parameter capacity: The most sessions kept at once; at least 1.
  public init(capacity: Int = 10_000) {
    self.capacity = max(1, capacity)
  }

  /// The number of sessions held.
  public var count: Int {
    self.storage.withLock { $0.entries.count }
  }

  /// Adds a session and returns its new id, evicting the least recently used session when the
  /// store is full.
  ///
  /// - Returns: The new session's id and the evicted session's state, if one was evicted.
  @discardableResult
  public func insert(_ state: State) -> (id: String, evicted: State?) {
    let id = UUID().uuidString
    return self.storage.withLock { storage in
      var evicted: State?
      if storage.entries.count >= self.capacity,
        let oldest = storage.entries.min(by: { $0.value.lastUsed < $1.value.lastUsed })
      {
        evicted = storage.entries.removeValue(forKey: oldest.key)?.state
      }
      storage.entries[id] = Entry(state: state, lastUsed: storage.tick())
      return (id, evicted)
    }
  }

  /// The state of a session, marking it as recently used; `nil` for an unknown id.
  public func state(for id: String) -> State? {
    self.storage.withLock { storage in
      guard storage.entries[id] != nil else { return nil }
      let now = storage.tick()
      storage.entries[id]!.lastUsed = now
      return storage.entries[id]!.state
    }
  }

  /// Changes a session's state in place; returns `nil` (and runs nothing) for an unknown id.
  public func update<Result>(
    _ id: String,
    _ body: (inout State) throws -> Result
  ) rethrows -> Result? {
    try self.storage.withLock { storage -> Result? in
      guard var entry = storage.entries[id] else { return nil }
      entry.lastUsed = storage.tick()
      let result = try body(&entry.state)
      storage.entries[id] = entry
      return result
    }
  }

  /// Removes a session; returns its state, or `nil` for an unknown id.
  @discardableResult
  public func remove(_ id: String) -> State? {
    self.storage.withLock { $0.entries.removeValue(forKey: id)?.state }
  }
}
