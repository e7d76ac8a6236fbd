import SpotSimulator

/// The robot page: power, stance, lease owner, E-Stop, robot time and the directory, kept
/// live by the `robot` event of `/events`; and the power and stance buttons.
struct RobotSection: ConsoleSection {
  let robot: SimulatedRobot

  var title: String { "Robot" }
  var path: String { "/robot" }

  func addRoutes(to routes: ConsoleRoutes) {
    let controls = RobotControls(robot: self.robot)
    routes.get("/robot") { request in
      .page(
        title: "Robot",
        content: RobotPage.content(RobotSnapshot(robot: self.robot), request: request)
      )
    }
    routes.post("/robot/power") { request in
      guard let state = request.form.value("state"), state == "on" || state == "off" else {
        return .redirect(to: "/robot", flash: "Unknown power request.", isError: true)
      }
      let outcome = controls.power(on: state == "on", username: request.username)
      return .redirect(to: "/robot", flash: outcome.message, isError: outcome.isError)
    }
    routes.post("/robot/stance") { request in
      guard let stance = request.form.value("stance"), stance == "stand" || stance == "sit" else {
        return .redirect(to: "/robot", flash: "Unknown stance request.", isError: true)
      }
      let outcome = controls.stance(stand: stance == "stand", username: request.username)
      return .redirect(to: "/robot", flash: outcome.message, isError: outcome.isError)
    }
  }
}
