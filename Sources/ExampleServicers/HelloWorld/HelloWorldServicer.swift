public import BosdynAPI
public import BosdynCore
public import BosdynMission
public import Logging
public import ServiceCustomization

/// The document's hello-world callback: every tick logs `Hello <who>!`, once plus the number
/// of repeats the tick's `toggle_key` asks for.
///
/// `who` comes from the tick's `who` parameter (what the tablet's form sets), else from the
/// `user-string` input (what Autowalk sends), else the spec's default name. Parameters that do
/// not fit ``spec`` get `STATUS_CUSTOM_PARAMS_ERROR` with the reasons, or are coerced to fit
/// when the servicer was created with `coerce: true` (the document's `--coerce`).
public struct HelloWorldServicer: RemoteMissionServicer {
  /// The directory name the document registers the service under.
  public static let directoryName = "hello-world-callback"

  /// Where greetings and the "unimplemented" lines go.
  public let logger: Logger
  /// The parameters the tablet shows and ticks are checked against.
  public let spec: DictSpec
  /// Whether ill-fitting parameters are coerced (`true`) or refused (`false`).
  public let coerce: Bool
  private let defaultName: String

  /// Creates the servicer.
  ///
  /// - Parameters:
  ///   - logger: Where greetings go.
  ///   - spec: The parameter spec; see ``spec(displayName:defaultName:helloOptions:)``.
  ///   - coerce: Coerce parameters to the spec instead of refusing them.
  /// - Throws: ``/ServiceCustomization/InvalidSpecError`` when the spec is inconsistent (for
  ///   example a default name that is not among the options), so a broken service never
  ///   starts.
  public init(
    logger: Logger = Logger(label: "hello-world"),
    spec: DictSpec = HelloWorldServicer.spec(),
    coerce: Bool = false
  ) throws {
    try spec.validate()
    self.logger = logger
    self.spec = spec
    self.coerce = coerce
    self.defaultName = spec.proto.specs["who"]?.spec.stringSpec.defaultValue ?? "World"
  }

  /// Checks (or coerces) the parameters, then logs the greeting and succeeds.
  public func tick(_ request: TickRequest) async throws -> TickResponse {
    var params = request.params
    if self.coerce {
      self.spec.coerce(&params)
    } else if let error = self.spec.validationError(for: params) {
      return .customParamsError(error)
    }
    let values = try self.spec.values(of: params)
    let who =
      (values.isPresent("who") ? values.string("who") : nil)
      ?? request.inputs.constantString(forKey: "user-string")
      ?? self.defaultName
    var repeats: Int64 = 0
    if let toggle = values.oneOf("toggle_key"), toggle.key == "toggle_key_enable" {
      repeats = toggle.values.int("toggle_enable_value_key") ?? 0
    }
    for _ in 0...max(0, repeats) {
      self.logger.info("Hello \(who)!")
    }
    return .success()
  }

  /// The spec, so the tablet can build its form.
  public func serviceInfo(_ request: ServiceInfoRequest) async throws -> ServiceInfoResponse {
    var response = ServiceInfoResponse()
    response.customParams = self.spec.proto
    return response
  }
}
