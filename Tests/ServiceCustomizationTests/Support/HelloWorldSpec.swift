import BosdynAPI
import ServiceCustomization

/// The document's hello-world spec for its command-line flags (to move next to the
/// hello-world servicer): `who`, a string picked from the hello options (free text when there
/// are none), and `toggle_key` "Repeats", a one-of without default between repeating (with a
/// count) and not.
enum HelloWorldSpec {
  /// - Parameters:
  ///   - displayName: `--display-name`: the label of `who`; none when `nil`.
  ///   - defaultName: `--default-name`: the default of `who`; none when `nil`.
  ///   - helloOptions: `--hello-option`: the names to pick from.
  static func make(
    displayName: String?, defaultName: String?, helloOptions: [String]
  ) -> Bosdyn_Api_DictParam.Spec {
    DictSpec {
      Param(
        "who", .string(default: defaultName, options: helloOptions),
        displayName: displayName, description: "Specify who Spot says hello to", displayOrder: 0)
      Param(
        "toggle_key",
        .oneOf {
          OneOfChoice("toggle_key_enable") {
            Param("toggle_enable_value_key", .int(default: 1337, min: 1, max: 1337))
          }
          OneOfChoice("toggle_key_disable") {}
        },
        displayName: "Repeats", displayOrder: 1)
    }.proto
  }
}
