import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files atomically with a given mode, so a private key is never readable by others,
/// not even for a moment, and a crash never leaves half a PEM file behind.
enum PrivateFile {
  struct WriteError: Error, CustomStringConvertible {
    var description: String
  }

  /// Writes `contents` to `path` through a temporary file in the same directory and a rename.
  static func save(_ contents: String, to path: String, mode: mode_t) throws {
    let temporaryPath = path + ".tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
    let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard descriptor >= 0 else {
      throw WriteError(description: "cannot create \(temporaryPath): \(errnoText())")
    }
    var succeeded = false
    defer {
      if !succeeded { unlink(temporaryPath) }
    }
    do {
      defer { close(descriptor) }
      // The umask may have narrowed the mode; a certificate must stay readable by clients.
      fchmod(descriptor, mode)
      let bytes = Array(contents.utf8)
      var written = 0
      while written < bytes.count {
        let result = bytes.withUnsafeBytes { buffer in
          write(descriptor, buffer.baseAddress! + written, buffer.count - written)
        }
        if result < 0 {
          if errno == EINTR { continue }
          throw WriteError(description: "cannot write \(temporaryPath): \(errnoText())")
        }
        written += result
      }
      guard fsync(descriptor) == 0 else {
        throw WriteError(description: "cannot sync \(temporaryPath): \(errnoText())")
      }
    }
    guard rename(temporaryPath, path) == 0 else {
      throw WriteError(description: "cannot rename \(temporaryPath) to \(path): \(errnoText())")
    }
    succeeded = true
  }

  /// The file's contents, or `nil` when it is missing or not UTF-8.
  static func read(_ path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(data: data, encoding: .utf8)
  }

  private static func errnoText() -> String {
    String(cString: strerror(errno))
  }
}
