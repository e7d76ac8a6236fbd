public import BosdynAPI

extension DictSpec {
  /// The parameters of a tick as typed values with defaults (the Python
  /// `dict_params_to_dict` analog, which however fills in no defaults).
  ///
  /// - Parameter value: The parameters of a tick.
  /// - Throws: ``InvalidSpecError`` when the spec is invalid, ``InvalidValueError`` (answer
  ///   the tick with its ``InvalidValueError/proto``) when the values do not fit it.
  public func values(of value: Bosdyn_Api_DictParam) throws -> CustomParamValues {
    try self.validate()
    if let error = self.validationError(for: value) {
      throw InvalidValueError(proto: error)
    }
    return CustomParamValues(unchecked: value, spec: self.proto)
  }
}
