/// A small seeded generator (Steele, Lea and Flood's SplitMix64), so every fuzz run with the
/// same seed sees the same specs and values, on every platform. (Generators draw from
/// dictionaries in sorted key order: Swift seeds hashing per process.)
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    self.state = seed
  }

  mutating func next() -> UInt64 {
    self.state &+= 0x9E37_79B9_7F4A_7C15
    var z = self.state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool {
    Double.random(in: 0..<1, using: &self) < p
  }

  /// A uniformly chosen element of a non-empty collection.
  mutating func pick<C: Collection>(_ items: C) -> C.Element {
    items.randomElement(using: &self)!
  }

  mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &self)
  }
}
