public import BosdynAPI

/// Parameters that do not fit their spec (Python's `InvalidCustomParamValueError`).
///
/// Answer the tick with it: `return .customParamsError(error.proto)`.
public struct InvalidValueError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The status and messages to send back (`STATUS_CUSTOM_PARAMS_ERROR` carries it).
  public var proto: Bosdyn_Api_CustomParamError

  /// Wraps `proto`.
  public init(proto: Bosdyn_Api_CustomParamError) {
    self.proto = proto
  }

  /// The status and the messages, one per line.
  public var description: String {
    "Invalid custom parameters (\(self.proto.status)):\n"
      + self.proto.errorMessages.joined(separator: "\n")
  }
}
