public import BosdynAPI

/// One named parameter of a ``DictSpec``: its key, its type, and how the tablet presents it.
///
/// ```swift
/// Param("speed", .double(default: 0.5, min: 0, max: 1.6), displayName: "Speed (m/s)")
/// ```
public struct Param: Sendable, Hashable {
  /// The key the value arrives under in `DictParam.values`.
  public var key: String
  /// The wire form (`bosdyn.api.DictParam.ChildSpec`).
  public var proto: Bosdyn_Api_DictParam.ChildSpec

  /// A parameter of type `spec` under `key`.
  ///
  /// When no display argument is given the child has no `ui_info` at all, as in the Python
  /// SDK's `make_dict_child_spec(spec)`.
  ///
  /// - Parameters:
  ///   - key: The key in the dict; what servicer code reads.
  ///   - spec: The type, bounds and default.
  ///   - displayName: The label the tablet shows instead of the key.
  ///   - description: Help text shown next to the label.
  ///   - displayOrder: Where the tablet places it among its siblings (ascending).
  public init(
    _ key: String,
    _ spec: ParamSpec,
    displayName: String? = nil,
    description: String? = nil,
    displayOrder: Int64? = nil
  ) {
    self.key = key
    self.proto = Bosdyn_Api_DictParam.ChildSpec()
    self.proto.spec = spec.proto
    if let info = userInterfaceInfo(displayName, description, displayOrder) {
      self.proto.uiInfo = info
    }
  }
}

/// `bosdyn.api.UserInterfaceInfo` with the given fields, or `nil` when none is given.
func userInterfaceInfo(
  _ displayName: String?,
  _ description: String?,
  _ displayOrder: Int64?
) -> Bosdyn_Api_UserInterfaceInfo? {
  guard displayName != nil || description != nil || displayOrder != nil else { return nil }
  var info = Bosdyn_Api_UserInterfaceInfo()
  if let displayName { info.displayName = displayName }
  if let description { info.description_p = description }
  if let displayOrder { info.displayOrder = displayOrder }
  return info
}
