import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Ports and output parsing for the robot fault tests.
enum FaultPolling {
  /// A TCP port on 127.0.0.1 that nothing listens on right now: bound, read and closed.
  static func freePort() throws -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw TestEnvironment.SetupError("socket() failed") }
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else { throw TestEnvironment.SetupError("bind() failed") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getsockname(socket, $0, &length)
      }
    }
    guard named == 0 else { throw TestEnvironment.SetupError("getsockname() failed") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// The port in a program's `… port N.` or `Listening on host:N` line.
  static func port(after marker: String, in output: String) -> Int? {
    guard let line = output.split(separator: "\n").first(where: { $0.contains(marker) }) else {
      return nil
    }
    let digits = line.split(whereSeparator: { !$0.isNumber }).last
    return digits.flatMap { Int($0) }
  }
}
