import Foundation

/// A compiled format string with `{variable}` fields, as FormatBlackboard, Prompt text,
/// CreateMissionText and RemoteGrpc's group name use.
///
/// Supported: `{name}`, dotted paths into messages (`{state.power_state.motor_power_state}`),
/// fixed decimals `{x:.2f}`, and `{{` / `}}` for literal braces. Anything else after `:` is a
/// compile error, so a typo shows at load rather than mid-mission.
struct TextFormat: Sendable {
  enum Segment: Sendable {
    case literal(String)
    case field(VariableRef, decimals: Int?)
  }

  let source: String
  let segments: [Segment]

  /// Whether the format has no fields (and so renders without the blackboard).
  var isConstant: Bool {
    self.segments.allSatisfy {
      if case .literal = $0 { return true }
      return false
    }
  }

  /// Parses `source`.
  ///
  /// - Throws: A message naming the problem: an unclosed `{`, a lone `}`, an empty field, an
  ///   unsupported format spec.
  init(_ source: String) throws(FormatError) {
    self.source = source
    var segments: [Segment] = []
    var literal = ""
    var index = source.startIndex
    while index < source.endIndex {
      let character = source[index]
      let next = source.index(after: index)
      if character == "{" {
        if next < source.endIndex, source[next] == "{" {
          literal.append("{")
          index = source.index(after: next)
          continue
        }
        guard let close = source[next...].firstIndex(of: "}") else {
          throw FormatError(message: "unclosed '{' in format \"\(source)\"")
        }
        if !literal.isEmpty {
          segments.append(.literal(literal))
          literal = ""
        }
        segments.append(try Self.field(String(source[next..<close]), in: source))
        index = source.index(after: close)
      } else if character == "}" {
        guard next < source.endIndex, source[next] == "}" else {
          throw FormatError(message: "single '}' in format \"\(source)\"")
        }
        literal.append("}")
        index = source.index(after: next)
      } else {
        literal.append(character)
        index = next
      }
    }
    if !literal.isEmpty { segments.append(.literal(literal)) }
    self.segments = segments
  }

  private static func field(_ body: String, in source: String) throws(FormatError) -> Segment {
    let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    let name = String(parts[0])
    guard !name.isEmpty, !name.contains("{") else {
      throw FormatError(message: "empty or malformed field '{\(body)}' in format \"\(source)\"")
    }
    guard parts.count == 2 else { return .field(VariableRef(name), decimals: nil) }
    let spec = parts[1]
    guard spec.hasPrefix("."), spec.hasSuffix("f"), spec.count >= 3,
      let decimals = Int(spec.dropFirst().dropLast()), (0...20).contains(decimals)
    else {
      throw FormatError(
        message: "unsupported format spec ':\(spec)' in \"\(source)\" (only ':.Nf' is supported)"
      )
    }
    return .field(VariableRef(name), decimals: decimals)
  }

  /// Renders the format with the blackboard.
  ///
  /// - Throws: ``ReadError`` for an undefined variable or a fixed-decimals field that is not a
  ///   number.
  func render(_ blackboard: Blackboard) throws(ReadError) -> String {
    if self.segments.count == 1, case .literal(let text) = self.segments[0] { return text }
    var output = ""
    for segment in self.segments {
      switch segment {
      case .literal(let text):
        output += text
      case .field(let ref, let decimals):
        guard let (read, _) = blackboard.read(ref) else { throw .undefined(ref.name) }
        output += try Self.render(read, decimals: decimals, name: ref.name)
      }
    }
    return output
  }

  private static func render(
    _ read: BlackboardValue.PathRead,
    decimals: Int?,
    name: String
  ) throws(ReadError) -> String {
    let value: BlackboardValue
    switch read {
    case .unset: value = decimals == nil ? .string("") : .float(0)
    case .value(let read): value = read
    }
    if let decimals {
      let number: Double
      switch value {
      case .int(let int): number = Double(int)
      case .float(let float): number = float
      default:
        throw ReadError(
          description: "'{\(name):.\(decimals)f}' needs a number, found a \(value.typeDescription)"
        )
      }
      return String(format: "%.\(decimals)f", number)
    }
    return value.formatted
  }
}

/// A format string that cannot be parsed.
struct FormatError: Error {
  var message: String
}

extension BlackboardValue {
  /// How a value appears in formatted text: numbers and strings as written, bools as
  /// `true`/`false`, messages as their JSON.
  var formatted: String {
    switch self {
    case .int(let value): String(value)
    case .float(let value): String(value)
    case .string(let value): value
    case .bool(let value): value ? "true" : "false"
    case .message(let message): message.json?.text ?? message.typeName
    case .list(let values): "[" + values.map(\.formatted).joined(separator: ", ") + "]"
    case .dict(let values):
      "{"
        + values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.formatted)" }
        .joined(separator: ", ") + "}"
    }
  }
}
