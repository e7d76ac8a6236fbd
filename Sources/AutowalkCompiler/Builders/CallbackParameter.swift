public import BosdynAPI

/// A callback parameter value in a walk, written as a literal:
/// `["threshold": 3, "label": "left", "strict": true, "scale": 0.5]`.
///
/// Callbacks advertise typed parameters (service customization); the values a walk carries
/// must have the advertised types, which ``typed(_:_:spec:)`` converts strings to.
public enum CallbackParameter: Sendable, Hashable, ExpressibleByStringLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral
{
  /// Text (`StringParam`).
  case string(String)
  /// A whole number (`Int64Param`).
  case int(Int64)
  /// A real number (`DoubleParam`).
  case double(Double)
  /// A switch (`BoolParam`).
  case bool(Bool)

  /// A string parameter.
  public init(stringLiteral value: String) { self = .string(value) }
  /// An integer parameter.
  public init(integerLiteral value: Int64) { self = .int(value) }
  /// A real parameter.
  public init(floatLiteral value: Double) { self = .double(value) }
  /// A Boolean parameter.
  public init(booleanLiteral value: Bool) { self = .bool(value) }

  /// The value on the wire.
  public var proto: Bosdyn_Api_CustomParam {
    var param = Bosdyn_Api_CustomParam()
    switch self {
    case .string(let value): param.stringValue.value = value
    case .int(let value): param.intValue.value = value
    case .double(let value): param.doubleValue.value = value
    case .bool(let value): param.boolValue.value = value
    }
    return param
  }

  /// Why a text value does not fit a parameter's advertised type.
  public struct TypeMismatch: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the parameter.
    public let description: String
  }

  /// `text` converted to the type `spec` advertises for `key` (int, double, bool or string),
  /// or a string when the spec does not mention the key.
  ///
  /// - Throws: ``TypeMismatch`` when the text is not of the advertised type, or the type is
  ///   one a single text value cannot express (lists, dicts, one-ofs, regions of interest).
  public static func typed(
    _ key: String,
    _ text: String,
    spec: Bosdyn_Api_DictParam.Spec
  ) throws(TypeMismatch) -> CallbackParameter {
    guard let child = spec.specs[key] else { return .string(text) }
    switch child.spec.spec {
    case .intSpec:
      guard let value = Int64(text) else {
        throw TypeMismatch(description: "parameter '\(key)' takes an integer, not '\(text)'")
      }
      return .int(value)
    case .doubleSpec:
      guard let value = Double(text), value.isFinite else {
        throw TypeMismatch(description: "parameter '\(key)' takes a number, not '\(text)'")
      }
      return .double(value)
    case .boolSpec:
      switch text.lowercased() {
      case "true", "1", "yes", "on": return .bool(true)
      case "false", "0", "no", "off": return .bool(false)
      default:
        throw TypeMismatch(description: "parameter '\(key)' takes true or false, not '\(text)'")
      }
    case .stringSpec, nil:
      return .string(text)
    case .dictSpec, .listSpec, .roiSpec, .oneOfSpec:
      throw TypeMismatch(
        description: "parameter '\(key)' is not a single value (a dict, list, one-of or "
          + "region of interest); it cannot be given as key=value"
      )
    }
  }
}
