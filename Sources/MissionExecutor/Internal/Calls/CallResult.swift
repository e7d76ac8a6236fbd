/// How a call the executor made ended, as the node that made it sees it.
enum CallResult: Sendable {
  /// The RPC answered (its response may still report a domain failure).
  case answered(any Sendable)
  /// The RPC failed (transport, gRPC status, response header); the message says why.
  case failed(String)
  /// No answer came before the call's deadline on the executor's clock.
  case timedOut
  /// The executor gave up on the call (node timed out, mission stopped or replaced).
  case cancelled
}
