extension ServiceRegistry {
  /// The domain every authority of the simulated robot lives in; the certificate covers
  /// `*.spot.robot`.
  public static let authorityDomain = "spot.robot"

  /// An authority as the directory stores and matches it: lowercased, without a `:port`
  /// suffix or trailing dot, and a bare label (`remote-mission`) expanded to
  /// `remote-mission.spot.robot`; empty (matching nothing) when the port is not a port.
  ///
  /// - Parameter authority: An authority as a client or an HTTP/2 `:authority` header gives it.
  public static func canonicalAuthority(_ authority: String) -> String {
    // Clients normally send the canonical form already (the proxy asks this on every call).
    if Self.isCanonical(authority) { return authority }
    var host = Substring(authority.lowercased().trimmingBlanks())
    if host.hasPrefix("[") {
      // An IPv6 literal: keep it whole, without any port.
      if let close = host.firstIndex(of: "]") {
        host = host[...close]
      }
      return String(host)
    }
    if let colon = host.lastIndex(of: ":"),
      host.firstIndex(of: ":") == colon,
      host[host.index(after: colon)...].allSatisfy(\.isASCIIDigit)
    {
      // `api.spot.robot:99999` names no service: a port the robot could never listen on.
      guard let port = Int(host[host.index(after: colon)...]), (1...65535).contains(port) else {
        return ""
      }
      host = host[..<colon]
    }
    while host.hasSuffix(".") {
      host = host.dropLast()
    }
    if host.isEmpty { return "" }
    if !host.contains(".") {
      return host + "." + Self.authorityDomain
    }
    return String(host)
  }

  /// Whether `authority` is `label.….spot.robot` in lowercase ASCII with nothing to strip.
  private static func isCanonical(_ authority: String) -> Bool {
    let suffix = "." + Self.authorityDomain
    guard authority.utf8.count > suffix.utf8.count, authority.hasSuffix(suffix) else {
      return false
    }
    return authority.utf8.allSatisfy { byte in
      (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
  }

  /// Why a canonical authority cannot be registered, or `nil` when it can: it must be one
  /// DNS label under `spot.robot`, so that the robot's `*.spot.robot` certificate covers it.
  static func problem(withAuthority authority: String) -> String? {
    let suffix = "." + Self.authorityDomain
    guard authority.hasSuffix(suffix) else {
      return "authority '\(authority)' is not under \(Self.authorityDomain): give a bare label "
        + "or <label>.\(Self.authorityDomain), which the robot's certificate covers"
    }
    let label = authority.dropLast(suffix.count)
    guard !label.isEmpty, label.count <= 63,
      label.allSatisfy({ $0.isASCIILetterOrDigit || $0 == "-" }),
      label.first != "-", label.last != "-"
    else {
      return "authority '\(authority)' must be a single DNS label (letters, digits, '-') "
        + "followed by .\(Self.authorityDomain)"
    }
    return nil
  }
}

extension String {
  fileprivate func trimmingBlanks() -> String {
    let start = self.firstIndex(where: { !$0.isWhitespace }) ?? self.endIndex
    let end = self.lastIndex(where: { !$0.isWhitespace }).map { self.index(after: $0) } ?? start
    return String(self[start..<end])
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { self.isASCII && self.isNumber }
  fileprivate var isASCIILetterOrDigit: Bool {
    self.isASCII && (self.isLetter || self.isNumber)
  }
}
