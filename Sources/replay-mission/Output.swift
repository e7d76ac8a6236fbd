import Foundation

/// Standard output, flushed line by line, so a person or a test reading it (through a pipe or
/// a file, where output is buffered) sees the mission's progress as it happens.
enum Output {
  static func lines(_ lines: [String]) {
    guard !lines.isEmpty else { return }
    FileHandle.standardOutput.write(Data(lines.map { $0 + "\n" }.joined().utf8))
  }
}
