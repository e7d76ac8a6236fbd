import BosdynCore
import BosdynAPI
import Foundation
import SwiftProtobuf

/// A value in the blackboard or a compiled constant: the run-time form of
/// `bosdyn.api.mission.ConstantValue`, with messages unpacked where the executor knows their
/// type.
enum BlackboardValue: Sendable {
  case int(Int64)
  case float(Double)
  case string(String)
  case bool(Bool)
  case message(MessageValue)
  case list([BlackboardValue])
  case dict([String: BlackboardValue])

  /// The value of a `ConstantValue`; `nil` when the constant holds nothing.
  init?(_ constant: Bosdyn_Api_Mission_ConstantValue) {
    switch constant.value {
    case .none: return nil
    case .floatValue(let value): self = .float(value)
    case .stringValue(let value): self = .string(value)
    case .intValue(let value): self = .int(value)
    case .boolValue(let value): self = .bool(value)
    case .msgValue(let value): self = .message(.unpacking(value))
    case .listValue(let list): self = .list(list.values.compactMap(BlackboardValue.init))
    case .dictValue(let dict):
      self = .dict(dict.values.compactMapValues(BlackboardValue.init))
    case .timestampValue(let timestamp): self = .message(MessageValue(timestamp))
    }
  }

  /// Wraps a message, as nodes that write protos (robot state, answers) do.
  init(message: any SwiftProtobuf.Message) {
    self = .message(MessageValue(message))
  }

  /// The `ConstantValue` form, as node states and RemoteGrpc inputs carry it.
  var constant: Bosdyn_Api_Mission_ConstantValue {
    var constant = Bosdyn_Api_Mission_ConstantValue()
    switch self {
    case .int(let value): constant.intValue = value
    case .float(let value): constant.floatValue = value
    case .string(let value): constant.stringValue = value
    case .bool(let value): constant.boolValue = value
    case .message(let message):
      if let packed = message.packed() { constant.msgValue = packed }
    case .list(let values):
      constant.listValue.values = values.map(\.constant)
    case .dict(let values):
      constant.dictValue.values = values.mapValues(\.constant)
    }
    return constant
  }

  /// The declared type this value has.
  var type: Bosdyn_Api_Mission_VariableDeclaration.TypeEnum {
    switch self {
    case .int: .int
    case .float: .float
    case .string: .string
    case .bool: .bool
    case .message: .message
    case .list: .list
    case .dict: .dict
    }
  }

  /// A short description of the type for error messages.
  var typeDescription: String {
    switch self {
    case .int: "int"
    case .float: "float"
    case .string: "string"
    case .bool: "bool"
    case .message(let message): "message \(message.typeName)"
    case .list: "list"
    case .dict: "dict"
    }
  }

  /// The message when the value holds one of type `M`.
  func message<M: SwiftProtobuf.Message>(as type: M.Type) -> M? {
    guard case .message(let value) = self else { return nil }
    if let message = value.message as? M { return message }
    if let any = value.message as? Google_Protobuf_Any, any.isA(M.self) {
      return try? M(unpackingAny: any)
    }
    return nil
  }

  /// Reads a field path into this value: message fields by proto name, dict keys, list indices;
  /// `.value` on a number or string reads a wrapper (`DoubleValue`, …), which JSON flattens.
  ///
  /// - Returns: The value found, `.unset` when a message field is absent (proto3 leaves default
  ///   values out), or `nil` when the path does not exist.
  func reading(path: ArraySlice<String>) -> PathRead? {
    guard let first = path.first else { return .value(self) }
    switch self {
    case .message(let message):
      guard let json = message.json else { return nil }
      return json.reading(path: path)
    case .dict(let values):
      guard let value = values[first] else { return nil }
      return value.reading(path: path.dropFirst())
    case .list(let values):
      guard let index = Int(first), values.indices.contains(index) else { return nil }
      return values[index].reading(path: path.dropFirst())
    case .int, .float, .string, .bool:
      return first == "value" ? self.reading(path: path.dropFirst()) : nil
    }
  }

  /// The outcome of reading a path.
  enum PathRead {
    /// The field holds this value.
    case value(BlackboardValue)
    /// The field is a message field left at its default (proto3 does not encode defaults).
    case unset
  }
}

extension JSONValue {
  /// Reads a path into a message's JSON form.
  fileprivate func reading(path: ArraySlice<String>) -> BlackboardValue.PathRead? {
    guard let first = path.first else { return self.blackboardValue.map { .value($0) } }
    switch self {
    case .object(let fields):
      guard let field = fields[first] else { return .unset }
      return field.reading(path: path.dropFirst())
    case .array(let values):
      guard let index = Int(first), values.indices.contains(index) else { return nil }
      return values[index].reading(path: path.dropFirst())
    case .int, .double, .string, .bool:
      return first == "value" ? self.reading(path: path.dropFirst()) : nil
    case .null:
      return .unset
    }
  }

  /// The JSON value as a blackboard value (objects become dicts).
  fileprivate var blackboardValue: BlackboardValue? {
    switch self {
    case .null: nil
    case .bool(let value): .bool(value)
    case .int(let value): .int(value)
    case .double(let value): .float(value)
    case .string(let value): .string(value)
    case .array(let values): .list(values.compactMap(\.blackboardValue))
    case .object(let fields): .dict(fields.compactMapValues(\.blackboardValue))
    }
  }
}
