/// One call of a run, as the page lists it (`call` event): which RPC, its status, how long it
/// took, and what went wrong.
struct RunEvent: Sendable, Codable, Equatable {
  /// `EstablishSession`, `Tick 3`, `Stop`, `TeardownSession`.
  var call: String
  /// The response's status (`STATUS_SUCCESS`), or the failure (`gRPC unavailable`).
  var status: String
  /// `ok`, `running`, `error` or `neutral`: the colour.
  var tone: String
  /// The call's round trip, in milliseconds.
  var milliseconds: Double
  /// What went wrong, in words.
  var detail: String?
  /// The callback's parameter errors (`STATUS_CUSTOM_PARAMS_ERROR`), each at its field.
  var issues: [FormIssue]?
}

/// How a run ended (`done` event).
struct RunOutcome: Sendable, Codable, Equatable {
  /// `SUCCESS`, `FAILURE`, `ERROR`, `CANCELLED` or `TIMED OUT`.
  var result: String
  /// The colour.
  var tone: String
  /// One sentence.
  var summary: String
}
