/// A fragment of HTML whose interpolated strings are escaped: the one way the console writes
/// markup, so that nothing a robot, a callback or an operator typed can become markup.
///
/// Literal text is markup; every interpolated `String` (or number) is escaped for text and
/// double-quoted attribute values alike; an interpolated `HTML` is inserted as it is. Spec
/// strings come from untrusted callbacks, so there is no way to interpolate raw text other
/// than ``init(unsafeMarkup:)``, which only the console's own constants use.
///
/// ```swift
/// let name = "<script>alert(1)</script>"
/// let cell: HTML = "<td title=\"\(name)\">\(name)</td>"
/// // <td title="&lt;script&gt;…">&lt;script&gt;alert(1)&lt;/script&gt;</td>
/// ```
public struct HTML: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
  /// The markup.
  public private(set) var markup: String

  /// Markup taken as it is. Only for the console's own constant markup: never for text from
  /// a request, a robot or a service.
  public init(unsafeMarkup markup: String) {
    self.markup = markup
  }

  /// Empty markup.
  public init() {
    self.markup = ""
  }

  /// A literal: markup.
  public init(stringLiteral value: String) {
    self.markup = value
  }

  /// Literal parts as markup, interpolations escaped unless they are ``HTML``.
  public init(stringInterpolation: StringInterpolation) {
    self.markup = stringInterpolation.markup
  }

  /// The fragments one after the other.
  public init(_ fragments: [HTML]) {
    self.markup = fragments.map(\.markup).joined()
  }

  /// The markup.
  public var description: String { self.markup }

  /// Whether there is no markup at all.
  public var isEmpty: Bool { self.markup.isEmpty }

  /// Appends `other`.
  public static func + (lhs: HTML, rhs: HTML) -> HTML {
    HTML(unsafeMarkup: lhs.markup + rhs.markup)
  }

  /// Appends `other` in place.
  public static func += (lhs: inout HTML, rhs: HTML) {
    lhs.markup += rhs.markup
  }

  /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references: safe in text
  /// and in quoted attribute values.
  public static func escape(_ text: some StringProtocol) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      case "\0": escaped += "\u{FFFD}"
      default: escaped.unicodeScalars.append(character)
      }
    }
    return escaped
  }

  /// Builds ``HTML`` from a literal with interpolations.
  public struct StringInterpolation: StringInterpolationProtocol {
    var markup = ""

    /// Reserves room for the literal.
    public init(literalCapacity: Int, interpolationCount: Int) {
      self.markup.reserveCapacity(literalCapacity + interpolationCount * 16)
    }

    /// Literal text is markup.
    public mutating func appendLiteral(_ literal: String) {
      self.markup += literal
    }

    /// Text, escaped.
    public mutating func appendInterpolation(_ text: some StringProtocol) {
      self.markup += HTML.escape(text)
    }

    /// Markup, as it is.
    public mutating func appendInterpolation(_ html: HTML) {
      self.markup += html.markup
    }

    /// Fragments one after the other.
    public mutating func appendInterpolation(_ fragments: [HTML]) {
      for fragment in fragments { self.markup += fragment.markup }
    }

    /// A number, as text.
    public mutating func appendInterpolation(_ number: some BinaryInteger) {
      self.markup += String(number)
    }

    /// A path segment of a URL: percent-encoded, then escaped, for `href="/callbacks/…"`.
    public mutating func appendInterpolation(pathSegment: String) {
      self.markup += HTML.escape(URLPath.encodeSegment(pathSegment))
    }
  }
}
