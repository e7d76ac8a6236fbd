import BosdynAPI
import SwiftProtobuf

/// What an absent parameter stands for (Python's `*_spec_to_default`, with the fixes):
/// numbers take the default, else the minimum, else the maximum, else 0; strings the default,
/// else the first option; a region of interest the default area and image source whatever
/// `allows_rectangle` says; lists `min_number_of_values` default elements; a one-of its
/// `default_key` with every child at its defaults. A one-of without a valid `default_key`, and
/// a spec with nothing set, have no default: they stay absent.
enum Defaults {
  static func value(for spec: Bosdyn_Api_DictParam.Spec) -> Bosdyn_Api_DictParam {
    var dict = Bosdyn_Api_DictParam()
    for (key, child) in spec.specs {
      if let value = self.value(for: child.spec) { dict.values[key] = value }
    }
    return dict
  }

  static func value(for spec: Bosdyn_Api_CustomParam.Spec) -> Bosdyn_Api_CustomParam? {
    var param = Bosdyn_Api_CustomParam()
    switch spec.spec {
    case .dictSpec(let dict)?:
      param.dictValue = self.value(for: dict)
    case .listSpec(let list)?:
      param.listValue = self.value(for: list)
    case .intSpec(let int)?:
      param.intValue.value = self.number(of: int)
    case .doubleSpec(let double)?:
      param.doubleValue.value = self.number(of: double)
    case .stringSpec(let string)?:
      param.stringValue.value = self.string(of: string)
    case .roiSpec(let roi)?:
      param.roiValue = self.value(for: roi)
    case .boolSpec(let bool)?:
      param.boolValue.value = bool.defaultValue.value
    case .oneOfSpec(let oneOf)?:
      guard let value = self.value(for: oneOf) else { return nil }
      param.oneOfValue = value
    case nil:
      return nil
    }
    return param
  }

  static func value(for spec: Bosdyn_Api_ListParam.Spec) -> Bosdyn_Api_ListParam {
    var list = Bosdyn_Api_ListParam()
    let count = spec.minNumberOfValues.value
    if count > 0, let element = self.value(for: spec.elementSpec) {
      list.values = Array(repeating: element, count: Int(count))
    }
    return list
  }

  static func number(of spec: Bosdyn_Api_Int64Param.Spec) -> Int64 {
    if spec.hasDefaultValue { return spec.defaultValue.value }
    if spec.hasMinValue { return spec.minValue.value }
    if spec.hasMaxValue { return spec.maxValue.value }
    return 0
  }

  static func number(of spec: Bosdyn_Api_DoubleParam.Spec) -> Double {
    if spec.hasDefaultValue { return spec.defaultValue.value }
    if spec.hasMinValue { return spec.minValue.value }
    if spec.hasMaxValue { return spec.maxValue.value }
    return 0
  }

  static func string(of spec: Bosdyn_Api_StringParam.Spec) -> String {
    if !spec.defaultValue.isEmpty { return spec.defaultValue }
    return spec.options.first ?? ""
  }

  static func value(
    for spec: Bosdyn_Api_RegionOfInterestParam.Spec
  ) -> Bosdyn_Api_RegionOfInterestParam {
    var roi = Bosdyn_Api_RegionOfInterestParam()
    if spec.hasDefaultArea { roi.area = spec.defaultArea }
    if spec.hasServiceAndSource { roi.serviceAndSource = spec.serviceAndSource }
    return roi
  }

  static func value(for spec: Bosdyn_Api_OneOfParam.Spec) -> Bosdyn_Api_OneOfParam? {
    guard spec.specs[spec.defaultKey] != nil else { return nil }
    var oneOf = Bosdyn_Api_OneOfParam()
    oneOf.key = spec.defaultKey
    for (key, child) in spec.specs {
      oneOf.values[key] = self.value(for: child.spec)
    }
    return oneOf
  }
}
