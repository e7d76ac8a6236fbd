public import BosdynAPI

/// The parameters a service asks for: the form the tablet shows, and what ticks are checked
/// against.
///
/// A `DictSpec` wraps `bosdyn.api.DictParam.Spec`. Build it once, check it with
/// ``validate()`` when the service starts, return ``proto`` from
/// `GetRemoteMissionServiceInfo`, and read each tick's parameters with ``values(of:)``:
///
/// ```swift
/// let spec = DictSpec {
///   Param("who", .string(default: "World"), displayName: "Who", displayOrder: 0)
///   Param("repeats", .int(default: 1, min: 1, max: 10), displayName: "Repeats")
/// }
/// try spec.validate()
///
/// let values = try spec.values(of: request.params)
/// print("Hello \(values.string("who")!)!")
/// ```
public struct DictSpec: Sendable, Hashable {
  /// The wire form; edit it freely for anything the builders do not cover.
  public var proto: Bosdyn_Api_DictParam.Spec

  /// Wraps a spec built elsewhere (received, decoded, or made by hand).
  public init(proto: Bosdyn_Api_DictParam.Spec) {
    self.proto = proto
  }

  /// A spec holding `params`, keyed by their ``Param/key`` (a later duplicate replaces an
  /// earlier one).
  ///
  /// - Parameters:
  ///   - hiddenByDefault: Whether the tablet shows this group collapsed at first.
  ///   - params: The parameters, in any order: each ``Param``'s `displayOrder` sets the order
  ///     the tablet uses.
  public init(hiddenByDefault: Bool = false, @ParamsBuilder _ params: () -> [Param]) {
    self.proto = Bosdyn_Api_DictParam.Spec()
    self.proto.isHiddenByDefault = hiddenByDefault
    for param in params() {
      self.proto.specs[param.key] = param.proto
    }
  }
}
