import SwiftProtobuf

extension DurationSource {
  /// The duration now: fixed, or read from the blackboard, where it may be a
  /// `google.protobuf.Duration` (as Spot documents) or a number of seconds.
  func resolve(_ blackboard: Blackboard) throws(ReadError) -> Duration {
    switch self {
    case .fixed(let duration):
      return duration
    case .blackboard(let ref):
      guard let (read, _) = blackboard.read(ref) else { throw .undefined(ref.name) }
      switch read {
      case .value(.float(let seconds)) where seconds.isFinite && seconds >= 0:
        return .seconds(seconds)
      case .value(.int(let seconds)) where seconds >= 0:
        return .seconds(seconds)
      case .value(let value):
        if let duration = value.message(as: Google_Protobuf_Duration.self) {
          return .seconds(duration.seconds) + .nanoseconds(Int64(duration.nanos))
        }
        throw ReadError(
          description: "'\(ref.name)' must hold a google.protobuf.Duration, found a "
            + value.typeDescription
        )
      case .unset:
        return .zero
      }
    }
  }
}
