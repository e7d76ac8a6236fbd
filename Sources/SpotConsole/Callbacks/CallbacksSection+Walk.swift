import BosdynAPI
import SpotSimulator

extension CallbacksSection {
  /// Adds the callback with the form's values to the walk, after the same checks as a run: a
  /// value that does not fit the spec shows at its field and nothing is added.
  func addToWalk(_ request: ConsoleRequest) async throws -> ConsoleResponse {
    let name = request.parameter("name") ?? ""
    guard let callback = CallbackSummary.named(name, in: self.robot.registry) else {
      return Self.notFound("No callback named “\(name)” is registered; it")
    }
    let spec: Bosdyn_Api_DictParam.Spec
    do {
      spec = try await CallbackClient.spec(of: callback, timeout: self.configuration.callTimeout)
    } catch {
      return .redirect(
        to: "/callbacks/\(URLPath.encodeSegment(name))",
        flash: "Could not get the callback's parameters: \(error.description)",
        isError: true
      )
    }
    let (params, issues, _) = Self.check(request.form, against: spec)
    guard issues.isEmpty else {
      return try await self.formPage(request, values: params, issues: issues, status: 422)
    }
    guard let hasOwnWaypoint = WalkStep.hasOwnWaypoint(request.form) else {
      return .redirect(
        to: "/callbacks/\(URLPath.encodeSegment(name))",
        flash: WalkStep.unknownPlaceMessage,
        isError: true
      )
    }
    guard
      self.walk.add(
        WalkStep(.callback(name: callback.name, params: params), hasOwnWaypoint: hasOwnWaypoint)
      )
    else {
      return .redirect(to: "/walks", flash: WalkPlayer.tooManyStepsMessage, isError: true)
    }
    return .redirect(to: "/walks", flash: "Added \(callback.name) to the walk.")
  }
}
