import BosdynAPI

/// The node parameters visible at a point of the tree: those defined by `parameter_values` of
/// the node and its ancestors (innermost wins). Parameters are compile-time constants.
struct ParameterScope {
  private var values: [String: Bosdyn_Api_Mission_ConstantValue] = [:]

  /// The scope inside `node`: its `parameter_values` added, its `parameters` checked.
  func entering(_ node: Bosdyn_Api_Mission_Node) throws(CompileFailure) -> ParameterScope {
    var scope = self
    for definition in node.parameterValues {
      guard !definition.key.isEmpty else {
        throw CompileFailure("a parameter_values entry has no key")
      }
      switch definition.value.source {
      case .constant(let constant):
        scope.values[definition.key] = constant
      case .parameter(let declaration):
        guard let value = scope.values[declaration.name] else {
          throw CompileFailure(
            "parameter '\(definition.key)' refers to parameter '\(declaration.name)', "
              + "which is not defined"
          )
        }
        scope.values[definition.key] = value
      case .runtimeVar(let declaration):
        throw CompileFailure(
          "parameter '\(definition.key)' reads runtime variable '\(declaration.name)': "
            + "parameters are resolved at compile time"
        )
      case .none:
        throw CompileFailure("parameter '\(definition.key)' has no value")
      }
    }
    for declaration in node.parameters {
      guard let value = scope.values[declaration.name] else {
        throw CompileFailure("parameter '\(declaration.name)' is declared but has no value")
      }
      if declaration.type != .unknown, let actual = BlackboardValue(value)?.type,
        actual != declaration.type, !(declaration.type == .float && actual == .int)
      {
        throw CompileFailure(
          "parameter '\(declaration.name)' is declared \(declaration.type) but is \(actual)"
        )
      }
    }
    return scope
  }

  /// Compiles a `Value`: a constant, a parameter (replaced by its constant) or a blackboard
  /// variable.
  func compile(_ value: Bosdyn_Api_Mission_Value, what: String) throws(CompileFailure)
    -> ValueSource
  {
    switch value.source {
    case .constant(let constant):
      guard let value = BlackboardValue(constant) else {
        throw CompileFailure("\(what): the constant holds no value")
      }
      return .constant(value)
    case .parameter(let declaration):
      guard let constant = self.values[declaration.name], let value = BlackboardValue(constant)
      else {
        throw CompileFailure("\(what): parameter '\(declaration.name)' is not defined")
      }
      return .constant(value)
    case .runtimeVar(let declaration):
      guard !declaration.name.isEmpty else {
        throw CompileFailure("\(what): runtime_var has no name")
      }
      return .variable(VariableRef(declaration.name), declaration.type)
    case .none:
      throw CompileFailure("\(what): the value has no source")
    }
  }

  /// The constant an override writes: a constant or a parameter.
  func overrideValue(_ value: Bosdyn_Api_Mission_Value, key: String) throws(CompileFailure)
    -> Bosdyn_Api_Mission_ConstantValue
  {
    switch value.source {
    case .constant(let constant):
      return constant
    case .parameter(let declaration):
      guard let constant = self.values[declaration.name] else {
        throw CompileFailure("override '\(key)': parameter '\(declaration.name)' is not defined")
      }
      return constant
    case .runtimeVar:
      throw CompileFailure(
        "override '\(key)': overrides take constants or parameters, not runtime variables"
      )
    case .none:
      throw CompileFailure("override '\(key)' has no value")
    }
  }
}
