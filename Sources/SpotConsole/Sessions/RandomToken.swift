/// Unguessable ids and tokens for sessions, CSRF protection and runs.
enum RandomToken {
  /// 32 bytes from the system's cryptographically secure generator (`getrandom` on Linux,
  /// `arc4random` on Darwin), base64url-encoded without padding: 43 characters.
  static func make() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    return Self.base64URL(bytes)
  }

  /// Whether `lhs` and `rhs` are equal, in time that depends only on their lengths, so a
  /// forged token cannot be found byte by byte from response times.
  static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
    let left = Array(lhs.utf8)
    let right = Array(rhs.utf8)
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
  }

  private static func base64URL(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    var output = ""
    var index = 0
    while index < bytes.count {
      let chunk = bytes[index..<min(index + 3, bytes.count)]
      var value = 0
      for byte in chunk { value = value << 8 | Int(byte) }
      value <<= 8 * (3 - chunk.count)
      let characters = chunk.count + 1
      for position in 0..<characters {
        output.append(alphabet[(value >> (18 - 6 * position)) & 0x3F])
      }
      index += 3
    }
    return output
  }
}
