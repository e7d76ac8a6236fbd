import BosdynAPI
import SwiftProtobuf

/// `dict_param_coerce_to`: edits a value until it fits its spec, and says whether it changed.
///
/// Follows the Python SDK step for step, with its bugs fixed: a one-of that cannot get a
/// default (no children, or no valid `default_key`) and a parameter whose spec has nothing set
/// are left absent instead of crashing; a region of interest really is coerced; a negative
/// `max_number_of_values` empties the list instead of raising `IndexError`. The result is
/// whether the value changed at all, also when only unknown keys were dropped (Python's flag
/// misses that).
enum Coercer {
  /// What became of one parameter.
  enum Outcome {
    /// Kept, possibly edited.
    case kept(changed: Bool)
    /// It cannot exist under this spec: the caller drops it.
    case removed
  }

  static func coerce(_ dict: inout Bosdyn_Api_DictParam, to spec: Bosdyn_Api_DictParam.Spec) -> Bool
  {
    var changed = false
    let unknown = dict.values.keys.filter { spec.specs[$0] == nil }
    for key in unknown {
      dict.values[key] = nil
      changed = true
    }
    for (key, child) in spec.specs {
      // Taken out of the map (and the binding consumed) so that editing it does not copy it.
      let existing = dict.values.removeValue(forKey: key)
      let existed = existing != nil
      var param = (consume existing) ?? Bosdyn_Api_CustomParam()
      switch self.coerce(&param, to: child.spec) {
      case .removed:
        changed = changed || existed
      case .kept(let edited):
        changed = changed || edited
        dict.values[key] = param
      }
    }
    return changed
  }

  /// A value of the spec's type is coerced in place; anything else is replaced by the
  /// default.
  static func coerce(
    _ param: inout Bosdyn_Api_CustomParam,
    to spec: Bosdyn_Api_CustomParam.Spec
  ) -> Outcome {
    guard let specKind = ParamKind(spec: spec) else { return .removed }
    guard ParamKind(value: param) == specKind else {
      guard let defaultValue = Defaults.value(for: spec) else { return .removed }
      param = defaultValue
      return .kept(changed: true)
    }
    // Containers are taken out of `param` before editing, so that they are not copied.
    switch spec.spec {
    case .dictSpec(let dictSpec)?:
      var dict = param.dictValue
      param.value = nil
      defer { param.dictValue = dict }
      return .kept(changed: self.coerce(&dict, to: dictSpec))
    case .listSpec(let listSpec)?:
      var list = param.listValue
      param.value = nil
      defer { param.listValue = list }
      return .kept(changed: self.coerce(&list, to: listSpec))
    case .intSpec(let intSpec)?:
      let value = param.intValue.value
      let outOfRange =
        (intSpec.hasMaxValue && value > intSpec.maxValue.value)
        || (intSpec.hasMinValue && value < intSpec.minValue.value)
      let replacement = Defaults.number(of: intSpec)
      guard outOfRange, replacement != value else { return .kept(changed: false) }
      param.intValue.value = replacement
      return .kept(changed: true)
    case .doubleSpec(let doubleSpec)?:
      let value = param.doubleValue.value
      let outOfRange =
        (doubleSpec.hasMaxValue && value > doubleSpec.maxValue.value)
        || (doubleSpec.hasMinValue && value < doubleSpec.minValue.value)
      let replacement = Defaults.number(of: doubleSpec)
      guard outOfRange, replacement.bitPattern != value.bitPattern else {
        return .kept(changed: false)
      }
      param.doubleValue.value = replacement
      return .kept(changed: true)
    case .stringSpec(let stringSpec)?:
      let value = param.stringValue.value
      let refused =
        !stringSpec.editable && !stringSpec.options.isEmpty
        && !stringSpec.options.containsCodePoints(value)
      let replacement = Defaults.string(of: stringSpec)
      guard refused, !sameCodePoints(replacement, value) else { return .kept(changed: false) }
      param.stringValue.value = replacement
      return .kept(changed: true)
    case .roiSpec(let roiSpec)?:
      var roi = param.roiValue
      param.value = nil
      defer { param.roiValue = roi }
      return .kept(changed: self.coerce(&roi, to: roiSpec))
    case .oneOfSpec(let oneOfSpec)?:
      var oneOf = param.oneOfValue
      param.value = nil
      defer { param.oneOfValue = oneOf }
      return self.coerce(&oneOf, to: oneOfSpec)
    case .boolSpec?, nil:
      // A bool has no illegal values.
      return .kept(changed: false)
    }
  }

  /// Pads with default elements up to the minimum (when the element has a default), truncates
  /// to the maximum, then coerces every element.
  static func coerce(_ list: inout Bosdyn_Api_ListParam, to spec: Bosdyn_Api_ListParam.Spec) -> Bool
  {
    var elements = list.values
    list.values = []
    let originalCount = elements.count
    if spec.hasMinNumberOfValues, elements.count < spec.minNumberOfValues.value,
      let element = Defaults.value(for: spec.elementSpec)
    {
      let missing = Int(spec.minNumberOfValues.value) - elements.count
      elements += repeatElement(element, count: missing)
    }
    if spec.hasMaxNumberOfValues {
      let limit = Int(clamping: max(0, spec.maxNumberOfValues.value))
      if elements.count > limit { elements.removeLast(elements.count - limit) }
    }
    // Padding appends and truncation cuts the end, so the original elements are a prefix:
    // the list changed exactly when its length did (padding can be undone by an invalid max).
    var changed = elements.count != originalCount
    var removed: [Int] = []
    for index in elements.indices {
      switch self.coerce(&elements[index], to: spec.elementSpec) {
      case .removed: removed.append(index)
      case .kept(let edited): changed = changed || edited
      }
    }
    if !removed.isEmpty {
      for index in removed.reversed() { elements.remove(at: index) }
      changed = true
    }
    list.values = elements
    return changed
  }

  /// Takes the spec's image source, replaces a refused shape by the default area (or clears
  /// it), and clamps a negative image size to 0.
  static func coerce(
    _ roi: inout Bosdyn_Api_RegionOfInterestParam,
    to spec: Bosdyn_Api_RegionOfInterestParam.Spec
  ) -> Bool {
    let before = roi
    if spec.hasServiceAndSource { roi.serviceAndSource = spec.serviceAndSource }
    var refused = !spec.allowsPolygon && !roi.area.polygon.vertices.isEmpty
    if !spec.allowsRectangle, case .rectangle? = roi.area.geometry { refused = true }
    if refused {
      if spec.hasDefaultArea { roi.area = spec.defaultArea } else { roi.clearArea() }
    }
    if roi.imageCols < 0 { roi.imageCols = 0 }
    if roi.imageRows < 0 { roi.imageRows = 0 }
    return roi != before
  }

  /// An unknown key becomes the first key in code-point order (as in Python, which ignores
  /// `default_key` here); every child is coerced, missing ones start empty, unknown ones go.
  static func coerce(
    _ oneOf: inout Bosdyn_Api_OneOfParam,
    to spec: Bosdyn_Api_OneOfParam.Spec
  ) -> Outcome {
    var changed = false
    if spec.specs[oneOf.key] == nil {
      guard let first = spec.specs.keys.min(by: codePointPrecedes) else { return .removed }
      oneOf.key = first
      changed = true
    }
    let unknown = oneOf.values.keys.filter { spec.specs[$0] == nil }
    for key in unknown {
      oneOf.values[key] = nil
      changed = true
    }
    for (key, child) in spec.specs {
      let existing = oneOf.values.removeValue(forKey: key)
      let existed = existing != nil
      var dict = (consume existing) ?? Bosdyn_Api_DictParam()
      let edited = self.coerce(&dict, to: child.spec)
      changed = changed || edited || !existed
      oneOf.values[key] = dict
    }
    return .kept(changed: changed)
  }
}
