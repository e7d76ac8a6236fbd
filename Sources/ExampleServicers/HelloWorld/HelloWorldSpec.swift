public import ServiceCustomization

extension HelloWorldServicer {
  /// What the hello-world service asks the tablet for, built from the document's flags.
  ///
  /// `who` is a string picked from `helloOptions` (free text when there are none) defaulting to
  /// `defaultName`; `toggle_key` "Repeats" is a one-of, without default, between repeating the
  /// greeting `toggle_enable_value_key` (1...1337, default 1337) more times and not repeating.
  /// Equal, proto for proto, to the spec the Python example builds for the same flags.
  ///
  /// - Parameters:
  ///   - displayName: `--display-name`: the label of `who`; the key is shown when `nil`.
  ///   - defaultName: `--default-name`.
  ///   - helloOptions: `--hello-option`, repeatable.
  public static func spec(
    displayName: String? = nil,
    defaultName: String = "World",
    helloOptions: [String] = []
  ) -> DictSpec {
    DictSpec {
      Param(
        "who",
        .string(default: defaultName, options: helloOptions),
        displayName: displayName,
        description: "Specify who Spot says hello to",
        displayOrder: 0
      )
      Param(
        "toggle_key",
        .oneOf {
          OneOfChoice("toggle_key_enable") {
            Param("toggle_enable_value_key", .int(default: 1337, min: 1, max: 1337))
          }
          OneOfChoice("toggle_key_disable") {}
        },
        displayName: "Repeats",
        displayOrder: 1
      )
    }
  }
}
