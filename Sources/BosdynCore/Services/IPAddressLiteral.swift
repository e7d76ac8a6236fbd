import NIOCore

/// Whether text is an IPv4 or IPv6 address written out (`127.0.0.1`, `::1`, `::`), not a host
/// name: what a service listens on (`--bind`) and what it registers as its `host_ip` in the
/// robot's directory, which the robot dials without a name lookup.
public enum IPAddressLiteral {
  /// Whether `text` is an IPv4 or IPv6 literal; `localhost`, `999.1.1.1` and `""` are not.
  public static func isValid(_ text: String) -> Bool {
    (try? SocketAddress(ipAddress: text, port: 0)) != nil
  }

  /// Whether `text` is the "any address" of IPv4 or IPv6 (`0.0.0.0`, `::`, `0:0::0`): good to
  /// listen on, but no address to register, since a robot dialling it reaches only itself.
  public static func isUnspecified(_ text: String) -> Bool {
    // The address written back in canonical form: `0:0::0` becomes `::`.
    let canonical = (try? SocketAddress(ipAddress: text, port: 0))?.ipAddress
    return canonical == "0.0.0.0" || canonical == "::"
  }
}
