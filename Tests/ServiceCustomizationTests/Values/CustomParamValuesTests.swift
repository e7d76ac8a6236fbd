import BosdynAPI
import ServiceCustomization
import SwiftProtobuf
import Testing

@Suite("Typed values")
struct CustomParamValuesTests {
  let spec = DictSpec {
    Param("who", .string(default: "World"))
    Param("count", .int(min: 2))
    Param("ratio", .double(default: 0.5))
    Param("loud", .bool())
    Param("area", .regionOfInterest(defaultArea: .rectangle(x: 0, y: 0, cols: 8, rows: 6)))
    Param("names", .list(of: .string(default: "x"), minCount: 2))
    Param("extra", .dict { Param("depth", .int(default: 7)) })
    Param(
      "mode",
      .oneOf(default: "fast") {
        OneOfChoice("fast") { Param("speed", .double(default: 1.5)) }
        OneOfChoice("slow") {}
      }
    )
    Param("toggle", .oneOf { OneOfChoice("on") {} })
  }

  @Test func absentParametersReadAsTheirDefaults() throws {
    let values = try self.spec.values(of: Bosdyn_Api_DictParam())
    #expect(values.string("who") == "World")
    #expect(values.int("count") == 2)
    #expect(values.double("ratio") == 0.5)
    #expect(values.bool("loud") == false)
    #expect(values.regionOfInterest("area")?.area.rectangle.cols == 8)
    #expect(values.list("names") == [.string("x"), .string("x")])
    #expect(values.dict("extra")?.int("depth") == 7)
    let mode = try #require(values.oneOf("mode"))
    #expect(mode.key == "fast" && mode.values.double("speed") == 1.5)
    #expect(values.oneOf("toggle") == nil)
    #expect(values.presentValues.isEmpty)
    #expect(!values.isPresent("who"))
  }

  @Test func presentParametersReadAsSent() throws {
    var params = Bosdyn_Api_DictParam()
    params.values["who"] = .with { $0.stringValue.value = "Spot" }
    params.values["extra"] = .with { $0.dictValue = Bosdyn_Api_DictParam() }
    params.values["mode"] = .with { $0.oneOfValue.key = "slow" }
    let values = try self.spec.values(of: params)
    #expect(values.string("who") == "Spot")
    #expect(values.isPresent("who"))
    #expect(values.dict("extra")?.int("depth") == 7)
    #expect(values.oneOf("mode")?.key == "slow")
    #expect(Set(values.presentValues.keys) == ["who", "extra", "mode"])
    #expect(values.keys.first == "area")
  }

  @Test func readingAsAnotherTypeOrAnUnknownKeyGivesNil() throws {
    let values = try self.spec.values(of: Bosdyn_Api_DictParam())
    #expect(values.int("who") == nil)
    #expect(values.string("nobody") == nil)
    #expect(values["nobody"] == nil)
  }

  @Test func refusedValuesThrowTheErrorToAnswerTheTickWith() {
    var params = Bosdyn_Api_DictParam()
    params.values["count"] = .with { $0.intValue.value = 1 }
    #expect {
      try self.spec.values(of: params)
    } throws: { error in
      let error = error as? InvalidValueError
      return error?.proto.status == .invalidValue
        && error?.proto.errorMessages == ["count param has error: Value 1 below min_bound 2"]
    }
    let broken = DictSpec { Param("n", .int(min: 3, max: 1)) }
    #expect(throws: InvalidSpecError.self) { try broken.values(of: Bosdyn_Api_DictParam()) }
  }
}
