import Logging
import NIOCore

/// What every stream handler of one running proxy shares.
struct ProxyContext: Sendable {
  var dispatcher: RouteDispatcher
  /// Routes calls inline when it can (see ``RobotProxy/init(configuration:logger:immediateRoute:route:)``).
  var immediateRoute: (@Sendable (RobotProxy.CallHead) -> RobotProxy.Route?)?
  var pool: UpstreamPool
  var logger: Logger
  var responseTimeout: TimeAmount
  var responseTimeoutText: String
  /// Counts each client's calls in flight against its limit.
  var callsPerClient: ClientCallLimiter
}
