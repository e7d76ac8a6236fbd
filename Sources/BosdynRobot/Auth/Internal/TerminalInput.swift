#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading from the terminal, with the echo turned off for secrets.
enum TerminalInput {
  /// Whether standard input is a terminal a person types on.
  static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

  /// Prints `prompt` to standard error and reads one line from standard input.
  static func readLine(prompt: String) -> String? {
    Self.writePrompt(prompt)
    return Swift.readLine(strippingNewline: true)
  }

  /// Like ``readLine(prompt:)`` but with the terminal's echo off, restored afterwards even when
  /// reading fails.
  static func readSecret(prompt: String) -> String? {
    Self.writePrompt(prompt)
    var saved = termios()
    guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return Swift.readLine() }
    var silent = saved
    silent.c_lflag &= ~tcflag_t(ECHO)
    _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
    defer {
      _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
      Self.writePrompt("\n")
    }
    return Swift.readLine(strippingNewline: true)
  }

  private static func writePrompt(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
      _ = write(STDERR_FILENO, buffer.baseAddress, buffer.count)
    }
  }
}
