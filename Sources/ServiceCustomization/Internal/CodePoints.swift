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

/// Code-point equality (Python's `==` on `str`), unlike `String.==` which treats canonically
/// equivalent texts (precomposed and decomposed accents) as equal.
func sameCodePoints(_ lhs: String, _ rhs: String) -> Bool {
  lhs.utf8.elementsEqual(rhs.utf8)
}

extension Sequence where Element == String {
  /// Python's `text in options`.
  func containsCodePoints(_ text: String) -> Bool {
    self.contains { sameCodePoints($0, text) }
  }
}
