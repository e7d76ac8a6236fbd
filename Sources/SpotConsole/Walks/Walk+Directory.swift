import AutowalkCompiler
import BosdynAPI
import BosdynMission
import Foundation

extension [WalkStep] {
  /// The walk as an Autowalk walk directory, laid out as the tablet saves one and as
  /// `replay-mission ROBOT autowalk --walk-directory DIR` and Boston Dynamics'
  /// `replay_mission.py` read it.
  ///
  /// The console composes actions without recording a map, so the directory's map is a
  /// straight line, 1 m apart, starting at `waypoint-0` (where the walk is localized), with
  /// one waypoint per action that has its own (``WalkStep/hasOwnWaypoint``): such an action
  /// walks to the next waypoint first; the others run where the previous action ran. A callback is a
  /// `remote_grpc` action with its form's values as parameters, the body lease and the
  /// console's run timeout as its `rpc_timeout`; a question is a `node` action holding the
  /// Prompt the mission version plays. Failures follow Autowalk's default: a question to the
  /// operator, then on with the walk.
  /// The waypoint each step runs at in the saved walk directory: `waypoint-0` is where the
  /// walk starts, each step with a waypoint of its own gets the next one, the others stay at
  /// the previous step's.
  var waypoints: [String] {
    var last = 0
    return self.map { step in
      if step.hasOwnWaypoint { last += 1 }
      return "waypoint-\(last)"
    }
  }

  func walkDirectory(name: String, callbackTimeout: Duration) -> WalkDirectory {
    let waypoints = self.waypoints
    let elements = self.enumerated().map { index, step -> Bosdyn_Api_Autowalk_Element in
      let place = index + 1
      let waypoint = waypoints[index]
      switch step.action {
      case .callback(let service, let params):
        var element = Bosdyn_Api_Autowalk_Element.element(
          "\(place). \(service)",
          at: waypoint,
          action: .callback(service, leaseResources: ["body"], timeout: callbackTimeout)
        )
        element.action.remoteGrpc.parameters.values = params
        return element
      case .prompt(let text, let options):
        return .element(
          "\(place). Question",
          at: waypoint,
          action: .node(
            .prompt(
              "\(place). Question",
              text: text,
              source: "answer_\(place)",
              options: options.enumerated().map { (text: $1, code: Int64($0)) }
            )
          )
        )
      }
    }
    return WalkDirectory(
      map: StraightLineMap(waypoints: self.count(where: \.hasOwnWaypoint) + 1, spacing: 1),
      walk: .walk(name, elements: elements)
    )
  }

  /// The steps of a walk whose every element calls a callback (`remote_grpc`) or asks a
  /// question (a `node` action that is a Prompt), as the console saves them; `nil` for any
  /// other walk (sleeps, data acquisition, other nodes), which the console cannot show as
  /// actions. An element whose target is the previous element's stays there (no waypoint of
  /// its own); a walk the console saves again gets its own map.
  init?(walk: Bosdyn_Api_Autowalk_Walk) {
    guard !walk.elements.isEmpty else { return nil }
    var steps: [WalkStep] = []
    var previousTarget: String?
    for element in walk.elements {
      let target = element.target.navigateTo.destinationWaypointID
      // The walk starts localized at waypoint-0: a first action there stays where the robot is.
      let own = target != (previousTarget ?? "waypoint-0")
      previousTarget = target
      switch element.action.action {
      case .remoteGrpc(let call) where !call.serviceName.isEmpty:
        steps.append(
          WalkStep(
            .callback(name: call.serviceName, params: call.parameters.values),
            hasOwnWaypoint: own
          )
        )
      case .node(let node):
        guard case .prompt(let prompt) = node.type, !prompt.optionsList.options.isEmpty else {
          return nil
        }
        steps.append(
          WalkStep(
            .prompt(text: prompt.text, options: prompt.optionsList.options.map(\.text)),
            hasOwnWaypoint: own
          )
        )
      default:
        return nil
      }
    }
    self = steps
  }
}
