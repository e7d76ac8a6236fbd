import BosdynAPI
import ServiceCustomization
import SwiftProtobuf
import Testing

@Suite("Value validation")
struct ValueValidationTests {
  let spec = DictSpec {
    Param("who", .string(options: ["World", "Spot"]))
    Param("counts", .list(of: .int(min: 0, max: 10), maxCount: 5))
    Param("speed", .double(default: 1, min: 0, max: 1e15))
    Param("mode", .oneOf(default: "on") { OneOfChoice("on") { Param("n", .int(max: 3)) } })
  }

  @Test func aValueFittingTheSpecHasNoError() {
    #expect(self.spec.validationError(for: Bosdyn_Api_DictParam()) == nil)
    #expect(self.spec.validationError(for: .init(strings: ["who": "Spot"])) == nil)
  }

  @Test func unknownKeysAreUnsupported() throws {
    let error = try #require(self.spec.validationError(for: .init(strings: ["whom": "x"])))
    #expect(error.status == .unsupportedParameter)
    #expect(
      error.errorMessages == ["DictParam value contains keys {'whom'} not present in the spec."]
    )
  }

  @Test func anUnsetValueIsAnErrorNotACrash() throws {
    var value = Bosdyn_Api_DictParam()
    value.values["who"] = Bosdyn_Api_CustomParam()
    var list = Bosdyn_Api_CustomParam()
    list.listValue.values = [.with { $0.intValue.value = 1 }, Bosdyn_Api_CustomParam()]
    value.values["counts"] = list
    let error = try #require(self.spec.validationError(for: value))
    #expect(error.status == .invalidType)
    #expect(
      Set(error.errorMessages) == [
        "who param has error: Value is not set while the spec expects string_spec",
        "counts param has error: Value is not set at index 1 while the List Param Spec expects "
          + "int_spec",
      ]
    )
  }

  @Test func listElementsAreReportedByIndex() throws {
    var value = Bosdyn_Api_DictParam()
    value.values["counts"] = .with {
      $0.listValue.values = [
        .with { $0.intValue.value = 1 }, .with { $0.intValue.value = 100 },
        .with { $0.boolValue.value = true },
      ]
    }
    let error = try #require(self.spec.validationError(for: value))
    #expect(error.status == .invalidType)  // the last bad element's
    #expect(
      error.errorMessages == [
        "counts[1] param has error: Value 100 above max_bound 10",
        "counts param has error: Value is defined as bool_value at index 2 while the List Param "
          + "Spec expects int_spec",
      ]
    )
  }

  @Test func aDictMemberOfAnotherTypeIsAnInvalidValueNamingBothClasses() throws {
    var value = Bosdyn_Api_DictParam()
    value.values["who"] = .with { $0.intValue.value = 3 }
    let error = try #require(self.spec.validationError(for: value))
    #expect(error.status == .invalidValue)
    #expect(
      error.errorMessages == [
        "who param has error: Param value: 3\n has type "
          + "<class 'bosdyn.api.service_customization_pb2.Int64Param'> but the spec requires "
          + "<class 'bosdyn.api.service_customization_pb2.StringParam'>."
      ]
    )
  }

  @Test func oneOfsCheckOnlyTheChosenChild() throws {
    var value = Bosdyn_Api_DictParam()
    value.values["mode"] = .with {
      $0.oneOfValue.key = "on"
      $0.oneOfValue.values["on"] = .with { $0.values["n"] = .with { $0.intValue.value = 9 } }
    }
    let error = try #require(self.spec.validationError(for: value))
    #expect(error.errorMessages == ["mode.on.n param has error: Value 9 above max_bound 3"])

    value.values["mode"]?.oneOfValue.key = "off"
    #expect(
      self.spec.validationError(for: value)?.errorMessages == [
        "mode param has error: OneOf parameter value has nonexistent key of off"
      ]
    )
  }

  /// Python prints floats with `repr`; the messages must read the same.
  @Test(arguments: [
    (1e16, "1e+16"), (1e15, "1000000000000000.0"), (0.0001, "0.0001"), (1e-05, "1e-05"),
    (.leastNonzeroMagnitude, "5e-324"), (-0.0, "-0.0"), (2.0, "2.0"),
    (0.30000000000000004, "0.30000000000000004"),
    (1.2345678901234568e+16, "1.2345678901234568e+16"), (123456789.123, "123456789.123"),
    (9.5e15, "9500000000000000.0"), (-1.5e-7, "-1.5e-07"),
  ])
  func doublesPrintLikePython(value: Double, python: String) throws {
    let spec = DictSpec { Param("x", .double(default: -1e301, max: -1e300)) }
    var params = Bosdyn_Api_DictParam()
    params.values["x"] = .with { $0.doubleValue.value = value }
    let error = try #require(spec.validationError(for: params))
    #expect(error.errorMessages == ["x param has error: Value \(python) above max_bound -1e+300"])
  }

  /// The text format Python embeds prints doubles like upb does.
  @Test(arguments: [
    (.leastNonzeroMagnitude, "4.94065645841247e-324"), (2.0, "2"), (1e16, "1e+16"), (0.1, "0.1"),
  ])
  func embeddedDoublesPrintLikeUpb(value: Double, upb: String) throws {
    let spec = DictSpec { Param("x", .string()) }
    var params = Bosdyn_Api_DictParam()
    params.values["x"] = .with { $0.doubleValue.value = value }
    let error = try #require(spec.validationError(for: params))
    #expect(
      error.errorMessages.first?.hasPrefix("x param has error: Param value: \(upb)\n has type")
        == true
    )
  }

  @Test func stringsPrintLikePythonRepr() throws {
    let options = [
      "it's", "say \"hi\"", "both ' and \"", "tab\there", "ünï", "zero\u{200b}width", "\u{a0}nb",
      "\u{7f}", "🙂", "\u{e0001}",
    ]
    let spec = DictSpec { Param("s", .string(options: options)) }
    let error = try #require(spec.validationError(for: .init(strings: ["s": "nope"])))
    #expect(
      error.errorMessages == [
        #"s param has error: Chosen string value nope not among options ["it's", 'say "hi"', "#
          + #"'both \' and "', 'tab\there', 'ünï', 'zero\u200bwidth', '\xa0nb', '\x7f', '🙂', "#
          + #"'\U000e0001']"#
      ]
    )
  }
}

extension Bosdyn_Api_DictParam {
  /// A dict of string values.
  init(strings: [String: String]) {
    self.init()
    for (key, value) in strings { self.values[key] = .with { $0.stringValue.value = value } }
  }
}
