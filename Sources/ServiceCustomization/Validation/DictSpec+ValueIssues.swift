public import BosdynAPI

extension DictSpec {
  /// Every reason `value` does not fit this spec, each with the path to its parameter; empty
  /// when it fits.
  ///
  /// The same checks and texts as ``validationError(for:)`` (whose messages are these issues
  /// rendered), kept structured so a form can put each next to its field.
  ///
  /// - Parameter value: The parameters of a tick, or of a form about to send one.
  public func validationIssues(for value: Bosdyn_Api_DictParam) -> [ValueIssue] {
    guard let failure = ValueChecker.failure(of: value, against: self.proto) else { return [] }
    return failure.messages.map { message in
      ValueIssue(
        path: message.reversedPath.reversed().map { component in
          switch component {
          case .key(let key): .key(key)
          case .index(let index): .index(index)
          }
        },
        text: message.text
      )
    }
  }
}
