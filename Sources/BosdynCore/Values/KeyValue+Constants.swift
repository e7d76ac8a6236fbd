public import BosdynAPI

extension Bosdyn_Api_Mission_KeyValue {
  /// A constant string input, such as the `user-string` input Autowalk gives every callback.
  public static func constant(_ key: String, string: String) -> Self {
    var keyValue = Self()
    keyValue.key = key
    keyValue.value.constant.stringValue = string
    return keyValue
  }
}

extension Array where Element == Bosdyn_Api_Mission_KeyValue {
  /// The constant string value of the input named `key`, or `nil` when there is none.
  public func constantString(forKey key: String) -> String? {
    for keyValue in self where keyValue.key == key {
      if case .constant(let constant)? = keyValue.value.source,
        case .stringValue(let string)? = constant.value
      {
        return string
      }
    }
    return nil
  }
}

extension Bosdyn_Api_Mission_VariableDeclaration {
  /// Declares a string input, as a client does in EstablishSession before sending it in ticks.
  public static func string(_ name: String) -> Self {
    var declaration = Self()
    declaration.name = name
    declaration.type = .string
    return declaration
  }
}
