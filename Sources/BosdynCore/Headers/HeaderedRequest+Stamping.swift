public import BosdynAPI

extension HeaderedRequest {
  /// This request with its header stamped with `clientName` and the current time, as the Python
  /// SDK's header processors do for every call made through a robot.
  public func stamped(clientName: String) -> Self {
    var request = self
    request.header = .stamped(clientName: clientName)
    return request
  }
}
