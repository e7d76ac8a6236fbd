import BosdynAPI
import ServiceCustomization

/// Random specs and values through spec validation, value validation, coercion and typed
/// access, checking the properties that must hold whatever the input.
struct FuzzRun {
  /// What a run saw, and every property that failed (with the seed-relative position).
  struct Summary {
    var values = 0
    var specs = 0
    var validSpecs = 0
    var invalidValues = 0
    var coercedChanged = 0
    var failures: [String] = []
    /// Time spent on all the checks below (not generating).
    var checking = Duration.zero
    /// Of which: the first validation of each value.
    var validating = Duration.zero
    /// Of which: the first coercion of each value.
    var coercing = Duration.zero
  }

  var seed: UInt64
  var valuesPerSpec = 20
  /// Also check that the coercion flag matches a byte comparison (costs a serialization).
  var compareBytes = true

  func run(values count: Int) -> Summary {
    var specs = RandomSpecs(rng: SplitMix64(seed: self.seed))
    var values = RandomValues(rng: SplitMix64(seed: self.seed ^ 0x5EED))
    var summary = Summary()
    let clock = ContinuousClock()
    while summary.values < count {
      let spec = DictSpec(proto: specs.dictSpec())
      let batch = (0..<min(self.valuesPerSpec, count - summary.values)).map { _ in
        values.value(for: spec.proto)
      }
      summary.checking += clock.measure {
        self.check(spec, batch, into: &summary)
      }
    }
    return summary
  }

  private func check(_ spec: DictSpec, _ batch: [Bosdyn_Api_DictParam], into summary: inout Summary)
  {
    summary.specs += 1
    let specValid = (try? spec.validate()) != nil
    let fillable = specValid && spec.proto.coercionCanReachEveryMinimum
    if specValid { summary.validSpecs += 1 }
    for value in batch {
      let where_ = "spec \(summary.specs) value \(summary.values)"
      summary.values += 1
      let clock = ContinuousClock()
      var error: Bosdyn_Api_CustomParamError?
      summary.validating += clock.measure { error = spec.validationError(for: value) }
      if let error {
        summary.invalidValues += 1
        if error.status == .ok || error.errorMessages.isEmpty {
          summary.failures.append("\(where_): an error without status or messages: \(error)")
        }
      }
      var coerced = value
      var changed = false
      summary.coercing += clock.measure { changed = spec.coerce(&coerced) }
      if changed { summary.coercedChanged += 1 }
      if self.compareBytes, changed != (Protos.bytes(coerced) != Protos.bytes(value)) {
        summary.failures.append("\(where_): coerce said changed=\(changed)")
      }
      guard fillable else { continue }
      if let error = spec.validationError(for: coerced) {
        summary.failures.append("\(where_): invalid after coercion: \(error.errorMessages)")
        continue
      }
      var again = coerced
      if spec.coerce(&again) {
        summary.failures.append("\(where_): coercing twice changed it again")
      }
      do {
        let typed = try spec.values(of: coerced)
        for key in typed.keys where typed.isPresent(key) && typed[key] == nil {
          summary.failures.append("\(where_): \(key) present but not readable")
        }
      } catch {
        summary.failures.append("\(where_): typed access refused a coerced value: \(error)")
      }
    }
  }
}
