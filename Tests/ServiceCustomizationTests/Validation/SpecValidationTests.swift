import BosdynAPI
import ServiceCustomization
import SwiftProtobuf
import Testing

@Suite("Spec validation")
struct SpecValidationTests {
  struct Example: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let spec: DictSpec
    let messages: [String]
  }

  static let examples: [Example] = [
    Example(
      testDescription: "min above max",
      spec: DictSpec { Param("n", .int(min: 5, max: 1)) },
      messages: ["n param has error: min_value greater than max_value"]
    ),
    Example(
      testDescription: "default outside the bounds",
      spec: DictSpec { Param("x", .double(default: 9, min: 0, max: 1)) },
      messages: ["x param has error: Default Spec Value above allowed maximum value"]
    ),
    Example(
      testDescription: "a minimum without default is fine (Python: invalid)",
      spec: DictSpec { Param("n", .int(min: 5)) },
      messages: []
    ),
    Example(
      testDescription: "default not among fixed options",
      spec: DictSpec { Param("s", .string(default: "c", options: ["a", "b"])) },
      messages: ["s param has error: Default string c not among options ['a', 'b']"]
    ),
    Example(
      testDescription: "rectangles refused, no default area (Python: invalid)",
      spec: DictSpec { Param("r", .regionOfInterest(allowsRectangle: false, allowsPolygon: true)) },
      messages: []
    ),
    Example(
      testDescription: "rectangles refused, default is one",
      spec: DictSpec {
        Param(
          "r",
          .regionOfInterest(
            defaultArea: .rectangle(x: 0, y: 0, cols: 1, rows: 1),
            allowsRectangle: false
          )
        )
      },
      messages: ["r param has error: Default area is a rectangle despite not being allowed"]
    ),
    Example(
      testDescription: "dangling default key",
      spec: DictSpec { Param("o", .oneOf(default: "c") { OneOfChoice("a") {} }) },
      messages: ["o param has error: OneOf parameter has nonexistent default key of c"]
    ),
    Example(
      testDescription: "negative list bound",
      spec: DictSpec { Param("l", .list(of: .bool(), minCount: -1)) },
      messages: [
        "l param has error: Invalid negative list size bound, with (min, max) bound of (-1, 0)"
      ]
    ),
    Example(
      testDescription: "list bounds crossed",
      spec: DictSpec { Param("l", .list(of: .bool(), minCount: 3, maxCount: 2)) },
      messages: [
        "l param has error: Max ListParam.Spec size value: 2\n below minimum size of value: 3\n"
      ]
    ),
    Example(
      testDescription: "paths through dicts, lists and one-ofs",
      spec: DictSpec {
        Param(
          "outer",
          .dict {
            Param("items", .list(of: .dict { Param("n", .int(min: 2, max: 1)) }))
            Param("mode", .oneOf { OneOfChoice("fast") { Param("x", .double(min: 1, max: 0)) } })
          }
        )
      },
      messages: [
        "outer.items.n param has error: min_value greater than max_value",
        "outer.mode.fast.x param has error: min_value greater than max_value",
      ]
    ),
    Example(
      testDescription: "a parameter of no type (Python: KeyError)",
      spec: DictSpec(proto: .with { $0.specs["x"] = Bosdyn_Api_DictParam.ChildSpec() }),
      messages: ["x param has error: CustomParam.Spec has no spec set"]
    ),
  ]

  @Test(arguments: examples)
  func reportsEveryProblemWithItsPath(_ example: Example) {
    do {
      try example.spec.validate()
      #expect(example.messages.isEmpty)
    } catch {
      #expect(error.messages == example.messages)
      #expect(error.description.contains(example.messages.first ?? "-"))
    }
  }

  @Test func keysWithSeparatorsKeepTheirPathIntact() {
    let spec = DictSpec {
      Param("a.[b]", .dict { Param("[k]", .int(min: 1, max: 0)) })
    }
    #expect(
      throws: InvalidSpecError(messages: [
        "a.[b].[k] param has error: min_value greater than max_value"
      ])
    ) {
      try spec.validate()
    }
  }
}
