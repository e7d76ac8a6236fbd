import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin
  private let systemWrite = Darwin.write
#endif

/// Makes a Python virtual environment's Boston Dynamics SDK trust the simulator, so that the
/// unmodified Python examples (which trust only the CA bundled with `bosdyn-client`) connect to
/// `spot-sim`.
///
/// `Sdk.load_robot_cert()` reads `bosdyn/client/resources/robot.pem` from the installed
/// package. The simulator's CA is appended to that file between two marker lines: Boston
/// Dynamics' CA stays first and untouched, so the venv still reaches real robots, and
/// ``remove()`` takes out exactly what was added.
///
/// ```swift
/// let trust = try PythonVenvTrust(venv: "/home/me/spot-venv")
/// try trust.add(caPEM: String(contentsOfFile: caPath, encoding: .utf8))
/// ```
public struct PythonVenvTrust: Sendable {
  /// Why the venv cannot be changed, in words that say what to do.
  public struct Failure: Error, CustomStringConvertible, Equatable {
    /// One line naming the path and the problem.
    public let description: String
    /// A failure described by `description`.
    public init(_ description: String) { self.description = description }
  }

  /// What ``add(caPEM:)`` or ``remove()`` did.
  public enum Change: Sendable, Equatable {
    /// The CA was not trusted and now is.
    case added
    /// Another CA was between the markers (a simulator data directory made anew); it was
    /// replaced.
    case replaced
    /// The file already said what was asked: nothing was written.
    case unchanged
    /// The CA was trusted and no longer is.
    case removed
  }

  /// The line before the simulator's CA in the bundle.
  public static let beginMarker =
    "# BEGIN spot-sim CA: added by `spot-sim trust-python`, removed by `spot-sim trust-python --remove`"
  /// The line after it.
  public static let endMarker = "# END spot-sim CA"

  /// The CA bundle of the venv's `bosdyn-client`.
  public let bundlePath: String

  /// Finds the CA bundle of the `bosdyn-client` installed in `venv`.
  ///
  /// - Throws: ``Failure`` when `venv` is not a virtual environment (no `pyvenv.cfg`) or has no
  ///   `bosdyn-client` in its `lib/python*/site-packages`.
  public init(venv: String) throws(Failure) {
    let manager = FileManager.default
    let root = URL(fileURLWithPath: venv)
    guard manager.fileExists(atPath: root.appendingPathComponent("pyvenv.cfg").path) else {
      throw Failure(
        "\(venv) is not a Python virtual environment (it has no pyvenv.cfg); "
          + "create one with `python3 -m venv \(venv)`."
      )
    }
    let relative = "site-packages/bosdyn/client/resources/robot.pem"
    let libraries = ["lib", "lib64"].map { root.appendingPathComponent($0) }
    let candidates = libraries.flatMap { library in
      ((try? manager.contentsOfDirectory(atPath: library.path)) ?? [])
        .filter { $0.hasPrefix("python") }.sorted()
        .map { library.appendingPathComponent($0).appendingPathComponent(relative).path }
    }
    guard let bundle = candidates.first(where: { manager.fileExists(atPath: $0) }) else {
      throw Failure(
        "\(venv) has no bosdyn-client (no lib/python*/\(relative)); install it with "
          + "`\(venv)/bin/pip install bosdyn-client`."
      )
    }
    self.bundlePath = bundle
  }

  /// Whether the bundle holds the simulator's CA between the markers.
  public var isTrusting: Bool {
    get throws(Failure) {
      Self.trustedBlock(in: try self.read()) != nil
    }
  }

  /// Appends `caPEM` between the markers, or replaces what is between them; idempotent.
  ///
  /// - Throws: ``Failure`` when `caPEM` holds no certificate or the bundle cannot be read or
  ///   written.
  @discardableResult
  public func add(caPEM: String) throws(Failure) -> Change {
    guard caPEM.contains("-----BEGIN CERTIFICATE-----"),
      caPEM.contains("-----END CERTIFICATE-----")
    else {
      throw Failure("The simulator's CA file holds no PEM certificate.")
    }
    let bundle = try self.read()
    let updated = Self.adding(caPEM, to: bundle)
    guard updated != bundle else { return .unchanged }
    try self.write(updated)
    return Self.trustedBlock(in: bundle) == nil ? .added : .replaced
  }

  /// Takes out the markers and what is between them; idempotent.
  ///
  /// - Throws: ``Failure`` when the bundle cannot be read or written.
  @discardableResult
  public func remove() throws(Failure) -> Change {
    let bundle = try self.read()
    let updated = Self.removing(from: bundle)
    guard updated != bundle else { return .unchanged }
    try self.write(updated)
    return .removed
  }

  /// `bundle` with `caPEM` between the markers at its end, replacing an earlier block.
  public static func adding(_ caPEM: String, to bundle: String) -> String {
    var base = Self.removing(from: bundle)
    if !base.isEmpty, !base.hasSuffix("\n") { base += "\n" }
    var certificate = caPEM
    if !certificate.hasSuffix("\n") { certificate += "\n" }
    return base + Self.beginMarker + "\n" + certificate + Self.endMarker + "\n"
  }

  /// `bundle` without the markers and what is between them.
  public static func removing(from bundle: String) -> String {
    guard let block = Self.trustedBlock(in: bundle) else { return bundle }
    var result = bundle
    result.removeSubrange(block)
    return result
  }

  /// From the begin marker's line to the end of the end marker's line.
  private static func trustedBlock(in bundle: String) -> Range<String.Index>? {
    guard let begin = bundle.range(of: Self.beginMarker + "\n"),
      let end = bundle.range(of: Self.endMarker, range: begin.upperBound..<bundle.endIndex)
    else { return nil }
    let afterEnd =
      bundle[end.upperBound...].hasPrefix("\n")
      ? bundle.index(after: end.upperBound) : end.upperBound
    return begin.lowerBound..<afterEnd
  }

  private func read() throws(Failure) -> String {
    do {
      return try String(contentsOfFile: self.bundlePath, encoding: .utf8)
    } catch {
      throw Failure("Cannot read \(self.bundlePath): \(Self.reason(error)).")
    }
  }

  /// Writes in place, keeping the file's owner and permissions (a rename would not).
  private func write(_ contents: String) throws(Failure) {
    let descriptor = open(self.bundlePath, O_WRONLY)
    guard descriptor >= 0 else {
      throw Failure(
        "Cannot write \(self.bundlePath): \(String(cString: strerror(errno))); run as the "
          + "venv's owner."
      )
    }
    defer { close(descriptor) }
    let bytes = Array(contents.utf8)
    guard ftruncate(descriptor, 0) == 0 else {
      throw Failure("Cannot write \(self.bundlePath): \(String(cString: strerror(errno))).")
    }
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes { pointer in
        systemWrite(descriptor, pointer.baseAddress, pointer.count)
      }
      guard count > 0 else {
        throw Failure("Cannot write \(self.bundlePath): \(String(cString: strerror(errno))).")
      }
      written += count
    }
  }

  private static func reason(_ error: any Error) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let underlying, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return error.localizedDescription
  }
}
