import BosdynAPI

/// One action of a walk: a callback with the values its form was filled with, or a question
/// for the operator.
struct WalkStep: Sendable, Equatable {
  /// What the step does.
  enum Action: Sendable, Equatable {
    /// Calls the registered callback `name` with `params` (a RemoteGrpc node).
    case callback(name: String, params: Bosdyn_Api_DictParam)
    /// Asks `text` with `options` and waits for the answer (a Prompt node).
    case prompt(text: String, options: [String])
  }

  /// The step's id in the page's forms: random, so a stale page cannot remove another step.
  let id: String
  let action: Action

  /// A new step doing `action`.
  init(_ action: Action) {
    self.id = RandomToken.make()
    self.action = action
  }

  /// The step as the walk's list shows it: a kind, a title, a detail line.
  var summary: (kind: String, title: String, detail: String) {
    switch self.action {
    case .callback(let name, let params):
      return ("Callback", name, ParamsText.line(params))
    case .prompt(let text, let options):
      return ("Question", text, options.joined(separator: " · "))
    }
  }
}
