import BosdynAPI
import ServiceCustomization
import SwiftProtobuf
import Testing

/// Value validation kept structured: each issue's path to its parameter and its text, the same
/// as the strings of ``DictSpec/validationError(for:)``, and those strings read back.
@Suite("Value issues with their paths")
struct ValueIssueTests {
  static let spec = DictSpec {
    Param(
      "toggle",
      .oneOf {
        OneOfChoice("on") { Param("count", .int(default: 3, min: 1, max: 10)) }
        OneOfChoice("off") {}
      }
    )
    Param("stops", .list(of: .int(default: 1, min: 0, max: 60)))
    Param("who", .string(default: "World"))
  }

  @Test func eachIssueHasThePathToItsParameterAndTheValidationErrorsText() throws {
    var params = Bosdyn_Api_DictParam()
    params.values["toggle"] = .with {
      $0.oneOfValue.key = "on"
      $0.oneOfValue.values["on"] = .with { $0.values["count"] = .with { $0.intValue.value = 50 } }
    }
    params.values["stops"] = .with {
      $0.listValue.values = [.with { $0.intValue.value = 5 }, .with { $0.intValue.value = 90 }]
    }
    let issues = Self.spec.validationIssues(for: params)
    #expect(
      Set(issues.map(\.path)) == [
        [.key("toggle"), .key("on"), .key("count")], [.key("stops"), .index(1)],
      ],
      "\(issues)"
    )
    #expect(
      Set(issues.map(\.text)) == ["Value 50 above max_bound 10", "Value 90 above max_bound 60"]
    )
    let error = try #require(Self.spec.validationError(for: params))
    #expect(Set(error.errorMessages) == Set(issues.map(\.message)))
    #expect(Set(error.errorMessages.map { ValueIssue(parsing: $0) }) == Set(issues))
  }

  @Test func aFittingValueHasNoIssues() {
    var params = Bosdyn_Api_DictParam()
    params.values["who"] = .with { $0.stringValue.value = "Scout" }
    #expect(Self.spec.validationIssues(for: params).isEmpty)
    #expect(Self.spec.validationError(for: params) == nil)
  }
}
