extension String {
  /// The text with control characters and other invisible code points escaped (`\u{1B}`) and
  /// cut to 200 characters: safe to print in a terminal or a log line whatever a client or a
  /// robot sent.
  public var escapedForDisplay: String {
    var result = ""
    for scalar in self.unicodeScalars.prefix(200) {
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate,
        .unassigned:
        result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      default:
        result.unicodeScalars.append(scalar)
      }
    }
    if self.unicodeScalars.count > 200 { result += "…" }
    return result
  }
}
