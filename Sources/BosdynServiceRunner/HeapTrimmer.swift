import ServiceLifecycle

#if canImport(Glibc)
  import Glibc
#endif

/// Hands the heap memory freed since its last turn back to the system, every `interval`.
///
/// After a burst (a flood of connections, a thousand sessions at once) glibc keeps the freed
/// heap for later, so a long-running program's RSS would stay at its peak; `malloc_trim`
/// returns what is free. It costs well under a millisecond per turn on an idle heap. On other
/// systems it does nothing.
struct HeapTrimmer: Service {
  var interval: Duration = .seconds(10)

  /// glibc's `malloc_trim`, looked up at run time: Swift's Glibc module does not declare it
  /// (it lives in `malloc.h`), and a C library without it (musl) leaves this `nil`.
  private static let trim: (@convention(c) (Int) -> Int32)? = {
    #if canImport(Glibc)
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else {
        return nil
      }
      return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    #else
      return nil
    #endif
  }()

  func run() async throws {
    do {
      try await cancelWhenGracefulShutdown {
        while true {
          try await Task.sleep(for: self.interval)
          _ = Self.trim?(0)
        }
      }
    } catch is CancellationError {
      // Graceful shutdown (or cancellation): nothing to finish.
    }
  }
}
