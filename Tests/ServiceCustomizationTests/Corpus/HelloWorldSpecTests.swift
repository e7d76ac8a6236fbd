import BosdynAPI
import ExampleServicers
import ServiceCustomization
import Testing

/// The hello-world spec built in Swift equals the Python example's for the same flags, and
/// its sample ticks get Python's verdicts.
@Suite("The hello-world spec")
struct HelloWorldSpecTests {
  @Test("equals the Python example's", arguments: Fixtures.helloWorldFlagSets)
  func equalsPythons(_ flagSet: HelloWorldFlagSet) throws {
    let flags = flagSet.json["flags"]!
    let spec = HelloWorldServicer.spec(
      displayName: flags["display_name"]?.string,
      defaultName: try #require(flags["default_name"]?.string),
      helloOptions: flags["hello_options"]!.strings!
    ).proto
    let python = try Protos.decode(
      Bosdyn_Api_DictParam.Spec.self,
      base64: flagSet.json["spec"]!["b64"]!.string!
    )
    #expect(spec == python)
    #expect(Protos.bytes(spec) == Protos.bytes(python))
    CorpusExpectations.checkSpec(DictSpec(proto: spec), case: flagSet.json, context: flagSet.name)
    for tick in flagSet.json["ticks"]!.array! {
      let context = "\(flagSet.name) \(tick["label"]!.string!)"
      try CorpusExpectations.checkValue(DictSpec(proto: spec), entry: tick, context: context)
    }
  }
}
