import BosdynAPI
import SwiftProtobuf

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `str(message)` of the Python SDK (protobuf's upb text encoder) for the value messages, which
/// Python embeds in its "has type" message. Fields in number order, two-space indentation,
/// strings escaped byte-wise (UTF-8 kept, other control bytes in octal), doubles as `%.15g`
/// (or `%.17g` when that does not round-trip). Map entries are printed in code-point order of
/// their keys (upb prints insertion order, which a parsed message does not define).
struct UpbTextFormat {
  private var out = ""
  private var indent = 0

  /// The text of the message held by a value, as Python prints the message itself.
  static func string(of value: Bosdyn_Api_CustomParam.OneOf_Value) -> String {
    var printer = UpbTextFormat()
    printer.printContents(of: value)
    return printer.out
  }

  /// The text of an `Int64Value` (`value: 3\n`, empty for 0), which Python prints for list
  /// bounds.
  static func string(of wrapper: Google_Protobuf_Int64Value) -> String {
    var printer = UpbTextFormat()
    printer.scalar("value", wrapper.value, isDefault: wrapper.value == 0)
    return printer.out
  }

  private mutating func line(_ text: String) {
    self.out += String(repeating: "  ", count: self.indent) + text + "\n"
  }

  private mutating func message(_ name: String, _ body: (inout UpbTextFormat) -> Void) {
    self.line(name + " {")
    self.indent += 1
    body(&self)
    self.indent -= 1
    self.line("}")
  }

  private mutating func scalar(_ name: String, _ value: some BinaryInteger, isDefault: Bool) {
    if !isDefault { self.line("\(name): \(value)") }
  }

  private mutating func text(_ name: String, _ value: String, always: Bool = false) {
    if always || !value.isEmpty { self.line("\(name): \(Self.quoted(value))") }
  }

  private mutating func printContents(of value: Bosdyn_Api_CustomParam.OneOf_Value) {
    switch value {
    case .dictValue(let dict): self.printDict(dict)
    case .listValue(let list):
      for element in list.values { self.message("values") { $0.printCustomParam(element) } }
    case .intValue(let int): self.scalar("value", int.value, isDefault: int.value == 0)
    case .doubleValue(let double):
      if double.value.bitPattern != 0 { self.line("value: \(Self.format(double.value))") }
    case .stringValue(let string): self.text("value", string.value)
    case .roiValue(let roi): self.printRegionOfInterest(roi)
    case .boolValue(let bool): if bool.value { self.line("value: true") }
    case .oneOfValue(let oneOf):
      self.text("key", oneOf.key)
      for key in oneOf.values.keys.sortedByCodePoint() {
        self.message("values") {
          $0.text("key", key, always: true)
          $0.message("value") { $0.printDict(oneOf.values[key]!) }
        }
      }
    }
  }

  private mutating func printDict(_ dict: Bosdyn_Api_DictParam) {
    for key in dict.values.keys.sortedByCodePoint() {
      self.message("values") {
        $0.text("key", key, always: true)
        $0.message("value") { $0.printCustomParam(dict.values[key]!) }
      }
    }
  }

  private mutating func printCustomParam(_ param: Bosdyn_Api_CustomParam) {
    guard let value = param.value, let kind = ParamKind(value: param) else { return }
    self.message(kind.valueFieldName) { $0.printContents(of: value) }
  }

  private mutating func printRegionOfInterest(_ roi: Bosdyn_Api_RegionOfInterestParam) {
    if roi.hasArea {
      self.message("area") { printer in
        switch roi.area.geometry {
        case .rectangle(let rectangle)?:
          printer.message("rectangle") {
            $0.scalar("x", rectangle.x, isDefault: rectangle.x == 0)
            $0.scalar("y", rectangle.y, isDefault: rectangle.y == 0)
            $0.scalar("cols", rectangle.cols, isDefault: rectangle.cols == 0)
            $0.scalar("rows", rectangle.rows, isDefault: rectangle.rows == 0)
          }
        case .polygon(let polygon)?:
          printer.message("polygon") {
            for vertex in polygon.vertices {
              $0.message("vertices") {
                $0.scalar("x", vertex.x, isDefault: vertex.x == 0)
                $0.scalar("y", vertex.y, isDefault: vertex.y == 0)
              }
            }
          }
        case nil:
          break
        }
      }
    }
    if roi.hasServiceAndSource {
      self.message("service_and_source") {
        $0.text("service", roi.serviceAndSource.service)
        $0.text("source", roi.serviceAndSource.source)
      }
    }
    self.scalar("image_cols", roi.imageCols, isDefault: roi.imageCols == 0)
    self.scalar("image_rows", roi.imageRows, isDefault: roi.imageRows == 0)
  }

  /// A quoted string as upb writes it: `\n \r \t \" \' \\` escaped, other ASCII control bytes
  /// in octal, every byte from 0x80 on kept.
  private static func quoted(_ value: String) -> String {
    var bytes: [UInt8] = [UInt8(ascii: "\"")]
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\n"): bytes += Array(#"\n"#.utf8)
      case UInt8(ascii: "\r"): bytes += Array(#"\r"#.utf8)
      case UInt8(ascii: "\t"): bytes += Array(#"\t"#.utf8)
      case UInt8(ascii: "\""): bytes += Array(#"\""#.utf8)
      case UInt8(ascii: "'"): bytes += Array(#"\'"#.utf8)
      case UInt8(ascii: "\\"): bytes += Array(#"\\"#.utf8)
      case 0x20..<0x7f, 0x80...0xff: bytes.append(byte)
      default:
        let octal = String(byte, radix: 8)
        bytes += Array(("\\" + String(repeating: "0", count: 3 - octal.count) + octal).utf8)
      }
    }
    bytes.append(UInt8(ascii: "\""))
    return String(decoding: bytes, as: UTF8.self)
  }

  /// upb's double: `inf`, `-inf`, `nan`, else `%.15g`, or `%.17g` when that loses precision.
  static func format(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    let short = Self.printf("%.15g", value)
    if strtod(short, nil) == value { return short }
    return Self.printf("%.17g", value)
  }

  private static func printf(_ format: String, _ value: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    _ = withVaList([value]) { arguments in
      vsnprintf(&buffer, buffer.count, format, arguments)
    }
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(truncatingIfNeeded: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }
}
