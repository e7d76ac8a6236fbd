import BosdynAPI

/// The eight parameter types, named the way the Python SDK names them in its messages.
enum ParamKind: Sendable, Hashable {
  case dict
  case list
  case int
  case double
  case string
  case regionOfInterest
  case bool
  case oneOf

  /// The kind a spec describes, or `nil` when the spec has nothing set.
  init?(spec: Bosdyn_Api_CustomParam.Spec) {
    switch spec.spec {
    case .dictSpec?: self = .dict
    case .listSpec?: self = .list
    case .intSpec?: self = .int
    case .doubleSpec?: self = .double
    case .stringSpec?: self = .string
    case .roiSpec?: self = .regionOfInterest
    case .boolSpec?: self = .bool
    case .oneOfSpec?: self = .oneOf
    case nil: return nil
    }
  }

  /// The kind a value holds, or `nil` when the value has nothing set.
  init?(value: Bosdyn_Api_CustomParam) {
    switch value.value {
    case .dictValue?: self = .dict
    case .listValue?: self = .list
    case .intValue?: self = .int
    case .doubleValue?: self = .double
    case .stringValue?: self = .string
    case .roiValue?: self = .regionOfInterest
    case .boolValue?: self = .bool
    case .oneOfValue?: self = .oneOf
    case nil: return nil
    }
  }

  /// The proto field name of the spec (`int_spec`), as Python prints it.
  var specFieldName: String {
    switch self {
    case .dict: "dict_spec"
    case .list: "list_spec"
    case .int: "int_spec"
    case .double: "double_spec"
    case .string: "string_spec"
    case .regionOfInterest: "roi_spec"
    case .bool: "bool_spec"
    case .oneOf: "one_of_spec"
    }
  }

  /// The proto field name of the value (`int_value`), as Python prints it.
  var valueFieldName: String {
    switch self {
    case .dict: "dict_value"
    case .list: "list_value"
    case .int: "int_value"
    case .double: "double_value"
    case .string: "string_value"
    case .regionOfInterest: "roi_value"
    case .bool: "bool_value"
    case .oneOf: "one_of_value"
    }
  }

  /// `repr(type(message))` of the value message in Python.
  var pythonClass: String {
    let name =
      switch self {
      case .dict: "DictParam"
      case .list: "ListParam"
      case .int: "Int64Param"
      case .double: "DoubleParam"
      case .string: "StringParam"
      case .regionOfInterest: "RegionOfInterestParam"
      case .bool: "BoolParam"
      case .oneOf: "OneOfParam"
      }
    return "<class 'bosdyn.api.service_customization_pb2.\(name)'>"
  }
}

/// Python's name for "no spec set" (`WhichOneof` returns `None`).
func specFieldName(_ kind: ParamKind?) -> String {
  kind?.specFieldName ?? "None"
}
