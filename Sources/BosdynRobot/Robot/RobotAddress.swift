import BosdynCore
import NIOCore
/// Where a robot listens: `ROBOT` on the command line, as `host`, `host:port` or `[v6]:port`.
///
/// The port defaults to 443, the port a real Spot serves its API on; the simulator listens
/// wherever it is told, so tests pass `127.0.0.1:<port>`.
///
/// ```swift
/// let robot = try RobotAddress(parsing: "192.168.80.3")      // port 443
/// let sim = try RobotAddress(parsing: "127.0.0.1:50443")
/// let v6 = try RobotAddress(parsing: "[::1]:50443")
/// ```
public struct RobotAddress: Sendable, Hashable, CustomStringConvertible {
  /// The port of the robot's API when none is given.
  public static let defaultPort = 443

  /// The host name or IP address, without brackets for IPv6.
  public var host: String
  /// The TCP port of the robot's TLS API endpoint.
  public var port: Int

  /// Creates an address from its parts.
  public init(host: String, port: Int = RobotAddress.defaultPort) {
    self.host = host
    self.port = port
  }

  /// Parses `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 address (`::1`).
  ///
  /// - Throws: ``RobotConnectionError`` with code `.invalidAddress` when the text is empty, a
  ///   bracket is unbalanced, the host is neither an IP address nor a host name, or the port is
  ///   not a number in 1…65535.
  public init(parsing text: String) throws {
    try self.init(unchecked: text)
    guard Self.isValidHost(self.host) else {
      throw RobotConnectionError(
        .invalidAddress,
        "'\(text.escapedForDisplay)' is not a robot address: give a host name or IP address, "
          + "with :port when not 443"
      )
    }
  }

  /// Whether `host` is an IPv4 or IPv6 literal or a DNS host name.
  private static func isValidHost(_ host: String) -> Bool {
    if host.contains(":") {
      // A scoped address (fe80::1%eth0) is checked without its zone.
      let address = host.split(separator: "%", maxSplits: 1).first.map(String.init) ?? host
      return (try? NIOCore.SocketAddress(ipAddress: address, port: 0)) != nil
    }
    // A fully qualified name may end with a dot; underscores occur in real host names.
    let name = host.hasSuffix(".") ? String(host.dropLast()) : host
    guard !name.isEmpty, name.utf8.count <= 253 else { return false }
    let labels = name.split(separator: ".", omittingEmptySubsequences: false)
    return labels.allSatisfy { label in
      !label.isEmpty && label.count <= 63
        && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
  }

  private init(unchecked text: String) throws {
    let trimmed = text.trimmingWhitespace()
    guard !trimmed.isEmpty else {
      throw RobotConnectionError(.invalidAddress, "the robot address is empty")
    }
    func port(_ digits: Substring) throws -> Int {
      guard let value = Int(digits), (1...65_535).contains(value) else {
        throw RobotConnectionError(
          .invalidAddress,
          "'\(digits)' in '\(text)' is not a port number (1-65535)"
        )
      }
      return value
    }
    if trimmed.hasPrefix("[") {
      guard let close = trimmed.firstIndex(of: "]") else {
        throw RobotConnectionError(.invalidAddress, "'\(text)' has no closing ']'")
      }
      let host = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
      let rest = trimmed[trimmed.index(after: close)...]
      guard !host.isEmpty else {
        throw RobotConnectionError(.invalidAddress, "'\(text)' has an empty host")
      }
      if rest.isEmpty {
        self.init(host: String(host))
      } else if rest.hasPrefix(":") {
        self.init(host: String(host), port: try port(rest.dropFirst()))
      } else {
        throw RobotConnectionError(.invalidAddress, "unexpected '\(rest)' after ']' in '\(text)'")
      }
      return
    }
    let colons = trimmed.filter { $0 == ":" }.count
    if colons > 1 {
      // A bare IPv6 address cannot carry a port without brackets.
      self.init(host: trimmed)
    } else if colons == 1, let colon = trimmed.firstIndex(of: ":") {
      let host = trimmed[..<colon]
      guard !host.isEmpty else {
        throw RobotConnectionError(.invalidAddress, "'\(text)' has an empty host")
      }
      self.init(host: String(host), port: try port(trimmed[trimmed.index(after: colon)...]))
    } else {
      self.init(host: trimmed)
    }
  }

  /// Whether ``host`` is an IPv6 literal (it contains a colon).
  public var isIPv6Literal: Bool { self.host.contains(":") }

  /// Whether ``host`` is an IPv4 literal such as `127.0.0.1`.
  public var isIPv4Literal: Bool {
    let parts = self.host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4
      && parts.allSatisfy { part in
        guard let value = Int(part), part.allSatisfy(\.isNumber) else { return false }
        return (0...255).contains(value)
      }
  }

  /// `host:port`, with brackets around an IPv6 host.
  public var description: String {
    self.isIPv6Literal ? "[\(self.host)]:\(self.port)" : "\(self.host):\(self.port)"
  }
}

extension String {
  fileprivate func trimmingWhitespace() -> String {
    var view = Substring(self)
    while let first = view.first, first.isWhitespace { view.removeFirst() }
    while let last = view.last, last.isWhitespace { view.removeLast() }
    return String(view)
  }
}
