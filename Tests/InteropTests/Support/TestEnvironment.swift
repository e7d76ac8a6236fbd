import Foundation
import Testing
import TestSupport

/// Where the tests find the Python peer and the built executables.
///
/// `Scripts/test.sh` sets both variables; run bare, the tests look in the package's `.venv`
/// and `.build/debug`, and fail with a hint when the Python peer is missing.
enum TestEnvironment {
  static let packageRoot: URL = PythonPeer.packageRoot

  static var python: String {
    get throws { try PythonPeer.requirePython() }
  }

  static func executable(_ name: String) throws -> String {
    let directory =
      ProcessInfo.processInfo.environment["BOSDYN_TEST_BIN"]
      ?? packageRoot.appendingPathComponent(".build/debug").path
    let path = directory + "/" + name
    guard FileManager.default.isExecutableFile(atPath: path) else {
      throw SetupError("No \(name) in \(directory): run Scripts/test.sh (it builds everything)")
    }
    // `swift test` rebuilds the test targets and the libraries they use, but not the
    // executables they start: a test must never pass or fail on yesterday's program. An
    // executable is stale when an object file of its own target or of a library it links was
    // compiled after it was linked. (Source file times would not do: an edit the compiler
    // finds makes no difference, such as a doc comment, is not recompiled or relinked.)
    if let built = Self.modificationDate(path),
      let newest = Self.newestObject(of: name, in: URL(fileURLWithPath: directory)),
      built < newest.date
    {
      throw SetupError(
        "\(path) is older than \(newest.path): run Scripts/test.sh or `swift build` first "
          + "(`swift test` does not rebuild executables)"
      )
    }
    return path
  }

  /// The most recently compiled object file of target `name` and the package targets it
  /// depends on (read from Package.swift, whose targets list their package dependencies by
  /// name), in the build directory `directory`.
  static func newestObject(of name: String, in directory: URL) -> (path: String, date: Date)? {
    let targets = Self.packageTargets
    var closure: Set<String> = []
    var pending = [name]
    while let target = pending.popLast() {
      guard closure.insert(target).inserted else { continue }
      pending += targets[target] ?? []
    }
    var newest: (path: String, date: Date)?
    for target in closure {
      // SwiftPM names a target's build folder after its C99 name (`replay-mission` →
      // `replay_mission.build`).
      let folder = directory.appendingPathComponent(
        target.replacingOccurrences(of: "-", with: "_") + ".build"
      )
      guard
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
      else { continue }
      for case let url as URL in files where url.pathExtension == "o" {
        guard let date = modificationDate(url.path) else { continue }
        if newest.map({ date > $0.date }) ?? true { newest = (url.path, date) }
      }
    }
    return newest
  }

  /// Each target of Package.swift with the names of the package targets it depends on.
  static let packageTargets: [String: [String]] = {
    let manifest =
      (try? String(
        contentsOf: packageRoot.appendingPathComponent("Package.swift"),
        encoding: .utf8
      )) ?? ""
    var targets: [String: [String]] = [:]
    let declarations =
      manifest.components(separatedBy: "Target(").dropFirst()
      + manifest.components(separatedBy: ".target(").dropFirst()
    for declaration in declarations {
      let body = declaration.prefix { $0 != ")" }
      let strings = body.split(separator: "\"", omittingEmptySubsequences: false)
        .enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
      guard body.contains("name:"), let name = strings.first else { continue }
      targets[name] = Array(strings.dropFirst())
    }
    return targets
  }()

  private static func modificationDate(_ path: String) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
  }

  static func script(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/InteropTests/Python/\(name)").path
  }

  /// What went wrong preparing or running a test's programs: the same error the shared
  /// `ChildProcess` throws.
  typealias SetupError = ChildProcess.Failure
}
