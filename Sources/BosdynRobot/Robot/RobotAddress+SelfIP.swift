#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension RobotAddress {
  /// The IP address of this computer's interface that traffic to the robot leaves from: what a
  /// service registers as its host so the robot can reach it (Python's `get_self_ip`).
  ///
  /// A UDP socket is "connected" toward the robot, which sends nothing but makes the kernel
  /// choose a route and a source address. When the robot's name does not resolve or no route
  /// exists, the answer is `127.0.0.1`, as in Python.
  public func selfIP() -> String {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    #if canImport(Glibc)
      hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
    #else
      hints.ai_socktype = SOCK_DGRAM
    #endif
    var results: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(self.host, "1", &hints, &results) == 0, let first = results else {
      return "127.0.0.1"
    }
    defer { freeaddrinfo(first) }
    var current: UnsafeMutablePointer<addrinfo>? = first
    while let info = current {
      if let address = Self.sourceAddress(toward: info.pointee) { return address }
      current = info.pointee.ai_next
    }
    return "127.0.0.1"
  }

  private static func sourceAddress(toward info: addrinfo) -> String? {
    let fd = socket(info.ai_family, info.ai_socktype, info.ai_protocol)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    guard connect(fd, info.ai_addr, info.ai_addrlen) == 0 else { return nil }
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let named = withUnsafeMutablePointer(to: &storage) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else { return nil }
    var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
    let converted = withUnsafePointer(to: &storage) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getnameinfo($0, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
      }
    }
    guard converted == 0 else { return nil }
    return String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
