public import BosdynAPI

/// One alternative of a ``ParamSpec/oneOf(default:_:)`` parameter: a key and the group of
/// parameters the tablet shows when the operator picks it.
///
/// ```swift
/// .oneOf(default: "slow") {
///   OneOfChoice("slow", displayName: "Slow") {}
///   OneOfChoice("fast", displayName: "Fast") {
///     Param("speed", .double(default: 1, min: 0.5, max: 1.6))
///   }
/// }
/// ```
public struct OneOfChoice: Sendable, Hashable {
  /// The key the choice is made with (`OneOfParam.key`).
  public var key: String
  /// The wire form (`bosdyn.api.OneOfParam.ChildSpec`).
  public var proto: Bosdyn_Api_OneOfParam.ChildSpec

  /// A choice under `key` holding `params` (none for a choice that is only a label).
  ///
  /// - Parameters:
  ///   - key: The key of the choice.
  ///   - displayName: The label the tablet shows instead of the key.
  ///   - description: Help text shown next to the label.
  ///   - displayOrder: Where the tablet places it among the other choices (ascending).
  ///   - hiddenByDefault: Whether the tablet shows its parameters collapsed at first.
  ///   - params: The parameters of this choice.
  public init(
    _ key: String,
    displayName: String? = nil,
    description: String? = nil,
    displayOrder: Int64? = nil,
    hiddenByDefault: Bool = false,
    @ParamsBuilder _ params: () -> [Param]
  ) {
    self.key = key
    self.proto = Bosdyn_Api_OneOfParam.ChildSpec()
    self.proto.spec = DictSpec(hiddenByDefault: hiddenByDefault, params).proto
    if let info = userInterfaceInfo(displayName, description, displayOrder) {
      self.proto.uiInfo = info
    }
  }
}
