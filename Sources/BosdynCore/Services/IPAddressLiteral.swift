import NIOCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether text is an IPv4 or IPv6 address written out (`127.0.0.1`, `::1`, `::`), not a host
/// name: what a service listens on (`--bind`) and what it registers as its `host_ip` in the
/// robot's directory, which the robot dials without a name lookup.
public enum IPAddressLiteral {
  /// Whether `text` is an IPv4 or IPv6 literal; `localhost`, `999.1.1.1` and `""` are not.
  public static func isValid(_ text: String) -> Bool {
    (try? SocketAddress(ipAddress: text, port: 0)) != nil
  }

  /// Why the robot could not dial `text` although it is an address: `"the unspecified (any)
  /// address"` (`0.0.0.0`, `::`, `::ffff:0.0.0.0`: good to listen on, but a robot dialling it
  /// reaches only itself), `"a broadcast address"` or `"a multicast address"` (no TCP
  /// connection goes there); `nil` for an address that can be dialled, or for text that is
  /// not an address at all (``isValid(_:)`` tells that).
  public static func undialableKind(_ text: String) -> String? {
    guard let bytes = Self.bytes(of: text) else { return nil }
    // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is judged as the IPv4 address it maps.
    let ipv4MappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xFF, 0xFF]
    let address =
      bytes.count == 16 && bytes.starts(with: ipv4MappedPrefix)
      ? Array(bytes.suffix(4)) : bytes
    if address.allSatisfy({ $0 == 0 }) { return "the unspecified (any) address" }
    if address.count == 4 {
      if address.allSatisfy({ $0 == 0xFF }) { return "a broadcast address" }
      if address[0] & 0xF0 == 0xE0 { return "a multicast address" }
    } else if address[0] == 0xFF {
      return "a multicast address"
    }
    return nil
  }

  /// The address's bytes in network order (4 or 16), or `nil` when `text` is no address.
  private static func bytes(of text: String) -> [UInt8]? {
    guard Self.isValid(text) else { return nil }
    // Zone ids (fe80::1%eth0) are not part of the address.
    let address = String(text.prefix { $0 != "%" })
    var buffer = [UInt8](repeating: 0, count: 16)
    if inet_pton(AF_INET, address, &buffer) == 1 { return Array(buffer.prefix(4)) }
    if inet_pton(AF_INET6, address, &buffer) == 1 { return buffer }
    return nil
  }
}
