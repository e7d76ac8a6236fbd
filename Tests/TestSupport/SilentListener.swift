import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A TCP port on 127.0.0.1 that accepts connections (the kernel completes the handshake) and
/// never answers: a robot that hangs mid-TLS-handshake, which no timeout of the transport ends.
/// Closed when released.
public final class SilentListener: Sendable {
  /// The port it listens on.
  public let port: Int
  private let socket: Int32

  /// Listens on a free port.
  ///
  /// - Throws: ``ChildProcess/Failure`` when the socket cannot listen.
  public init() throws {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw ChildProcess.Failure("socket() failed") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let ready = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socket, $0, length) == 0 && listen(socket, 16) == 0
          && getsockname(socket, $0, &length) == 0
      }
    }
    guard ready else {
      close(socket)
      throw ChildProcess.Failure("cannot listen on 127.0.0.1")
    }
    self.socket = socket
    self.port = Int(UInt16(bigEndian: address.sin_port))
  }

  deinit { close(self.socket) }
}
