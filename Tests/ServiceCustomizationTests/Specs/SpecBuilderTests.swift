import BosdynAPI
import ServiceCustomization
import SwiftProtobuf
import Testing

@Suite("Spec builders")
struct SpecBuilderTests {
  @Test func numbersSetOnlyWhatIsGiven() {
    let bare = ParamSpec.int().proto.intSpec
    #expect(!bare.hasDefaultValue && !bare.hasMinValue && !bare.hasMaxValue && !bare.hasUnits)

    let meters = Bosdyn_Api_Units.with { $0.name = "m" }
    let int = ParamSpec.int(default: 3, min: 1, max: 5, units: meters).proto.intSpec
    #expect(int.defaultValue.value == 3 && int.minValue.value == 1 && int.maxValue.value == 5)
    #expect(int.units.name == "m")

    let zero = ParamSpec.double(default: 0, min: -1.5).proto.doubleSpec
    #expect(zero.hasDefaultValue && zero.defaultValue.value == 0)
    #expect(zero.minValue.value == -1.5 && !zero.hasMaxValue)
  }

  @Test func stringsAreFreeTextWithoutOptionsAndPickersWithThem() {
    let text = ParamSpec.string(default: "World").proto.stringSpec
    #expect(text.editable && text.defaultValue == "World" && text.options.isEmpty)

    let picker = ParamSpec.string(options: ["a", "b"]).proto.stringSpec
    #expect(!picker.editable && picker.options == ["a", "b"] && picker.defaultValue.isEmpty)

    let combo = ParamSpec.string(options: ["a"], editable: true, multiline: true).proto.stringSpec
    #expect(combo.editable && combo.isMultiline)
  }

  @Test func boolsAndRegionsOfInterest() {
    #expect(!ParamSpec.bool().proto.boolSpec.hasDefaultValue)
    #expect(ParamSpec.bool(default: true).proto.boolSpec.defaultValue.value)

    let roi = ParamSpec.regionOfInterest(
      imageSource: ("image", "hand_color_image"),
      defaultArea: .rectangle(x: 1, y: 2, cols: 3, rows: 4),
      allowsRectangle: true
    ).proto.roiSpec
    #expect(roi.serviceAndSource.service == "image")
    #expect(roi.serviceAndSource.source == "hand_color_image")
    #expect(roi.defaultArea.rectangle.cols == 3 && roi.defaultArea.rectangle.rows == 4)
    #expect(roi.allowsRectangle && !roi.allowsPolygon)

    let polygon = Bosdyn_Api_AreaI.polygon([(0, 0), (4, 0), (2, 3)])
    #expect(polygon.polygon.vertices.map { [$0.x, $0.y] } == [[0, 0], [4, 0], [2, 3]])
  }

  @Test func listsDictsAndOneOfsNest() {
    let list = ParamSpec.list(of: .int(min: 0), minCount: 1, maxCount: 3).proto.listSpec
    #expect(list.elementSpec.intSpec.minValue.value == 0)
    #expect(list.minNumberOfValues.value == 1 && list.maxNumberOfValues.value == 3)

    let dict = ParamSpec.dict(hiddenByDefault: true) {
      Param("on", .bool())
    }.proto.dictSpec
    #expect(dict.isHiddenByDefault && dict.specs["on"]?.spec.boolSpec != nil)

    let oneOf = ParamSpec.oneOf(default: "slow") {
      OneOfChoice("slow", displayName: "Slow") {}
      OneOfChoice("fast", description: "Hurry", displayOrder: 2, hiddenByDefault: true) {
        Param("speed", .double(max: 1.6))
      }
    }.proto.oneOfSpec
    #expect(oneOf.defaultKey == "slow")
    #expect(oneOf.specs["slow"]?.uiInfo.displayName == "Slow")
    #expect(oneOf.specs["slow"]?.hasSpec == true && oneOf.specs["slow"]?.spec.specs.isEmpty == true)
    #expect(oneOf.specs["fast"]?.uiInfo.description_p == "Hurry")
    #expect(oneOf.specs["fast"]?.uiInfo.displayOrder == 2)
    #expect(oneOf.specs["fast"]?.spec.isHiddenByDefault == true)
    #expect(oneOf.specs["fast"]?.spec.specs["speed"]?.spec.doubleSpec.maxValue.value == 1.6)
  }

  @Test func userInterfaceInfoOnlyWhenSomethingIsShown() {
    #expect(!Param("a", .bool()).proto.hasUiInfo)
    let ordered = Param("a", .bool(), displayOrder: 0).proto
    #expect(ordered.hasUiInfo && ordered.uiInfo.displayOrder == 0)
    let named = Param("a", .bool(), displayName: "A", description: "The a").proto.uiInfo
    #expect(named.displayName == "A" && named.description_p == "The a")
  }

  @Test func theBuilderTakesConditionsAndLoops() {
    let withExtras = true
    let spec = DictSpec {
      Param("first", .bool())
      if withExtras {
        Param("extra", .int())
      } else {
        Param("never", .int())
      }
      for index in 0..<3 {
        Param("item\(index)", .string(), displayOrder: Int64(index))
      }
    }
    #expect(Set(spec.proto.specs.keys) == ["first", "extra", "item0", "item1", "item2"])
    #expect(spec.proto.specs["item2"]?.uiInfo.displayOrder == 2)
  }

  @Test func theRawProtosStayReachable() throws {
    var spec = DictSpec { Param("n", .int(default: 1)) }
    spec.proto.specs["n"]?.spec.intSpec.maxValue.value = 0
    #expect(throws: InvalidSpecError.self) { try spec.validate() }

    let raw = try Bosdyn_Api_DictParam.Spec(
      serializedBytes: try spec.proto.serializedBytes() as [UInt8]
    )
    #expect(DictSpec(proto: raw) == spec)
  }
}
