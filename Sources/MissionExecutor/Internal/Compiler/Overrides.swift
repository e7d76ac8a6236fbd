import BosdynCore
import BosdynAPI
import SwiftProtobuf

/// Applies a node's `overrides`: writes a constant into a field of its implementation, named by
/// proto field name.
///
/// SwiftProtobuf cannot set a field by name, but its JSON form uses proto names, so the message
/// goes through JSON: encoded, the field set, decoded again (which also rejects unknown field
/// names and values of the wrong type). This runs once, at compile time.
enum Overrides {
  /// Writes `value` at `path` in `message`.
  ///
  /// - Throws: A message for people: unknown field, value of the wrong type, unsupported value.
  static func apply(
    _ value: Bosdyn_Api_Mission_ConstantValue,
    at path: String,
    to message: any SwiftProtobuf.Message
  ) throws(CompileFailure) -> any SwiftProtobuf.Message {
    if var remote = message as? Bosdyn_Api_Mission_RemoteGrpc,
      let applied = try Self.applyRemoteGrpc(value, at: path, to: &remote)
    {
      return applied
    }
    let components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !components.isEmpty, !components.contains(where: \.isEmpty) else {
      throw CompileFailure("override key '\(path)' is not a field path")
    }
    guard let json = Self.json(of: value) else {
      throw CompileFailure(
        "override '\(path)': only scalar, list and dict constants can be written"
      )
    }
    var options = JSONEncodingOptions()
    options.preserveProtoFieldNames = true
    let type = Swift.type(of: message)
    guard let text = try? message.jsonString(options: options),
      case .object(var fields)? = JSONValue.parse(text)
    else {
      throw CompileFailure("override '\(path)': \(type.protoMessageName) cannot be rewritten")
    }
    Self.set(json, at: components[...], in: &fields)
    do {
      return try type.init(jsonString: JSONValue.object(fields).text)
    } catch {
      throw CompileFailure(
        "override '\(path)' does not fit \(type.protoMessageName): \(error)"
      )
    }
  }

  private static func set(
    _ value: JSONValue,
    at path: ArraySlice<String>,
    in fields: inout [String: JSONValue]
  ) {
    let key = path.first!
    if path.count == 1 {
      fields[key] = value
      return
    }
    var inner: [String: JSONValue] = [:]
    if case .object(let existing)? = fields[key] { inner = existing }
    Self.set(value, at: path.dropFirst(), in: &inner)
    fields[key] = .object(inner)
  }

  /// The JSON form of a constant (message constants are not supported: their JSON needs a
  /// type registry).
  private static func json(of value: Bosdyn_Api_Mission_ConstantValue) -> JSONValue? {
    switch value.value {
    case .floatValue(let number): return .double(number)
    case .stringValue(let string): return .string(string)
    case .intValue(let number): return .int(number)
    case .boolValue(let bool): return .bool(bool)
    case .listValue(let list):
      var values: [JSONValue] = []
      for element in list.values {
        guard let json = Self.json(of: element) else { return nil }
        values.append(json)
      }
      return .array(values)
    case .dictValue(let dict):
      var values: [String: JSONValue] = [:]
      for (key, element) in dict.values {
        guard let json = Self.json(of: element) else { return nil }
        values[key] = json
      }
      return .object(values)
    case .msgValue, .timestampValue, .none:
      return nil
    }
  }

  /// RemoteGrpc's `params.<key>` and `inputs.<key>`, which JSON paths cannot express well (a
  /// custom param wraps its value twice; inputs are a list keyed by `key`).
  private static func applyRemoteGrpc(
    _ value: Bosdyn_Api_Mission_ConstantValue,
    at path: String,
    to remote: inout Bosdyn_Api_Mission_RemoteGrpc
  ) throws(CompileFailure) -> Bosdyn_Api_Mission_RemoteGrpc? {
    if path.hasPrefix("params."), !path.hasPrefix("params.values.") {
      let key = String(path.dropFirst("params.".count))
      var param = Bosdyn_Api_CustomParam()
      switch value.value {
      case .stringValue(let string): param.stringValue.value = string
      case .intValue(let number): param.intValue.value = number
      case .floatValue(let number): param.doubleValue.value = number
      case .boolValue(let bool): param.boolValue.value = bool
      default:
        throw CompileFailure(
          "override '\(path)': a custom param takes a string, int, float or bool"
        )
      }
      remote.params.values[key] = param
      return remote
    }
    if path.hasPrefix("inputs.") {
      let key = String(path.dropFirst("inputs.".count))
      var input = Bosdyn_Api_Mission_KeyValue()
      input.key = key
      input.value.constant = value
      if let index = remote.inputs.firstIndex(where: { $0.key == key }) {
        remote.inputs[index] = input
      } else {
        remote.inputs.append(input)
      }
      return remote
    }
    return nil
  }
}

/// A node that failed to compile, before the compiler attaches the node's name and type.
struct CompileFailure: Error {
  var message: String

  init(_ message: String) {
    self.message = message
  }
}
