public import GRPCCore

extension RobotProxy {
  /// What the proxy knows of a call when it asks where the call goes: its request headers'
  /// routing fields.
  public struct CallHead: Sendable, Hashable {
    /// The `:authority` the client addressed, such as `api.spot.robot` or
    /// `hello-world-callback.spot.robot` (the TLS name the client verified, too).
    public var authority: String

    /// The `:path`: `/<package>.<Service>/<Method>`.
    public var path: String

    /// The `authorization` metadata (`Bearer <token>`), if the client sent one.
    public var authorization: String?

    /// Creates a call head.
    public init(authority: String, path: String, authorization: String?) {
      self.authority = authority
      self.path = path
      self.authorization = authorization
    }

    /// The service part of ``path``: `bosdyn.api.mission.RemoteMissionService` for
    /// `/bosdyn.api.mission.RemoteMissionService/Tick`; empty when the path is malformed.
    public var serviceName: Substring {
      let trimmed = self.path.drop(while: { $0 == "/" })
      guard let slash = trimmed.firstIndex(of: "/") else { return "" }
      return trimmed[..<slash]
    }
  }

  /// The `label` of a ``Route/forward(host:port:label:)`` whose service logs every call itself
  /// (the simulated robot's own services): the proxy then logs the call at debug level only.
  public static let selfLoggingLabel = "robot"

  /// Where a call goes: relayed to a plaintext HTTP/2 (gRPC) server, or refused by the proxy.
  public enum Route: Sendable, Hashable {
    /// Relay the call, metadata untouched, to `host:port` over a pooled plaintext connection.
    /// `label` names the service in the proxy's log lines and error messages.
    case forward(host: String, port: Int, label: String)

    /// Answer the call at once with gRPC status `code` and `message` (trailers only). The
    /// message carries the HTTP-style code the Python SDK looks for, such as
    /// `"502 Bad Gateway: …"` (ServiceUnavailableError) or `"401 …"`.
    case reject(code: RPCError.Code, message: String)
  }
}
