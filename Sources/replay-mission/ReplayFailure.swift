/// Why `replay-mission` gave up, as the one line it prints before exiting with status 1.
struct ReplayFailure: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
