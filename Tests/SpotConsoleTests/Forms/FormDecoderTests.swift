import BosdynAPI
import ServiceCustomization
import Testing

@testable import SpotConsole

@Suite("Reading a posted form back into parameters")
struct FormDecoderTests {
  @Test func listPositionsMapBackToTheFormsNumbering() throws {
    let spec = DictSpec {
      Param("waypoints", .list(of: .int(min: 0, max: 10), maxCount: 5))
    }
    // Items 0 and 5 are left after the operator removed 1 to 4.
    let form = try #require(
      FormFields(urlEncoded: "waypoints/@item=0&waypoints/@0=1&waypoints/@item=5&waypoints/@5=99")
    )
    var decoder = FormDecoder(form: form)
    let value = decoder.decode(spec.proto)
    #expect(value.values["waypoints"]?.listValue.values.map(\.intValue.value) == [1, 99])
    let issues = spec.validationIssues(for: value)
    #expect(issues.map { decoder.fieldName(for: $0.path) } == ["waypoints/@5"])
  }

  @Test func keysAreEncodedSoAnyKeyIsAField() throws {
    let spec = DictSpec {
      Param("a/b c", .dict { Param("@x", .bool()) })
    }
    let form = try #require(FormFields(urlEncoded: "a%252Fb%2520c/%2540x=true"))
    var decoder = FormDecoder(form: form)
    let value = decoder.decode(spec.proto)
    #expect(value.values["a/b c"]?.dictValue.values["@x"]?.boolValue.value == true)
  }

  @Test func aOneOfReadsOnlyItsChosenChild() throws {
    let spec = HelloWorldSpecs.hello
    let chosen = try #require(
      FormFields(
        urlEncoded:
          "toggle_key=toggle_key_disable&toggle_key/toggle_key_enable/toggle_enable_value_key=oops"
      )
    )
    var decoder = FormDecoder(form: chosen)
    let value = decoder.decode(spec.proto)
    #expect(decoder.issues.isEmpty, "the other choice's field is not read")
    #expect(value.values["toggle_key"]?.oneOfValue.key == "toggle_key_disable")
    let unset = try #require(FormFields(urlEncoded: "toggle_key="))
    var unsetDecoder = FormDecoder(form: unset)
    #expect(unsetDecoder.decode(spec.proto).values["toggle_key"] == nil)
  }

  @Test func serviceMessagesAreReadBackIntoPaths() {
    let issue = ValueIssue(parsing: "a.b[2].c param has error: Value 5 above max_bound 3")
    #expect(issue.path == [.key("a"), .key("b"), .index(2), .key("c")])
    #expect(issue.text == "Value 5 above max_bound 3")
    #expect(issue.message == "a.b[2].c param has error: Value 5 above max_bound 3")
    #expect(ValueIssue(parsing: "no path").path.isEmpty)
  }
}

enum HelloWorldSpecs {
  static let hello = DictSpec {
    Param("who", .string(default: "World"))
    Param(
      "toggle_key",
      .oneOf {
        OneOfChoice("toggle_key_enable") {
          Param("toggle_enable_value_key", .int(default: 1337, min: 1, max: 1337))
        }
        OneOfChoice("toggle_key_disable") {}
      }
    )
  }
}
