import Foundation

/// Writes `line` to standard error at once (unbuffered): for the programs' error and
/// interruption messages, which a person or a test must see even when the program then exits.
public func printError(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}
