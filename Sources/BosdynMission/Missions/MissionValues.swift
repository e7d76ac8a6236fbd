public import BosdynAPI

extension Bosdyn_Api_Mission_ConstantValue {
  /// An integer constant.
  public static func int(_ value: Int64) -> Self {
    var constant = Self()
    constant.intValue = value
    return constant
  }

  /// A floating-point constant.
  public static func float(_ value: Double) -> Self {
    var constant = Self()
    constant.floatValue = value
    return constant
  }

  /// A string constant.
  public static func string(_ value: String) -> Self {
    var constant = Self()
    constant.stringValue = value
    return constant
  }

  /// A Boolean constant.
  public static func bool(_ value: Bool) -> Self {
    var constant = Self()
    constant.boolValue = value
    return constant
  }
}

extension Bosdyn_Api_Mission_Value {
  /// A constant value (Python: `bosdyn.mission.util.python_var_to_value`).
  public static func constant(_ value: Bosdyn_Api_Mission_ConstantValue) -> Self {
    var result = Self()
    result.constant = value
    return result
  }

  /// The value of blackboard variable `name` when the node runs.
  public static func blackboard(
    _ name: String,
    type: Bosdyn_Api_Mission_VariableDeclaration.TypeEnum = .unknown
  ) -> Self {
    var result = Self()
    result.runtimeVar.name = name
    result.runtimeVar.type = type
    return result
  }

  /// The value of node parameter `name` (set by a `parameter_values` entry above the node).
  public static func parameter(
    _ name: String,
    type: Bosdyn_Api_Mission_VariableDeclaration.TypeEnum = .unknown
  ) -> Self {
    var result = Self()
    result.parameter.name = name
    result.parameter.type = type
    return result
  }
}

extension Bosdyn_Api_Mission_KeyValue {
  /// `key` bound to `value`: a blackboard variable, an input, a parameter or an override.
  public static func entry(_ key: String, _ value: Bosdyn_Api_Mission_Value) -> Self {
    var keyValue = Self()
    keyValue.key = key
    keyValue.value = value
    return keyValue
  }

  /// `key` bound to a constant.
  public static func entry(_ key: String, _ constant: Bosdyn_Api_Mission_ConstantValue) -> Self {
    .entry(key, .constant(constant))
  }
}

extension Bosdyn_Api_Mission_Condition.Operand {
  /// The blackboard variable `name` as a condition operand.
  public static func blackboard(
    _ name: String,
    type: Bosdyn_Api_Mission_VariableDeclaration.TypeEnum = .unknown
  ) -> Self {
    var operand = Self()
    operand.var.name = name
    operand.var.type = type
    return operand
  }

  /// A constant as a condition operand.
  public static func constant(_ value: Bosdyn_Api_Mission_ConstantValue) -> Self {
    var operand = Self()
    operand.const = value
    return operand
  }
}
