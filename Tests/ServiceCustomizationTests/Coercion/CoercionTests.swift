import BosdynAPI
import ExampleServicers
import ServiceCustomization
import SwiftProtobuf
import Testing

@Suite("Coercion")
struct CoercionTests {
  let helloWorld = HelloWorldServicer.spec(helloOptions: ["World", "Spot"])

  @Test func fillsDefaultsDropsUnknownKeysAndReplacesWrongValues() {
    let spec = DictSpec {
      Param("n", .int(default: 3, min: 1, max: 5))
      Param("s", .string(default: "b", options: ["a", "b"]))
      Param("l", .list(of: .bool(default: true), minCount: 2, maxCount: 3))
    }
    var value = Bosdyn_Api_DictParam()
    value.values["n"] = .with { $0.intValue.value = 99 }
    value.values["s"] = .with { $0.intValue.value = 1 }
    value.values["unknown"] = .with { $0.boolValue.value = true }
    #expect(spec.coerce(&value))
    #expect(value.values["n"]?.intValue.value == 3)
    #expect(value.values["s"]?.stringValue.value == "b")
    #expect(value.values["l"]?.listValue.values.map(\.boolValue.value) == [true, true])
    #expect(value.values["unknown"] == nil)
    #expect(spec.validationError(for: value) == nil)
    #expect(!spec.coerce(&value))
  }

  @Test func droppingOnlyUnknownKeysCountsAsAChange() {
    // Python's dict_param_coerce_to returns False here although it removed the key.
    var value = Bosdyn_Api_DictParam()
    value.values["unknown"] = .with { $0.boolValue.value = true }
    #expect(DictSpec {}.coerce(&value))
    #expect(value.values.isEmpty)
  }

  @Test func aOneOfWithoutDefaultKeyIsLeftAbsentInsteadOfCrashing() {
    var empty = Bosdyn_Api_DictParam()
    #expect(self.helloWorld.coerce(&empty))
    #expect(empty.values["toggle_key"] == nil)
    #expect(empty.values["who"]?.stringValue.value == "World")

    var wrongType = Bosdyn_Api_DictParam()
    wrongType.values["who"] = .with { $0.stringValue.value = "Spot" }
    wrongType.values["toggle_key"] = .with { $0.boolValue.value = true }
    #expect(self.helloWorld.coerce(&wrongType))
    #expect(wrongType.values.keys.sorted() == ["who"])
  }

  @Test func aOneOfWithAnUnknownKeyTakesTheFirstKeyInCodePointOrder() {
    var value = Bosdyn_Api_DictParam()
    value.values["toggle_key"] = .with { $0.oneOfValue.key = "bogus" }
    #expect(self.helloWorld.coerce(&value))
    let oneOf = value.values["toggle_key"]?.oneOfValue
    #expect(oneOf?.key == "toggle_key_disable")
    #expect(
      oneOf?.values["toggle_key_enable"]?.values["toggle_enable_value_key"]?.intValue.value == 1337
    )
  }

  @Test func aOneOfWithoutChoicesIsRemovedInsteadOfCrashing() {
    let spec = DictSpec { Param("o", .oneOf {}) }
    var value = Bosdyn_Api_DictParam()
    value.values["o"] = .with { $0.oneOfValue.key = "a" }
    #expect(spec.coerce(&value))
    #expect(value.values.isEmpty)
  }

  @Test func aRegionOfInterestIsReallyCoerced() {
    let spec = DictSpec {
      Param(
        "r",
        .regionOfInterest(
          imageSource: ("image", "hand_color_image"),
          defaultArea: .polygon([(0, 0), (5, 0), (0, 5)]),
          allowsRectangle: false,
          allowsPolygon: true
        )
      )
    }
    var value = Bosdyn_Api_DictParam()
    value.values["r"] = .with {
      $0.roiValue.area = .rectangle(x: 1, y: 1, cols: 2, rows: 2)
      $0.roiValue.imageCols = -4
    }
    #expect(spec.validationError(for: value) != nil)
    #expect(spec.coerce(&value))
    let roi = value.values["r"]?.roiValue
    #expect(roi?.serviceAndSource.source == "hand_color_image")
    #expect(roi?.area == spec.proto.specs["r"]?.spec.roiSpec.defaultArea)
    #expect(roi?.imageCols == 0)
    #expect(spec.validationError(for: value) == nil)
    #expect(!spec.coerce(&value))
  }

  @Test func aNegativeMaximumEmptiesTheListInsteadOfCrashing() {
    let spec = DictSpec { Param("l", .list(of: .int(), maxCount: -1)) }
    var value = Bosdyn_Api_DictParam()
    value.values["l"] = .with { $0.listValue.values = [.with { $0.intValue.value = 1 }] }
    #expect(spec.coerce(&value))
    #expect(value.values["l"]?.listValue.values.isEmpty == true)
    #expect(!spec.coerce(&value))
  }

  @Test func theDefaultValueHoldsEveryDefault() {
    let defaults = self.helloWorld.defaultValue
    #expect(defaults.values.keys.sorted() == ["who"])
    #expect(defaults.values["who"]?.stringValue.value == "World")
  }
}
