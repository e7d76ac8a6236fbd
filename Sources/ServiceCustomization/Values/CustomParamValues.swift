public import BosdynAPI

/// A tick's parameters read against their spec: typed values, with the spec's default for
/// every parameter the tick left out.
///
/// Get one from ``DictSpec/values(of:)``, which refuses values that do not fit the spec, then
/// read by key:
///
/// ```swift
/// let values = try spec.values(of: request.params)
/// let who = values.string("who") ?? "World"
/// if let (key, choice) = values.oneOf("toggle_key"), key == "toggle_key_enable" {
///   let repeats = choice.int("toggle_enable_value_key") ?? 0
/// }
/// ```
///
/// The typed accessors return `nil` for a key the spec does not have, for a spec of another
/// type, and for an absent parameter without a default (a one-of without a default key).
public struct CustomParamValues: Sendable, Hashable {
  /// The spec the values were read against.
  public let spec: Bosdyn_Api_DictParam.Spec
  /// The values as they arrived, without defaults.
  public let proto: Bosdyn_Api_DictParam

  /// Values read against a spec, without checking them: for values already known to fit
  /// (``DictSpec/values(of:)`` checks them).
  public init(unchecked proto: Bosdyn_Api_DictParam, spec: Bosdyn_Api_DictParam.Spec) {
    self.proto = proto
    self.spec = spec
  }

  /// Every key of the spec, in code-point order.
  public var keys: [String] {
    self.spec.specs.keys.sortedByCodePoint()
  }

  /// Whether the tick carried `key` (as opposed to relying on its default).
  public func isPresent(_ key: String) -> Bool {
    self.proto.values[key] != nil
  }

  /// The value of `key`: the one the tick carried, else the spec's default; `nil` when the
  /// spec has no such key or the parameter has no default.
  public subscript(key: String) -> CustomParamValue? {
    guard let childSpec = self.spec.specs[key]?.spec else { return nil }
    if let present = self.proto.values[key] {
      return CustomParamValue(present, spec: childSpec)
    }
    return Defaults.value(for: childSpec).flatMap { CustomParamValue($0, spec: childSpec) }
  }

  /// The values the tick carried, without defaults: Python's `dict_params_to_dict`.
  public var presentValues: [String: CustomParamValue] {
    var values: [String: CustomParamValue] = [:]
    for (key, param) in self.proto.values {
      guard let childSpec = self.spec.specs[key]?.spec else { continue }
      values[key] = CustomParamValue(param, spec: childSpec)
    }
    return values
  }

  /// The text of a string parameter, or its default.
  public func string(_ key: String) -> String? {
    guard case .string(let value)? = self[key] else { return nil }
    return value
  }

  /// The number of an int parameter, or its default.
  public func int(_ key: String) -> Int64? {
    guard case .int(let value)? = self[key] else { return nil }
    return value
  }

  /// The number of a double parameter, or its default.
  public func double(_ key: String) -> Double? {
    guard case .double(let value)? = self[key] else { return nil }
    return value
  }

  /// The state of a bool parameter, or its default.
  public func bool(_ key: String) -> Bool? {
    guard case .bool(let value)? = self[key] else { return nil }
    return value
  }

  /// The parameters of a dict parameter, each with its default when absent.
  public func dict(_ key: String) -> CustomParamValues? {
    guard case .dict(let value)? = self[key] else { return nil }
    return value
  }

  /// The elements of a list parameter, or its default elements.
  public func list(_ key: String) -> [CustomParamValue]? {
    guard case .list(let value)? = self[key] else { return nil }
    return value
  }

  /// The chosen key of a one-of parameter and the parameters of that choice, or the default
  /// choice.
  public func oneOf(_ key: String) -> (key: String, values: CustomParamValues)? {
    guard case .oneOf(let chosen, let values)? = self[key] else { return nil }
    return (chosen, values)
  }

  /// The area of a region-of-interest parameter, or its default.
  public func regionOfInterest(_ key: String) -> Bosdyn_Api_RegionOfInterestParam? {
    guard case .regionOfInterest(let value)? = self[key] else { return nil }
    return value
  }
}

extension CustomParamValue {
  /// `param` as a Swift value, or `nil` when it is not of the spec's type.
  init?(_ param: Bosdyn_Api_CustomParam, spec: Bosdyn_Api_CustomParam.Spec) {
    switch (param.value, spec.spec) {
    case (.dictValue(let dict)?, .dictSpec(let dictSpec)?):
      self = .dict(CustomParamValues(unchecked: dict, spec: dictSpec))
    case (.listValue(let list)?, .listSpec(let listSpec)?):
      var elements: [CustomParamValue] = []
      elements.reserveCapacity(list.values.count)
      for element in list.values {
        guard let value = CustomParamValue(element, spec: listSpec.elementSpec) else { return nil }
        elements.append(value)
      }
      self = .list(elements)
    case (.intValue(let int)?, .intSpec?): self = .int(int.value)
    case (.doubleValue(let double)?, .doubleSpec?): self = .double(double.value)
    case (.stringValue(let string)?, .stringSpec?): self = .string(string.value)
    case (.boolValue(let bool)?, .boolSpec?): self = .bool(bool.value)
    case (.roiValue(let roi)?, .roiSpec?): self = .regionOfInterest(roi)
    case (.oneOfValue(let oneOf)?, .oneOfSpec(let oneOfSpec)?):
      guard let child = oneOfSpec.specs[oneOf.key] else { return nil }
      let chosen = oneOf.values[oneOf.key] ?? Bosdyn_Api_DictParam()
      self = .oneOf(key: oneOf.key, values: CustomParamValues(unchecked: chosen, spec: child.spec))
    default:
      return nil
    }
  }
}
