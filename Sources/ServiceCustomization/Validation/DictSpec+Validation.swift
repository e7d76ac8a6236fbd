public import BosdynAPI

extension DictSpec {
  /// Checks the spec itself, as Python's `validate_dict_spec` does: defaults within bounds,
  /// `min` not above `max`, a non-editable default among the options, a one-of's default key
  /// among its choices, list bounds not negative and ordered, an element spec present, a
  /// default area of an allowed shape, every parameter of some type.
  ///
  /// Call it when the service starts, so a bad spec stops the service instead of every tick.
  ///
  /// - Throws: ``InvalidSpecError`` listing every problem with the path to the bad child.
  public func validate() throws(InvalidSpecError) {
    let messages = SpecChecker.errors(in: self.proto)
    guard messages.isEmpty else {
      throw InvalidSpecError(messages: messages.map(\.rendered))
    }
  }

  /// Why `value` does not fit this spec, or `nil` when it does (Python's
  /// `create_value_validator(spec)(value)`).
  ///
  /// Statuses: `STATUS_UNSUPPORTED_PARAMETER` for keys the spec does not know,
  /// `STATUS_INVALID_VALUE` for values out of bounds or of another type than a dict member's
  /// spec, `STATUS_INVALID_TYPE` for list elements of another type and for parameters with no
  /// value set. With several bad parameters every message is listed and the status is that of
  /// the last one in code-point order of the keys.
  ///
  /// Check the spec with ``validate()`` first: against an invalid spec the answer is only
  /// guaranteed not to crash.
  ///
  /// - Parameter value: The parameters of a tick.
  public func validationError(for value: Bosdyn_Api_DictParam) -> Bosdyn_Api_CustomParamError? {
    guard let failure = ValueChecker.failure(of: value, against: self.proto) else { return nil }
    var error = Bosdyn_Api_CustomParamError()
    error.status = failure.status
    error.errorMessages = failure.messages.map(\.rendered)
    return error
  }
}
