import Logging
import NIOCore

/// What every stream handler of one running proxy shares.
struct ProxyContext: Sendable {
  var dispatcher: RouteDispatcher
  var pool: UpstreamPool
  var logger: Logger
  var responseTimeout: TimeAmount
  var responseTimeoutText: String
}
