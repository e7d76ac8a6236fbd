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
  /// Whether the step has a waypoint of its own in a saved walk directory (the robot walks
  /// there first), or runs where the robot is (where the previous step ran).
  let hasOwnWaypoint: Bool

  /// A new step doing `action`, at a waypoint of its own unless `hasOwnWaypoint` is `false`.
  init(_ action: Action, hasOwnWaypoint: Bool = true) {
    self.id = RandomToken.make()
    self.action = action
    self.hasOwnWaypoint = hasOwnWaypoint
  }

  /// The form field choosing where an action runs, `own` (the default, also when the field is
  /// missing) or `here`.
  static let placeField = "_place"

  /// Whether a posted form asks for a waypoint of the action's own; `nil` for a value the
  /// select never offers (a forged or stale form), which the page refuses rather than guess.
  static func hasOwnWaypoint(_ form: FormFields) -> Bool? {
    switch form.value(Self.placeField) {
    case nil, "own": return true
    case "here": return false
    default: return nil
    }
  }

  /// What the page says when ``hasOwnWaypoint(_:)`` is `nil`.
  static let unknownPlaceMessage =
    "“Where in a walk” must be its own waypoint or where the robot is; nothing was added."

  /// The select choosing where an action runs, for the forms that add one.
  static func placeSelect(id: String) -> HTML {
    """
    <div class="field"><label for="\(id)">Where in a walk</label>\
    <p class="help" id="\(id)-help">Used by a saved walk directory and by Play as Autowalk: \
    the map has one waypoint per action with its own, and the robot walks there first. Play \
    does not walk.</p>\
    <select id="\(id)" name="\(Self.placeField)" aria-describedby="\(id)-help">\
    <option value="own" selected>Its own waypoint (walk there first)</option>\
    <option value="here">Where the robot is (no walking)</option></select></div>
    """
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
