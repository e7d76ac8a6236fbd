import BosdynAPI
import SwiftProtobuf

/// `create_value_validator(spec)(value)`: why a value does not fit its spec.
///
/// Messages and statuses follow the Python SDK. Where Python's overall status depends on
/// protobuf map iteration order (several bad children), children are visited in code-point
/// order of their keys and the status of the last bad child wins, as in Python for that order.
/// A `CustomParam` with nothing set is `STATUS_INVALID_TYPE` instead of a crash.
enum ValueChecker {
  /// A status with the messages that explain it.
  struct Failure {
    var status: Bosdyn_Api_CustomParamError.Status
    var messages: [PathMessage]

    init(_ status: Bosdyn_Api_CustomParamError.Status, _ messages: [PathMessage]) {
      self.status = status
      self.messages = messages
    }

    init(_ status: Bosdyn_Api_CustomParamError.Status, _ message: String) {
      self.init(status, [PathMessage(message)])
    }

    static func invalidValue(_ message: String) -> Failure {
      Failure(.invalidValue, message)
    }
  }

  static func failure(
    of value: Bosdyn_Api_DictParam,
    against spec: Bosdyn_Api_DictParam.Spec
  ) -> Failure? {
    if value.values.keys.contains(where: { spec.specs[$0] == nil }) {
      let unknown = value.values.keys.filter { spec.specs[$0] == nil }
      return Failure(
        .unsupportedParameter,
        "DictParam value contains keys \(PythonRepr.set(unknown)) not present in the spec."
      )
    }
    var status = Bosdyn_Api_CustomParamError.Status.ok
    var messages: [PathMessage] = []
    for key in value.values.keys.sortedByCodePoint() {
      guard let failure = self.failure(of: value.values[key]!, against: spec.specs[key]!.spec)
      else { continue }
      status = failure.status
      messages += failure.messages.nested(in: .key(key))
    }
    return messages.isEmpty ? nil : Failure(status, messages)
  }

  /// A dict member: its value must have the spec's type (`INVALID_VALUE` otherwise, with
  /// Python's text of the value and both class names).
  private static func failure(
    of param: Bosdyn_Api_CustomParam,
    against spec: Bosdyn_Api_CustomParam.Spec
  ) -> Failure? {
    guard let value = param.value, let valueKind = ParamKind(value: param) else {
      return Failure(
        .invalidType,
        "Value is not set while the spec expects \(specFieldName(ParamKind(spec: spec)))"
      )
    }
    guard let specKind = ParamKind(spec: spec), specKind == valueKind else {
      return self.typeMismatch(value, valueKind, against: ParamKind(spec: spec))
    }
    return self.failure(ofMatching: value, against: spec)
  }

  private static func typeMismatch(
    _ value: Bosdyn_Api_CustomParam.OneOf_Value,
    _ kind: ParamKind,
    against specKind: ParamKind?
  ) -> Failure {
    let required = specKind?.pythonClass ?? "a spec, but the spec has nothing set"
    return .invalidValue(
      "Param \(UpbTextFormat.string(of: value)) has type \(kind.pythonClass) but the spec "
        + "requires \(required)."
    )
  }

  /// A value whose type matches its spec's.
  private static func failure(
    ofMatching value: Bosdyn_Api_CustomParam.OneOf_Value,
    against spec: Bosdyn_Api_CustomParam.Spec
  ) -> Failure? {
    switch (value, spec.spec) {
    case (.dictValue(let dict), .dictSpec(let dictSpec)?):
      return self.failure(of: dict, against: dictSpec)
    case (.listValue(let list), .listSpec(let listSpec)?):
      return self.failure(of: list, against: listSpec)
    case (.intValue(let int), .intSpec(let intSpec)?):
      return self.boundsFailure(
        int.value,
        min: intSpec.hasMinValue ? intSpec.minValue.value : nil,
        max: intSpec.hasMaxValue ? intSpec.maxValue.value : nil,
        describe: { "\($0)" }
      )
    case (.doubleValue(let double), .doubleSpec(let doubleSpec)?):
      return self.boundsFailure(
        double.value,
        min: doubleSpec.hasMinValue ? doubleSpec.minValue.value : nil,
        max: doubleSpec.hasMaxValue ? doubleSpec.maxValue.value : nil,
        describe: PythonRepr.double
      )
    case (.stringValue(let string), .stringSpec(let stringSpec)?):
      guard !stringSpec.editable, !stringSpec.options.isEmpty,
        !stringSpec.options.containsCodePoints(string.value)
      else { return nil }
      return .invalidValue(
        "Chosen string value \(string.value) not among options "
          + PythonRepr.list(stringSpec.options)
      )
    case (.roiValue(let roi), .roiSpec(let roiSpec)?):
      return self.failure(of: roi, against: roiSpec)
    case (.oneOfValue(let oneOf), .oneOfSpec(let oneOfSpec)?):
      return self.failure(of: oneOf, against: oneOfSpec)
    default:
      return nil
    }
  }

  private static func boundsFailure<Number: Comparable>(
    _ value: Number,
    min: Number?,
    max: Number?,
    describe: (Number) -> String
  ) -> Failure? {
    if let min, value < min {
      return .invalidValue("Value \(describe(value)) below min_bound \(describe(min))")
    }
    if let max, value > max {
      return .invalidValue("Value \(describe(value)) above max_bound \(describe(max))")
    }
    return nil
  }

  private static func failure(
    of roi: Bosdyn_Api_RegionOfInterestParam,
    against spec: Bosdyn_Api_RegionOfInterestParam.Spec
  ) -> Failure? {
    if !spec.allowsRectangle, case .rectangle? = roi.area.geometry {
      return .invalidValue("Chosen area is a rectangle despite not being allowed")
    }
    if !spec.allowsPolygon, !roi.area.polygon.vertices.isEmpty {
      return .invalidValue("Chosen area is a polygon despite not being allowed")
    }
    if roi.imageCols < 0 { return .invalidValue("Number of columns in image must be positive") }
    if roi.imageRows < 0 { return .invalidValue("Number of rows in image must be positive") }
    return nil
  }

  /// Count bounds first; then every element, a mismatching type reported at the list itself
  /// (`INVALID_TYPE`), other errors under `[i]`. The last bad element's status wins.
  private static func failure(
    of list: Bosdyn_Api_ListParam,
    against spec: Bosdyn_Api_ListParam.Spec
  ) -> Failure? {
    let count = list.values.count
    if spec.hasMinNumberOfValues, count < spec.minNumberOfValues.value {
      return .invalidValue(
        "ListParam has \(count) values, which is less than the required minimum "
          + UpbTextFormat.string(of: spec.minNumberOfValues)
      )
    }
    if spec.hasMaxNumberOfValues, count > spec.maxNumberOfValues.value {
      return .invalidValue(
        "ListParam has \(count) values, which is more than the allowed maximum "
          + UpbTextFormat.string(of: spec.maxNumberOfValues)
      )
    }
    let elementSpec = spec.elementSpec
    let specKind = ParamKind(spec: elementSpec)
    var status = Bosdyn_Api_CustomParamError.Status.ok
    var messages: [PathMessage] = []
    for (index, element) in list.values.enumerated() {
      guard let value = element.value, let valueKind = ParamKind(value: element) else {
        status = .invalidType
        messages.append(
          PathMessage(
            "Value is not set at index \(index) while the List Param Spec expects "
              + specFieldName(specKind)
          )
        )
        continue
      }
      guard valueKind == specKind else {
        status = .invalidType
        messages.append(
          PathMessage(
            "Value is defined as \(valueKind.valueFieldName) at index \(index) while the List "
              + "Param Spec expects \(specFieldName(specKind))"
          )
        )
        continue
      }
      if let failure = self.failure(ofMatching: value, against: elementSpec) {
        status = failure.status
        messages += failure.messages.nested(in: .index(index))
      }
    }
    return messages.isEmpty ? nil : Failure(status, messages)
  }

  /// Only the chosen child is checked (an absent one as an empty dict): the others may hold
  /// anything, since the tablet keeps what the operator typed before switching.
  private static func failure(
    of oneOf: Bosdyn_Api_OneOfParam,
    against spec: Bosdyn_Api_OneOfParam.Spec
  ) -> Failure? {
    guard let child = spec.specs[oneOf.key] else {
      return .invalidValue("OneOf parameter value has nonexistent key of \(oneOf.key)")
    }
    let chosen = oneOf.values[oneOf.key] ?? Bosdyn_Api_DictParam()
    guard let failure = self.failure(of: chosen, against: child.spec) else { return nil }
    return Failure(failure.status, failure.messages.nested(in: .key(oneOf.key)))
  }
}
