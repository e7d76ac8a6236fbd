import BosdynCore
import BosdynAPI

/// A compiled `bosdyn.api.mission.Value`: node parameters are resolved at compile time, so
/// what is left is a constant or a blackboard read.
enum ValueSource: Sendable {
  case constant(BlackboardValue)
  case variable(VariableRef, Bosdyn_Api_Mission_VariableDeclaration.TypeEnum)

  /// The declaration a remote service receives in EstablishSession for an input of this source.
  var declaredType: Bosdyn_Api_Mission_VariableDeclaration.TypeEnum {
    switch self {
    case .constant(let value): value.type
    case .variable(_, let type): type
    }
  }
}

/// Why a run-time read failed; nodes turn it into `RESULT_ERROR` with the message.
struct ReadError: Error, CustomStringConvertible {
  var description: String

  static func undefined(_ name: String) -> ReadError {
    ReadError(description: "blackboard variable '\(name)' is not defined")
  }
}

extension Blackboard {
  /// Evaluates a value source now: constants as they are, variables read from the blackboard and
  /// converted to their declared type when that type is a scalar.
  func evaluate(_ source: ValueSource) throws(ReadError) -> BlackboardValue {
    switch source {
    case .constant(let value):
      return value
    case .variable(let ref, let type):
      guard let (read, _) = self.read(ref) else { throw .undefined(ref.name) }
      return try read.converted(to: type, name: ref.name)
    }
  }
}

extension BlackboardValue.PathRead {
  /// The value converted to a declared scalar type (numbers promote between int and float);
  /// other declared types take the value as it is. An unset message field reads as the
  /// declared type's default.
  func converted(
    to type: Bosdyn_Api_Mission_VariableDeclaration.TypeEnum,
    name: String
  ) throws(ReadError) -> BlackboardValue {
    switch (self, type) {
    case (.unset, .float): return .float(0)
    case (.unset, .string): return .string("")
    case (.unset, .bool): return .bool(false)
    case (.unset, _): return .int(0)
    case (.value(.int(let value)), .float): return .float(Double(value))
    case (.value(.float(let value)), .int):
      guard let exact = Int64(exactly: value.rounded(.towardZero)) else {
        throw ReadError(description: "'\(name)' holds \(value), which is no int")
      }
      return .int(exact)
    case (.value(let value), .float), (.value(let value), .int), (.value(let value), .string),
      (.value(let value), .bool):
      guard value.type == type else {
        throw ReadError(
          description: "'\(name)' holds a \(value.typeDescription), declared as \(type)"
        )
      }
      return value
    case (.value(let value), _):
      return value
    }
  }
}
