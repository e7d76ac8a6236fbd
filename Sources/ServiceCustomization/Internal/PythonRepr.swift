/// How Python prints values inside the messages of `service_customization_helpers`, so our
/// messages read exactly like the ones a Python service sends.
enum PythonRepr {
  /// `repr(text)`: single quotes unless only double quotes avoid escaping, `\n`, `\xNN`,
  /// `\uNNNN` for what Python does not consider printable.
  static func string(_ text: String) -> String {
    let quote: Unicode.Scalar =
      text.unicodeScalars.contains("'") && !text.unicodeScalars.contains("\"") ? "\"" : "'"
    var out = String(Character(quote))
    for scalar in text.unicodeScalars {
      switch scalar {
      case quote, "\\":
        out.unicodeScalars.append("\\")
        out.unicodeScalars.append(scalar)
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default:
        if isPrintable(scalar) {
          out.unicodeScalars.append(scalar)
        } else if scalar.value <= 0xff {
          out += "\\x" + hex(scalar.value, width: 2)
        } else if scalar.value <= 0xffff {
          out += "\\u" + hex(scalar.value, width: 4)
        } else {
          out += "\\U" + hex(scalar.value, width: 8)
        }
      }
    }
    out.unicodeScalars.append(quote)
    return out
  }

  /// `repr(list_of_strings)`: `['a', 'b']`.
  static func list(_ items: some Sequence<String>) -> String {
    "[" + items.map(string).joined(separator: ", ") + "]"
  }

  /// `repr(set_of_strings)` with the elements in code-point order (Python prints hash order).
  static func set(_ items: some Sequence<String>) -> String {
    "{" + items.sortedByCodePoint().map(string).joined(separator: ", ") + "}"
  }

  /// `repr(number)` / `f"{number}"` of a Python float: shortest round-trip digits, exponent
  /// form below 1e-4 and from 1e16 on, and always a fractional part otherwise (`2.0`).
  static func double(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    let sign = value.sign == .minus ? "-" : ""
    if value == 0 { return sign + "0.0" }
    let (digits, pointPosition) = shortestDigits(of: value.magnitude)
    // Python's float_repr_style 'short': exponent form when decpt <= -4 or decpt > 16.
    if pointPosition <= -4 || pointPosition > 16 {
      let exponent = pointPosition - 1
      var mantissa = String(digits.first!)
      if digits.count > 1 { mantissa += "." + digits.dropFirst() }
      let exponentDigits = String(exponent.magnitude)
      let padded = exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + padded
    }
    if pointPosition <= 0 {
      return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
    }
    if pointPosition >= digits.count {
      return sign + digits + String(repeating: "0", count: pointPosition - digits.count) + ".0"
    }
    let split = digits.index(digits.startIndex, offsetBy: pointPosition)
    return sign + digits[..<split] + "." + digits[split...]
  }

  /// The shortest decimal digits that round-trip (no leading or trailing zeros) and where the
  /// decimal point goes: value = 0.DIGITS × 10^pointPosition. Swift's `description` already
  /// finds the shortest digits; only its layout differs from Python's.
  private static func shortestDigits(of magnitude: Double) -> (String, Int) {
    let text = magnitude.description
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = text[..<e]
      exponent = Int(text[text.index(after: e)...])!
    }
    var integerPart = mantissa
    var fractionPart: Substring = ""
    if let dot = mantissa.firstIndex(of: ".") {
      integerPart = mantissa[..<dot]
      fractionPart = mantissa[mantissa.index(after: dot)...]
    }
    var digits = String(integerPart) + fractionPart
    var pointPosition = integerPart.count + exponent
    while digits.first == "0" {
      digits.removeFirst()
      pointPosition -= 1
    }
    while digits.last == "0" { digits.removeLast() }
    return (digits, pointPosition)
  }

  /// Python's `str.isprintable()` for one code point: not a control, format, surrogate,
  /// private-use, unassigned or separator character, except the ASCII space.
  private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == " " { return true }
    if scalar.value < 0x7f { return scalar.value >= 0x20 }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator,
      .lineSeparator, .paragraphSeparator:
      return false
    default:
      return true
    }
  }

  private static func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
