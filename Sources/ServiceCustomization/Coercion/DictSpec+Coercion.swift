public import BosdynAPI

extension DictSpec {
  /// Edits `value` until it fits this spec (Python's `dict_param_coerce_to`), for services
  /// that would rather run with corrected parameters than refuse the tick.
  ///
  /// Keys the spec does not know are dropped; missing parameters and parameters of another
  /// type take their default; numbers out of bounds take the default; text outside the
  /// options of a non-editable string takes the default (else the first option); lists are
  /// padded with default elements or truncated; a one-of with an unknown key takes the first
  /// key in code-point order; a region of interest takes the spec's image source, loses a shape
  /// the spec refuses, and a negative image size becomes 0. A one-of without a default and a
  /// parameter whose spec has no type cannot be filled in: they are left absent.
  ///
  /// Against a valid spec the result passes ``validationError(for:)``, unless a list needs
  /// more elements than it has and its element type has no default (a one-of without a
  /// default key): such a list cannot be padded.
  ///
  /// - Parameter value: The parameters to correct, in place.
  /// - Returns: Whether `value` changed.
  @discardableResult
  public func coerce(_ value: inout Bosdyn_Api_DictParam) -> Bool {
    Coercer.coerce(&value, to: self.proto)
  }

  /// The parameters as the tablet first shows them: every parameter that has a default, at
  /// its default (Python's `dict_spec_to_default`).
  public var defaultValue: Bosdyn_Api_DictParam {
    Defaults.value(for: self.proto)
  }
}
