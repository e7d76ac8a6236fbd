/// Code-point order (Python's `sorted` on `str`), unlike `String.<` which compares by
/// canonical equivalence. Used wherever Python's choice of a key depends on sorting.
func codePointPrecedes(_ lhs: String, _ rhs: String) -> Bool {
  lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
}

extension Sequence where Element == String {
  /// The keys in code-point order, so messages and statuses do not depend on hash order.
  func sortedByCodePoint() -> [String] {
    self.sorted(by: codePointPrecedes)
  }
}
