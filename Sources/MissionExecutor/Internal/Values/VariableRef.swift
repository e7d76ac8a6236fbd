/// A compiled reference to a blackboard variable, possibly with a path into its value
/// (`state.power_state.motor_power_state`).
///
/// Spot allows `.` inside variable names, so a dotted name is first looked up whole, then
/// with ever shorter prefixes as the variable and the rest as the path; the candidates are
/// computed once at compile time.
struct VariableRef: Sendable, Hashable {
  /// The name as written in the mission.
  let name: String
  /// `(variable, path)` candidates, longest variable name first.
  let candidates: [Candidate]

  struct Candidate: Sendable, Hashable {
    let variable: String
    let path: [String]
  }

  init(_ name: String) {
    self.name = name
    let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    var candidates: [Candidate] = []
    var count = parts.count
    while count >= 1 {
      candidates.append(
        Candidate(
          variable: parts[0..<count].joined(separator: "."),
          path: Array(parts[count...])
        )
      )
      count -= 1
    }
    self.candidates = candidates
  }
}
