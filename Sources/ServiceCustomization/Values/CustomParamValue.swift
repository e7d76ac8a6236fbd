public import BosdynAPI

/// One parameter's value as a Swift value (an element of Python's `dict_params_to_dict`
/// result).
public enum CustomParamValue: Sendable, Hashable {
  /// A group of parameters, read with the same accessors as the top level.
  case dict(CustomParamValues)
  /// The elements of a list, in order.
  case list([CustomParamValue])
  /// A whole number.
  case int(Int64)
  /// A real number.
  case double(Double)
  /// Text.
  case string(String)
  /// A switch.
  case bool(Bool)
  /// An area on a camera image, as the proto (Python returns the message too).
  case regionOfInterest(Bosdyn_Api_RegionOfInterestParam)
  /// The chosen alternative of a one-of and its parameters.
  case oneOf(key: String, values: CustomParamValues)
}
