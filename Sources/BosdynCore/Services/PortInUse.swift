import NIOCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a server cannot listen where it was asked to: the port is out of range, or another
/// program already listens there.
public struct ListenError: Error, Sendable, CustomStringConvertible {
  /// A sentence naming the address and what is wrong, such as
  /// `127.0.0.1:50051: address already in use`.
  public let description: String

  /// Creates the error.
  public init(_ description: String) {
    self.description = description
  }
}

/// Checks, before a server binds its `SO_REUSEPORT` sockets, that no other program listens on
/// the port.
///
/// `SO_REUSEPORT` lets every socket of the same user join a port, so a second copy of a server
/// started by mistake would silently share the first one's connections. A plain bind (without
/// `SO_REUSEPORT`) fails while anything listens on the port, so trying one first turns that
/// mistake into "address already in use". The probe is closed before the server binds; only
/// two copies starting within the same instant could still meet, which the error cannot
/// prevent and the directory's liveness probe then reports.
package enum PortInUse {
  /// Throws ``ListenError`` when `port` is out of range or something listens on
  /// `host:port`. Port 0 (any free port) is never in use.
  package static func check(host: String, port: Int) throws {
    let place = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    guard (0...65535).contains(port) else {
      throw ListenError("\(place): the port must be between 0 and 65535")
    }
    guard port != 0 else { return }
    let address: NIOCore.SocketAddress
    do {
      address = try NIOCore.SocketAddress(ipAddress: host, port: port)
    } catch {
      // Not an IP address (a host name): the bind itself will say what is wrong.
      return
    }
    let family: Int32
    switch address {
    case .v4: family = AF_INET
    case .v6: family = AF_INET6
    case .unixDomainSocket: return
    }
    #if canImport(Darwin)
      let descriptor = socket(family, SOCK_STREAM, 0)
    #else
      let descriptor = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    #endif
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    var on: Int32 = 1
    // SO_REUSEADDR, so a port whose last connections are in TIME_WAIT is not mistaken for one
    // in use; it does not allow binding next to a listener.
    _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
    let bound = address.withSockAddr { pointer, length in
      bind(descriptor, pointer, socklen_t(length))
    }
    if bound != 0 && errno == EADDRINUSE {
      throw ListenError("\(place): address already in use")
    }
  }
}
