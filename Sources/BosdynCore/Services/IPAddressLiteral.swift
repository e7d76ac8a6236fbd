import NIOCore

/// Whether text is an IPv4 or IPv6 address written out (`127.0.0.1`, `::1`, `::`), not a host
/// name: what a service listens on (`--bind`) and what it registers as its `host_ip` in the
/// robot's directory, which the robot dials without a name lookup.
public enum IPAddressLiteral {
  /// Whether `text` is an IPv4 or IPv6 literal; `localhost`, `999.1.1.1` and `""` are not.
  public static func isValid(_ text: String) -> Bool {
    (try? SocketAddress(ipAddress: text, port: 0)) != nil
  }
}
