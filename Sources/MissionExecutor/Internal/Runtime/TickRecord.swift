import BosdynAPI
import SwiftProtobuf

/// One node's entry in a tick's history, kept small: most nodes carry neither an error nor
/// variables, and the proto is only built when a client asks for the state.
struct NodeRecord {
  var node: Int32
  var status: NodeStatus
  var error: String?
  var variables: [String: BlackboardEntry]?

  init(node: Int32) {
    self.node = node
    self.status = .running
  }
}

/// The nodes ticked in one tick, in the order they were ticked.
struct TickRecord {
  var tick: Int64
  var startedAt: Google_Protobuf_Timestamp
  var nodes: [NodeRecord]
}

/// The last ``capacity`` ticks' records, oldest first; tick numbers are consecutive, so a
/// tick's record is found by arithmetic.
struct TickHistory {
  let capacity: Int
  private var records: [TickRecord] = []
  private var head = 0

  init(capacity: Int) {
    self.capacity = max(1, capacity)
  }

  var isEmpty: Bool { self.records.isEmpty }

  /// The newest record.
  var newest: TickRecord? {
    guard !self.records.isEmpty else { return nil }
    return self.records[(self.head + self.records.count - 1) % self.records.count]
  }

  mutating func append(_ record: TickRecord) {
    if self.records.count < self.capacity {
      self.records.append(record)
    } else {
      self.records[self.head] = record
      self.head = (self.head + 1) % self.capacity
    }
  }

  mutating func removeAll() {
    self.records.removeAll()
    self.head = 0
  }

  /// The record of `tick`, if still kept.
  func record(tick: Int64) -> TickRecord? {
    guard let newest = self.newest else { return nil }
    let back = newest.tick - tick
    guard back >= 0, back < Int64(self.records.count) else { return nil }
    let position = (self.head + self.records.count - 1 - Int(back)) % self.records.count
    return self.records[position]
  }
}
