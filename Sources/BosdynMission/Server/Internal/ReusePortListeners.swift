import BosdynCore
import NIOCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opens several listening sockets on one address with `SO_REUSEPORT`, so the kernel spreads
/// incoming connections across them: one socket per event loop, and each connection is then
/// served start to end by one thread.
enum ReusePortListeners {
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// Returns `count` listening socket descriptors bound to `host:port`. With port 0 the first
  /// socket gets a free port and the others share it. On error every opened socket is closed.
  ///
  /// - Throws: ``BosdynCore/ListenError`` when the port is out of range or another program
  ///   listens on it; ``Failure`` when a socket call fails.
  static func open(host: String, port: Int, count: Int) throws -> (port: Int, sockets: [Int32]) {
    try PortInUse.check(host: host, port: port)
    var sockets: [Int32] = []
    var boundPort = port
    do {
      for _ in 0..<max(1, count) {
        let address = try NIOCore.SocketAddress(ipAddress: host, port: boundPort)
        let socket = try self.listen(on: address)
        sockets.append(socket)
        if boundPort == 0 {
          boundPort = try self.localPort(of: socket)
        }
      }
    } catch {
      for socket in sockets { close(socket) }
      throw error
    }
    return (boundPort, sockets)
  }

  private static func listen(on address: NIOCore.SocketAddress) throws -> Int32 {
    let family: Int32
    switch address {
    case .v4: family = AF_INET
    case .v6: family = AF_INET6
    case .unixDomainSocket: throw Failure(description: "Unix domain sockets are not supported")
    }
    #if canImport(Darwin)
      let descriptor = socket(family, SOCK_STREAM, 0)
    #else
      let descriptor = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    #endif
    guard descriptor >= 0 else { throw self.failure("socket", address) }
    var on: Int32 = 1
    let size = socklen_t(MemoryLayout<Int32>.size)
    guard setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, size) == 0,
      setsockopt(descriptor, SOL_SOCKET, SO_REUSEPORT, &on, size) == 0
    else {
      let error = self.failure("setsockopt", address)
      close(descriptor)
      throw error
    }
    let bound = address.withSockAddr { pointer, length in
      bind(descriptor, pointer, socklen_t(length))
    }
    guard bound == 0, systemListen(descriptor, 1024) == 0 else {
      let error = self.failure("bind", address)
      close(descriptor)
      throw error
    }
    return descriptor
  }

  #if canImport(Glibc)
    private static let systemListen = Glibc.listen
  #elseif canImport(Musl)
    private static let systemListen = Musl.listen
  #else
    private static let systemListen = Darwin.listen
  #endif

  private static func localPort(of descriptor: Int32) throws -> Int {
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let result = withUnsafeMutablePointer(to: &storage) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getsockname(descriptor, $0, &length)
      }
    }
    guard result == 0 else { throw Failure(description: "getsockname failed: errno \(errno)") }
    // sockaddr_in and sockaddr_in6 both keep the port, in network byte order, right after the
    // 2-byte family.
    let port = withUnsafeBytes(of: &storage) { bytes in
      Int(bytes[2]) << 8 | Int(bytes[3])
    }
    return port
  }

  private static func failure(_ call: String, _ address: NIOCore.SocketAddress) -> Failure {
    let reason = String(cString: strerror(errno))
    return Failure(description: "Cannot listen on \(address): \(call) failed: \(reason)")
  }
}
