public import BosdynAPI
public import BosdynClient
public import BosdynMission
public import Logging

/// The document's hello-world callback: every tick logs `Hello <who>!`.
///
/// `who` comes from the tick's `who` string parameter (what the tablet's form sets), else from
/// the `user-string` input (what Autowalk sends), else the default name.
public struct HelloWorldServicer: RemoteMissionServicer {
  /// The directory name the document registers the service under.
  public static let directoryName = "hello-world-callback"

  /// Where greetings and the "unimplemented" lines go.
  public let logger: Logger
  /// Who is greeted when the tick names nobody.
  public let defaultName: String

  /// Creates the servicer.
  public init(logger: Logger = Logger(label: "hello-world"), defaultName: String = "World") {
    self.logger = logger
    self.defaultName = defaultName
  }

  /// Logs the greeting and succeeds.
  public func tick(_ request: TickRequest) async throws -> TickResponse {
    let who =
      request.params.stringValue(forKey: "who")
      ?? request.inputs.constantString(forKey: "user-string")
      ?? self.defaultName
    self.logger.info("Hello \(who)!")
    return .success()
  }

  /// A spec with one editable string parameter `who`, so the tablet shows a text field.
  public func serviceInfo(_ request: ServiceInfoRequest) async throws -> ServiceInfoResponse {
    var who = Bosdyn_Api_DictParam.ChildSpec()
    who.spec.stringSpec.defaultValue = self.defaultName
    who.spec.stringSpec.editable = true
    who.uiInfo.displayName = "Who"
    who.uiInfo.description_p = "Specify who Spot says hello to"
    var response = ServiceInfoResponse()
    response.customParams.specs["who"] = who
    return response
  }
}
