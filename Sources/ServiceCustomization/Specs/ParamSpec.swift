public import BosdynAPI
import SwiftProtobuf

/// The type of one parameter, with its bounds and default: what the tablet offers and what a
/// tick's value is checked and coerced against.
///
/// Make one with the static functions (`.int(default: 3, min: 1)`, `.string(options: [...])`,
/// `.oneOf { ... }`), name it with a ``Param``. Every argument left out leaves the proto
/// field unset, so the spec says only what you wrote.
public struct ParamSpec: Sendable, Hashable {
  /// The wire form (`bosdyn.api.CustomParam.Spec`); edit it for anything the factories do not
  /// cover.
  public var proto: Bosdyn_Api_CustomParam.Spec

  /// Wraps a spec built elsewhere.
  public init(proto: Bosdyn_Api_CustomParam.Spec) {
    self.proto = proto
  }

  /// A whole number (`Int64Param.Spec`).
  ///
  /// - Parameters:
  ///   - defaultValue: The starting value; when absent, coercion and typed access fall back to
  ///     `min`, then `max`, then 0.
  ///   - min: The smallest value accepted.
  ///   - max: The largest value accepted.
  ///   - units: Units the tablet shows next to the number.
  public static func int(
    default defaultValue: Int64? = nil,
    min: Int64? = nil,
    max: Int64? = nil,
    units: Bosdyn_Api_Units? = nil
  ) -> ParamSpec {
    var spec = Bosdyn_Api_Int64Param.Spec()
    if let defaultValue { spec.defaultValue.value = defaultValue }
    if let min { spec.minValue.value = min }
    if let max { spec.maxValue.value = max }
    if let units { spec.units = units }
    return ParamSpec(proto: .with { $0.intSpec = spec })
  }

  /// A real number (`DoubleParam.Spec`).
  ///
  /// - Parameters:
  ///   - defaultValue: The starting value; when absent, coercion and typed access fall back to
  ///     `min`, then `max`, then 0.
  ///   - min: The smallest value accepted.
  ///   - max: The largest value accepted.
  ///   - units: Units the tablet shows next to the number.
  public static func double(
    default defaultValue: Double? = nil,
    min: Double? = nil,
    max: Double? = nil,
    units: Bosdyn_Api_Units? = nil
  ) -> ParamSpec {
    var spec = Bosdyn_Api_DoubleParam.Spec()
    if let defaultValue { spec.defaultValue.value = defaultValue }
    if let min { spec.minValue.value = min }
    if let max { spec.maxValue.value = max }
    if let units { spec.units = units }
    return ParamSpec(proto: .with { $0.doubleSpec = spec })
  }

  /// Text, typed freely or picked from options (`StringParam.Spec`).
  ///
  /// - Parameters:
  ///   - defaultValue: The starting text; when absent, the first option.
  ///   - options: What the tablet offers to pick from.
  ///   - editable: Whether the operator may type text of their own. By default exactly when
  ///     there are no options: a free text field, or a picker. A value outside the options is
  ///     refused only when this is `false`.
  ///   - multiline: Whether the tablet shows a multi-line text box.
  public static func string(
    default defaultValue: String? = nil,
    options: [String] = [],
    editable: Bool? = nil,
    multiline: Bool = false
  ) -> ParamSpec {
    var spec = Bosdyn_Api_StringParam.Spec()
    if let defaultValue { spec.defaultValue = defaultValue }
    spec.options = options
    spec.editable = editable ?? options.isEmpty
    spec.isMultiline = multiline
    return ParamSpec(proto: .with { $0.stringSpec = spec })
  }

  /// A switch (`BoolParam.Spec`).
  ///
  /// - Parameter defaultValue: The starting state; when absent, `false`.
  public static func bool(default defaultValue: Bool? = nil) -> ParamSpec {
    var spec = Bosdyn_Api_BoolParam.Spec()
    if let defaultValue { spec.defaultValue.value = defaultValue }
    return ParamSpec(proto: .with { $0.boolSpec = spec })
  }

  /// An area the operator draws on a camera image (`RegionOfInterestParam.Spec`).
  ///
  /// - Parameters:
  ///   - imageSource: The image service and source the area is drawn on.
  ///   - defaultArea: The starting area, such as `.rectangle(x: 0, y: 0, cols: 64, rows: 48)`.
  ///   - allowsRectangle: Whether the operator may draw a rectangle (by default yes: a region
  ///     that allows no shape could never be drawn).
  ///   - allowsPolygon: Whether the operator may draw a polygon.
  public static func regionOfInterest(
    imageSource: (service: String, source: String)? = nil,
    defaultArea: Bosdyn_Api_AreaI? = nil,
    allowsRectangle: Bool = true,
    allowsPolygon: Bool = false
  ) -> ParamSpec {
    var spec = Bosdyn_Api_RegionOfInterestParam.Spec()
    if let imageSource {
      spec.serviceAndSource.service = imageSource.service
      spec.serviceAndSource.source = imageSource.source
    }
    if let defaultArea { spec.defaultArea = defaultArea }
    spec.allowsRectangle = allowsRectangle
    spec.allowsPolygon = allowsPolygon
    return ParamSpec(proto: .with { $0.roiSpec = spec })
  }

  /// A list of values of one type (`ListParam.Spec`).
  ///
  /// - Parameters:
  ///   - element: The type of every element.
  ///   - minCount: The fewest elements accepted; coercion pads with default elements.
  ///   - maxCount: The most elements accepted; coercion drops the excess.
  public static func list(
    of element: ParamSpec,
    minCount: Int64? = nil,
    maxCount: Int64? = nil
  ) -> ParamSpec {
    var spec = Bosdyn_Api_ListParam.Spec()
    spec.elementSpec = element.proto
    if let minCount { spec.minNumberOfValues.value = minCount }
    if let maxCount { spec.maxNumberOfValues.value = maxCount }
    return ParamSpec(proto: .with { $0.listSpec = spec })
  }

  /// A group of named parameters (`DictParam.Spec`), shown as a section of the form.
  ///
  /// - Parameters:
  ///   - hiddenByDefault: Whether the tablet shows the section collapsed at first.
  ///   - params: The parameters of the group.
  public static func dict(
    hiddenByDefault: Bool = false,
    @ParamsBuilder _ params: () -> [Param]
  ) -> ParamSpec {
    ParamSpec(
      proto: .with { $0.dictSpec = DictSpec(hiddenByDefault: hiddenByDefault, params).proto }
    )
  }

  /// One of several groups of parameters, chosen by key (`OneOfParam.Spec`).
  ///
  /// - Parameters:
  ///   - defaultKey: The key chosen at first. Without one the parameter has no default: an absent
  ///     value stays absent through coercion and typed access.
  ///   - choices: The alternatives.
  public static func oneOf(
    default defaultKey: String? = nil,
    @OneOfChoicesBuilder _ choices: () -> [OneOfChoice]
  ) -> ParamSpec {
    var spec = Bosdyn_Api_OneOfParam.Spec()
    if let defaultKey { spec.defaultKey = defaultKey }
    for choice in choices() {
      spec.specs[choice.key] = choice.proto
    }
    return ParamSpec(proto: .with { $0.oneOfSpec = spec })
  }
}
