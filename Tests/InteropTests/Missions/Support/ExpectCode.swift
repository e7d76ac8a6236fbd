import BosdynCore
import Testing

/// Expects `body` to throw a `ClientError` with `code`, and returns it: every refusal of the
/// mission service reaches a Swift caller as one typed code, and the tests check exactly that.
@discardableResult
func expectCode(
  _ code: ClientError.Code,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ body: () async throws -> Void
) async -> ClientError? {
  let error = await #expect(throws: ClientError.self, sourceLocation: sourceLocation) {
    try await body()
  }
  #expect(error?.code == code, "\(String(describing: error))", sourceLocation: sourceLocation)
  return error
}
