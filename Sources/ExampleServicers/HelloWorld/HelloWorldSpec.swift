public import ServiceCustomization

extension HelloWorldServicer {
  /// What the hello-world service asks the tablet for, built from the document's flags.
  ///
  /// `who` is a string defaulting to `defaultName`, offering `helloOptions` as suggestions and
  /// always editable (any name is valid, so coercion never rewrites a name); "Repeats" is a
  /// one-of, without default, between "Enable" (repeat the greeting
  /// `toggle_enable_value_key` more times, 1...1337, default 1337) and "Disable", each of
  /// whose parameters the tablet shows collapsed at first. Equal, proto for proto, to what
  /// `create_custom_params` of Boston Dynamics' Python example returns for the same flags
  /// (the recorded fixture and its test hold the two together).
  ///
  /// - Parameters:
  ///   - displayName: `--display-name`: the label of `who`; the key is shown when `nil`.
  ///   - defaultName: `--default-name`.
  ///   - helloOptions: `--hello-options`, repeatable.
  public static func spec(
    displayName: String? = nil,
    defaultName: String = "World",
    helloOptions: [String] = []
  ) -> DictSpec {
    DictSpec {
      Param(
        "who",
        .string(default: defaultName, options: helloOptions, editable: true),
        displayName: displayName,
        description: "Specify who Spot says hello to",
        displayOrder: 0
      )
      Param(
        "toggle_key",
        .oneOf {
          OneOfChoice(
            "toggle_key_enable",
            displayName: "Enable",
            description: "Spot will repeat itself this number of times",
            displayOrder: 0,
            hiddenByDefault: true
          ) {
            Param("toggle_enable_value_key", .int(default: 1337, min: 1, max: 1337))
          }
          OneOfChoice(
            "toggle_key_disable",
            displayName: "Disable",
            description: "Spot will not repeat itself",
            displayOrder: 1,
            hiddenByDefault: true
          ) {}
        },
        displayName: "Repeats",
        description: "Specify how many times Spot repeats itself",
        displayOrder: 1
      )
    }
  }
}
