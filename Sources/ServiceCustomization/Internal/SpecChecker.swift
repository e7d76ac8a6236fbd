import BosdynAPI
import SwiftProtobuf

/// `validate_dict_spec`: the reasons a spec is refused, each with the path to the bad child.
///
/// Follows the Python SDK message for message, with its bugs fixed (see the DocC article
/// "Coming from the Python SDK"): a numeric spec without a default checks only `min <= max`,
/// `allows_rectangle = false` refuses only a default area that really is a rectangle, and a
/// `CustomParam.Spec` with nothing set is an error instead of a crash.
enum SpecChecker {
  static func errors(in spec: Bosdyn_Api_DictParam.Spec) -> [PathMessage] {
    var errors: [PathMessage] = []
    for key in spec.specs.keys.sortedByCodePoint() {
      errors += self.errors(in: spec.specs[key]!.spec).nested(in: .key(key))
    }
    return errors
  }

  static func errors(in spec: Bosdyn_Api_CustomParam.Spec) -> [PathMessage] {
    switch spec.spec {
    case .dictSpec(let dict)?: self.errors(in: dict)
    case .listSpec(let list)?: self.errors(in: list)
    case .intSpec(let int)?:
      self.numericErrors(
        min: int.hasMinValue ? int.minValue.value : nil,
        max: int.hasMaxValue ? int.maxValue.value : nil,
        default: int.hasDefaultValue ? int.defaultValue.value : nil
      )
    case .doubleSpec(let double)?:
      self.numericErrors(
        min: double.hasMinValue ? double.minValue.value : nil,
        max: double.hasMaxValue ? double.maxValue.value : nil,
        default: double.hasDefaultValue ? double.defaultValue.value : nil
      )
    case .stringSpec(let string)?: self.errors(in: string)
    case .roiSpec(let roi)?: self.errors(in: roi)
    case .boolSpec?: []
    case .oneOfSpec(let oneOf)?: self.errors(in: oneOf)
    case nil: [PathMessage("CustomParam.Spec has no spec set")]
    }
  }

  private static func numericErrors<Number: Comparable>(
    min: Number?,
    max: Number?,
    default defaultValue: Number?
  ) -> [PathMessage] {
    var errors: [PathMessage] = []
    if let min, let defaultValue, min > defaultValue {
      errors.append(PathMessage("Default Spec Value below allowed minimum Value"))
    }
    if let max, let defaultValue, max < defaultValue {
      errors.append(PathMessage("Default Spec Value above allowed maximum value"))
    }
    if let min, let max, min > max {
      errors.append(PathMessage("min_value greater than max_value"))
    }
    return errors
  }

  private static func errors(in spec: Bosdyn_Api_StringParam.Spec) -> [PathMessage] {
    guard !spec.defaultValue.isEmpty, !spec.editable, !spec.options.isEmpty,
      !spec.options.containsCodePoints(spec.defaultValue)
    else { return [] }
    return [
      PathMessage(
        "Default string \(spec.defaultValue) not among options \(PythonRepr.list(spec.options))"
      )
    ]
  }

  private static func errors(in spec: Bosdyn_Api_RegionOfInterestParam.Spec) -> [PathMessage] {
    if !spec.allowsRectangle, case .rectangle? = spec.defaultArea.geometry {
      return [PathMessage("Default area is a rectangle despite not being allowed")]
    }
    if !spec.allowsPolygon, !spec.defaultArea.polygon.vertices.isEmpty {
      return [PathMessage("Default area is a polygon despite not being allowed")]
    }
    return []
  }

  /// Element-spec errors are reported as the list's own (no `element_spec` in the path), and
  /// hide the bound checks, as in Python.
  private static func errors(in spec: Bosdyn_Api_ListParam.Spec) -> [PathMessage] {
    guard spec.hasElementSpec else {
      return [PathMessage("ListParam needs a defined element_spec")]
    }
    let elementErrors = self.errors(in: spec.elementSpec)
    guard elementErrors.isEmpty else { return elementErrors }
    var errors: [PathMessage] = []
    let min = spec.minNumberOfValues
    let max = spec.maxNumberOfValues
    if spec.hasMinNumberOfValues, spec.hasMaxNumberOfValues, min.value > max.value {
      errors.append(
        PathMessage(
          "Max ListParam.Spec size \(UpbTextFormat.string(of: max)) below minimum size of "
            + UpbTextFormat.string(of: min)
        )
      )
    }
    if max.value < 0 || min.value < 0 {
      errors.append(
        PathMessage(
          "Invalid negative list size bound, with (min, max) bound of "
            + "(\(min.value), \(max.value))"
        )
      )
    }
    return errors
  }

  private static func errors(in spec: Bosdyn_Api_OneOfParam.Spec) -> [PathMessage] {
    if !spec.defaultKey.isEmpty, spec.specs[spec.defaultKey] == nil {
      return [PathMessage("OneOf parameter has nonexistent default key of \(spec.defaultKey)")]
    }
    var errors: [PathMessage] = []
    for key in spec.specs.keys.sortedByCodePoint() {
      errors += self.errors(in: spec.specs[key]!.spec).nested(in: .key(key))
    }
    return errors
  }
}
