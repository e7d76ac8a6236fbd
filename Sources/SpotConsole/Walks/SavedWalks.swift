import AutowalkCompiler
import Foundation
import Synchronization

/// The walk directories the console saved, in one folder of the robot's data directory (as a
/// tablet keeps its walks on the robot): listed on the walks page, loaded back by name.
///
/// Only names the console would give are accepted, so a form can never reach a file outside
/// the folder.
struct SavedWalks: Sendable {
  /// The folder holding one `NAME.walk` directory per walk.
  let folder: URL

  /// Why a walk could not be saved or loaded, in words for the page.
  struct Failure: Error, Sendable {
    let message: String
  }

  /// The names of the saved walks, sorted.
  func names() -> [String] {
    let entries =
      (try? FileManager.default.contentsOfDirectory(atPath: self.folder.path)) ?? []
    return entries.filter { $0.hasSuffix(".walk") }.map { String($0.dropLast(5)) }
      .filter { Self.isValid($0) }.sorted()
  }

  /// Where the walk `name` is (or would be) saved.
  func directory(of name: String) -> URL {
    self.folder.appendingPathComponent("\(name).walk", isDirectory: true)
  }

  /// Saves `steps` as the walk directory `name` (replacing one of that name) and returns where.
  func save(_ steps: [WalkStep], name: String, callbackTimeout: Duration) throws(Failure) -> URL {
    guard Self.isValid(name) else { throw Failure(message: Self.nameRule) }
    guard !steps.isEmpty else { throw Failure(message: "The walk has no actions to save.") }
    let directory = self.directory(of: name)
    // Written beside its place and moved in whole, one save at a time: a save that fails
    // leaves the previous walk of that name as it was, and no snapshot of an older walk stays.
    try Self.saving.withLock { _ throws(Failure) in
      let files = FileManager.default
      let staging = self.folder.appendingPathComponent(".saving-\(RandomToken.make())")
      defer { try? files.removeItem(at: staging) }
      do throws(WalkDirectory.Failure) {
        try steps.walkDirectory(name: name, callbackTimeout: callbackTimeout).write(to: staging)
      } catch {
        throw Failure(message: "The walk could not be saved: \(error.description)")
      }
      // A directory cannot be renamed over a non-empty one: the old walk steps aside first,
      // and comes back if the new one cannot take its place.
      let previous = self.folder.appendingPathComponent(".previous-\(RandomToken.make())")
      let replacing = files.fileExists(atPath: directory.path)
      do {
        if replacing { try files.moveItem(at: directory, to: previous) }
        try files.moveItem(at: staging, to: directory)
      } catch {
        if replacing { try? files.moveItem(at: previous, to: directory) }
        throw Failure(message: "The walk could not be saved: \(error.localizedDescription)")
      }
      if replacing { try? files.removeItem(at: previous) }
    }
    return directory
  }

  /// The most bytes a saved walk's files may hold together: the console's own walks (at most
  /// 1 000 actions, no recorded map) stay far below; more is a directory someone else made,
  /// which the page should not spend its request parsing.
  static let maximumWalkBytes = 16 << 20

  /// One save at a time, in every console of the process.
  private static let saving = Mutex(())

  /// The steps of the saved walk `name`.
  func load(_ name: String) throws(Failure) -> [WalkStep] {
    guard Self.isValid(name) else { throw Failure(message: Self.nameRule) }
    let saved: WalkDirectory
    do {
      saved = try WalkDirectory.read(
        from: self.directory(of: name),
        maximumBytes: Self.maximumWalkBytes
      )
    } catch {
      throw Failure(message: "\(name) could not be read: \(error.description)")
    }
    guard let steps = [WalkStep](walk: saved.walk) else {
      throw Failure(
        message: "\(name) has actions the console cannot show (only callbacks and questions); "
          + "replay-mission plays it."
      )
    }
    return steps
  }

  /// What a walk's name may be.
  static let nameRule =
    "A walk's name is 1 to 64 letters, digits, spaces, dashes, underscores or dots, "
    + "not starting with a dot or a space."

  /// Whether `name` follows ``nameRule``.
  static func isValid(_ name: String) -> Bool {
    guard (1...64).contains(name.count), let first = name.first, first != ".", first != " "
    else { return false }
    return name.allSatisfy { character in
      character.isASCII
        && (character.isLetter || character.isNumber || " -_.".contains(character))
    }
  }
}
