import BosdynAPI
import ServiceCustomization
import Testing

/// Replays one recorded spec or value through the Swift code and checks it against Python's
/// verdict, or against the `fixed` expectation where the corpus tags a Python bug.
enum CorpusExpectations {
  /// Spec validity and messages, compared as a set (Python's order is hash order).
  static func checkSpec(_ spec: DictSpec, case entry: JSON, context: String) {
    let fixed = entry["fixed"]
    let valid = (fixed?["spec_valid"] ?? entry["spec_valid"])!.bool!
    let raises = self.patched(entry, fixed, "spec_python_raises")
    #expect(raises == nil, "\(context): no crash left unfixed")
    do {
      try spec.validate()
      #expect(valid, "\(context): Python refuses this spec")
    } catch {
      #expect(!valid, "\(context): Python accepts this spec, Swift says \(error.messages)")
      guard !valid else { return }
      // Structural messages are what path-built nesting gives; Python's string surgery only
      // differs when keys or texts contain its separators (quirk `string_based_nesting`).
      let isFixed = fixed?["spec_errors"] != nil
      let structural = isFixed ? nil : entry["structural_spec_errors"]
      let expected = (structural ?? self.patched(entry, fixed, "spec_errors"))?.strings ?? []
      let messages = isFixed ? error.messages.map(pythonNesting) : error.messages
      #expect(messages.sorted() == expected.sorted(), "\(context)")
    }
  }

  /// Validation, coercion and conversion of one value.
  static func checkValue(_ spec: DictSpec, entry: JSON, context: String) throws {
    let value = try Protos.decode(
      Bosdyn_Api_DictParam.self,
      base64: entry["value"]!["b64"]!.string!
    )
    let fixed = entry["fixed"]
    let validation = fixed?["validation"] ?? entry["validation"]!
    let coercion = fixed?["coercion"] ?? entry["coercion"]!
    let conversion =
      fixed?["conversion"] ?? entry["conversion"] ?? self.impliedConversion(entry["validation"]!)
    self.checkValidation(
      spec,
      value,
      validation,
      isFixed: fixed?["validation"] != nil,
      context: context
    )
    self.checkCoercion(spec, value, coercion, context: context)
    try self.checkConversion(spec, value, conversion, context: context)
  }

  private static func checkValidation(
    _ spec: DictSpec,
    _ value: Bosdyn_Api_DictParam,
    _ expected: JSON,
    isFixed: Bool,
    context: String
  ) {
    let specValid = (try? spec.validate()) != nil
    if let raised = expected["python_raises"]?.string {
      #expect(raised == "InvalidCustomParamSpecError", "\(context): crash left unfixed")
      #expect(!specValid, "\(context): the spec should be refused")
      return
    }
    #expect(expected["python_raises_candidates"] == nil, "\(context): crash left unfixed")
    #expect(specValid, "\(context): the spec should be accepted")
    let error = spec.validationError(for: value)
    guard expected["valid"]!.bool! == false else {
      #expect(error == nil, "\(context): valid in Python, Swift says \(String(describing: error))")
      return
    }
    guard let error else {
      Issue.record("\(context): Swift accepts a value Python refuses: \(expected)")
      return
    }
    let messages = (expected["structural_error_messages"] ?? expected["error_messages"])!.strings!
    let ours = isFixed ? error.errorMessages.map(pythonNesting) : error.errorMessages
    if expected["multi_error"]?.bool == true {
      #expect(ours.sorted() == messages.sorted(), "\(context)")
    } else {
      #expect(ours == messages, "\(context)")
    }
    if let candidates = expected["status_candidates"]?.strings {
      #expect(candidates.contains(statusName(error.status)), "\(context)")
    } else {
      #expect(statusName(error.status) == expected["status"]!.string!, "\(context)")
    }
  }

  private static func checkCoercion(
    _ spec: DictSpec,
    _ value: Bosdyn_Api_DictParam,
    _ expected: JSON,
    context: String
  ) {
    var coerced = value
    let changed = spec.coerce(&coerced)
    let before = Protos.bytes(value)
    let after = Protos.bytes(coerced)
    #expect(changed == (after != before), "\(context): the flag says whether the value changed")
    if let raised = expected["python_raises"]?.string {
      // Python raises IndexError for a list whose max_number_of_values is negative (an invalid
      // spec, no fix recorded): Swift empties the list instead.
      #expect(raised.hasPrefix("IndexError"), "\(context): crash left unfixed: \(raised)")
      #expect(spec.coerce(&coerced) == false, "\(context): coercion settles")
      return
    }
    #expect(changed == expected["changed"]!.bool!, "\(context): changed flag")
    if let expectedValue = expected["value"]?["b64"]?.string {
      let expectedBytes = try? Protos.canonicalBytes(
        Bosdyn_Api_DictParam.self,
        base64: expectedValue
      )
      #expect(after == expectedBytes, "\(context): coerced \(coerced) expected \(expectedValue)")
    } else {
      #expect(after == before, "\(context): unchanged")
    }
  }

  private static func checkConversion(
    _ spec: DictSpec,
    _ value: Bosdyn_Api_DictParam,
    _ expected: JSON,
    context: String
  ) throws {
    do {
      let values = try spec.values(of: value)
      let result = try #require(expected["result"], "\(context): Python raises \(expected)")
      #expect(
        TypedJSON.matches(result, values: values),
        "\(context): \(values.presentValues) vs \(result)"
      )
    } catch let error as InvalidSpecError {
      #expect(
        expected["python_raises"]?.string == "InvalidCustomParamSpecError",
        "\(context) \(error)"
      )
    } catch let error as InvalidValueError {
      #expect(
        expected["python_raises"]?.string == "InvalidCustomParamValueError",
        "\(context) \(error)"
      )
      #expect(error.proto == spec.validationError(for: value), "\(context)")
    }
  }

  /// `dict_params_to_dict` validates first: what it raises when the value is refused.
  private static func impliedConversion(_ validation: JSON) -> JSON {
    if validation["valid"]?.bool == false {
      return .object(["python_raises": .string("InvalidCustomParamValueError")])
    }
    return validation
  }

  /// A field as the fixed behaviour has it: `fixed` replaces it, and a `null` there removes it.
  private static func patched(_ entry: JSON, _ fixed: JSON?, _ key: String) -> JSON? {
    if let replacement = fixed?[key] { return replacement == .null ? nil : replacement }
    return entry[key]
  }
}

/// What Python's string surgery makes of a path-built message: every `.[` becomes `[`, also
/// inside keys and texts (the `string_based_nesting` quirk). The corpus records path-built
/// alternatives for Python's own verdicts, but its `fixed` expectations come from the reference
/// model's Python-style nesting only, so those are compared through this.
func pythonNesting(_ message: String) -> String {
  guard message.contains(" param has error: ") else { return message }
  var nested = message
  while nested.contains(".[") { nested = nested.replacing(".[", with: "[") }
  return nested
}

/// The proto name of a status, as the corpus writes it.
func statusName(_ status: Bosdyn_Api_CustomParamError.Status) -> String {
  switch status {
  case .unknown: "STATUS_UNKNOWN"
  case .ok: "STATUS_OK"
  case .invalidCombination: "STATUS_INVALID_COMBINATION"
  case .unsupportedParameter: "STATUS_UNSUPPORTED_PARAMETER"
  case .invalidValue: "STATUS_INVALID_VALUE"
  case .invalidType: "STATUS_INVALID_TYPE"
  case .UNRECOGNIZED(let raw): "UNRECOGNIZED(\(raw))"
  }
}
