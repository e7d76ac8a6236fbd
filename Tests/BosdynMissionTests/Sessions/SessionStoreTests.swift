import BosdynMission
import Testing

@Suite("SessionStore")
struct SessionStoreTests {
  @Test func insertedSessionsCanBeReadUpdatedAndRemoved() throws {
    let store = SessionStore<Int>(capacity: 10)
    let (id, evicted) = store.insert(41)
    #expect(evicted == nil)
    #expect(store.state(for: id) == 41)
    #expect(
      store.update(id) {
        $0 += 1; return $0
      } == 42
    )
    #expect(store.remove(id) == 42)
    #expect(store.state(for: id) == nil)
    #expect(store.update(id) { $0 += 1 } == nil)
    #expect(store.remove(id) == nil)
  }

  @Test func idsAreUniqueAndUnguessable() {
    let store = SessionStore<Int>(capacity: 1000)
    let ids = (0..<1000).map { store.insert($0).id }
    #expect(Set(ids).count == 1000)
    // 36-character random UUIDs: not counters, not empty.
    #expect(ids.allSatisfy { $0.count == 36 })
    #expect(store.state(for: "") == nil)
    #expect(store.state(for: "1") == nil)
  }

  @Test func aFullStoreEvictsTheLeastRecentlyUsedSession() throws {
    let store = SessionStore<String>(capacity: 3)
    let a = store.insert("a").id
    let b = store.insert("b").id
    let c = store.insert("c").id
    // Touch a, so b becomes the least recently used.
    #expect(store.state(for: a) == "a")
    let (d, evicted) = store.insert("d")
    #expect(evicted == "b")
    #expect(store.count == 3)
    #expect(store.state(for: b) == nil)
    #expect(store.state(for: a) == "a")
    #expect(store.state(for: c) == "c")
    #expect(store.state(for: d) == "d")
  }

  @Test func anUpdateCountsAsUseForEviction() throws {
    let store = SessionStore<String>(capacity: 2)
    let a = store.insert("a").id
    let b = store.insert("b").id
    // Updating a (as a tick does) makes b the least recently used.
    #expect(store.update(a) { $0 += "!" } != nil)
    let (_, evicted) = store.insert("c")
    #expect(evicted == "b")
    #expect(store.state(for: a) == "a!")
    #expect(store.state(for: b) == nil)
  }

  @Test func aReadOrUpdateOfAnUnknownIdTouchesNothing() throws {
    let store = SessionStore<String>(capacity: 2)
    let a = store.insert("a").id
    _ = store.insert("b")
    #expect(store.state(for: "nope") == nil)
    #expect(store.update("nope") { $0 += "!" } == nil)
    // a is still the least recently used: the misses did not count as use of anything.
    #expect(store.insert("c").evicted == "a")
    #expect(store.state(for: a) == nil)
  }

  @Test func aCapacityBelowOneHoldsOneSession() {
    let store = SessionStore<Int>(capacity: 0)
    #expect(store.capacity == 1)
    let first = store.insert(1).id
    #expect(store.insert(2).evicted == 1)
    #expect(store.state(for: first) == nil)
    #expect(store.count == 1)
  }

  @Test func concurrentUpdatesOfDifferentSessionsAreNotLost() async throws {
    let store = SessionStore<Int>(capacity: 100)
    let ids = (0..<20).map { _ in store.insert(0).id }
    await withTaskGroup(of: Void.self) { group in
      for id in ids {
        for _ in 0..<50 {
          group.addTask { store.update(id) { $0 += 1 } }
        }
      }
    }
    for id in ids {
      #expect(store.state(for: id) == 50)
    }
  }
}
