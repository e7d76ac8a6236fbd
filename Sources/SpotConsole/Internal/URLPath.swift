/// Percent-encoding for the console's URLs and form field names, which carry names from the
/// robot and keys from callbacks' specs.
enum URLPath {
  /// `segment` with everything but unreserved characters (RFC 3986: letters, digits, `-._~`)
  /// percent-encoded, so it can be one path segment or one component of a field name.
  static func encodeSegment(_ segment: String) -> String {
    var encoded = ""
    for byte in segment.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"):
        encoded.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        encoded += "%" + Self.hex(byte >> 4) + Self.hex(byte & 0x0F)
      }
    }
    return encoded
  }

  /// Decodes `%XX` sequences (and, when `plusIsSpace`, `+` as a space, as in form bodies);
  /// `nil` for a malformed sequence or bytes that are not UTF-8.
  static func decode(_ text: some StringProtocol, plusIsSpace: Bool = false) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var iterator = text.utf8.makeIterator()
    while let byte = iterator.next() {
      switch byte {
      case UInt8(ascii: "%"):
        guard let high = iterator.next().flatMap(Self.value),
          let low = iterator.next().flatMap(Self.value)
        else { return nil }
        bytes.append(high << 4 | low)
      case UInt8(ascii: "+") where plusIsSpace:
        bytes.append(UInt8(ascii: " "))
      default:
        bytes.append(byte)
      }
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hex(_ nibble: UInt8) -> String {
    String(nibble, radix: 16, uppercase: true)
  }

  private static func value(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
