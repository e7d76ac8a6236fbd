import NIOCore
import NIOPosix

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Short words for why the proxy could not reach a service, for status messages and logs.
///
/// The words avoid the phrases the Python SDK reads as other errors ("Connect Failed",
/// "Socket closed", "Connection reset by peer").
enum UpstreamFailure {
  static func describe(_ error: any Error) -> String {
    switch error {
    case let error as IOError:
      return self.describe(errno: error.errnoCode)
    case let error as NIOConnectionError:
      if let first = error.connectionErrors.first {
        return self.describe(first.error)
      }
      if error.dnsAAAAError != nil || error.dnsAError != nil {
        return "the host name did not resolve"
      }
      return "no address to connect to"
    case let error as ChannelError:
      if case .connectTimeout(let amount) = error {
        return "no connection within \(amount.nanoseconds / 1_000_000) ms"
      }
      return "\(error)"
    default:
      return "\(error)"
    }
  }

  private static func describe(errno code: Int32) -> String {
    switch code {
    case ECONNREFUSED: return "connection refused"
    case EHOSTUNREACH: return "host unreachable"
    case ENETUNREACH: return "network unreachable"
    case ETIMEDOUT: return "connection timed out"
    case ECONNRESET: return "connection dropped while connecting"
    default: return String(cString: strerror(code)).lowercased()
    }
  }
}
