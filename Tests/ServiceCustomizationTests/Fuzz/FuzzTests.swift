import BosdynAPI
import Foundation
import ServiceCustomization
import Testing

/// Robustness: arbitrary specs and values never crash or hang, and coercion always yields a
/// value that validates (against a valid spec whose lists can be padded).
@Suite("Random specs and values")
struct FuzzTests {
  @Test(
    "never crash, and coerced values validate",
    .timeLimit(.minutes(1)),
    arguments: [1, 2, 3] as [UInt64]
  )
  func properties(seed: UInt64) {
    let summary = FuzzRun(seed: seed).run(values: 2_000)
    #expect(summary.failures.isEmpty, "\(summary.failures.prefix(5))")
    // The generator reaches both sides of every check.
    #expect(summary.validSpecs > summary.specs / 2)
    #expect(summary.validSpecs < summary.specs)
    #expect(summary.invalidValues > summary.values / 10)
    #expect(summary.coercedChanged > summary.values / 10)
  }

  /// The benchmark of Scripts/customization/fuzz.sh: `CUSTOMIZATION_FUZZ_VALUES` values,
  /// count and rate printed.
  @Test(.enabled(if: FuzzTests.benchmarkValues != nil))
  func benchmark() {
    let count = FuzzTests.benchmarkValues ?? 0
    let seed = UInt64(ProcessInfo.processInfo.environment["CUSTOMIZATION_FUZZ_SEED"] ?? "") ?? 1
    let started = ContinuousClock.now
    let summary = FuzzRun(seed: seed, compareBytes: false).run(values: count)
    let total = ContinuousClock.now - started
    #expect(summary.failures.isEmpty, "\(summary.failures.prefix(5))")
    let seconds = { (duration: Duration) in
      Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
    print(
      """
      customization fuzz: seed \(seed), \(summary.values) values against \(summary.specs) specs \
      (\(summary.validSpecs) valid); \(summary.invalidValues) values invalid, \
      \(summary.coercedChanged) changed by coercion; \(summary.failures.count) property failures
      validation alone: \(Int(Double(summary.values) / seconds(summary.validating))) values/s; \
      coercion alone: \(Int(Double(summary.values) / seconds(summary.coercing))) values/s
      all checks (validate, coerce, revalidate, coerce again, typed read): \
      \(Int(Double(summary.values) / seconds(summary.checking))) values/s \
      over \(String(format: "%.2f", seconds(summary.checking))) s
      including generation: \(Int(Double(summary.values) / seconds(total))) values/s \
      over \(String(format: "%.2f", seconds(total))) s
      """
    )
  }

  static let benchmarkValues = ProcessInfo.processInfo.environment["CUSTOMIZATION_FUZZ_VALUES"]
    .flatMap { Int($0) }
}
