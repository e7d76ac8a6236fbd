public import BosdynAPI

extension Bosdyn_Api_DictParam {
  /// A dict of string parameters, such as `["who": "Spot"]` for the hello-world service.
  public init(strings: [String: String]) {
    self.init()
    for (key, value) in strings {
      var param = Bosdyn_Api_CustomParam()
      param.stringValue.value = value
      self.values[key] = param
    }
  }

  /// The string value of `key`, or `nil` when the key is absent or holds another type.
  public func stringValue(forKey key: String) -> String? {
    guard case .stringValue(let param)? = self.values[key]?.value else { return nil }
    return param.value
  }
}
