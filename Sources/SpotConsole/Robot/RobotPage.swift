/// The robot page's markup. Every value has an id the page's script fills in from the live
/// `robot` event.
enum RobotPage {
  static func content(_ robot: RobotSnapshot, request: ConsoleRequest) -> HTML {
    let rows = robot.directory.map(Self.directoryRow)
    return """
      <div class="page-head"><h1>Robot</h1>\
      <p class="muted">The simulated Spot as the tablet shows it. Updates live.</p></div>
      <section class="stats" aria-label="Robot state" data-live="robot">
        \(Self.stat("Motor power", id: "robot-power", value: robot.power, tone: robot.powerTone))
        \(Self.stat("Stance", id: "robot-stance", value: robot.stance, tone: robot.standing ? "on" : "neutral"))
        \(Self.stat("Body lease", id: "robot-lease", value: robot.leaseOwner, tone: "neutral"))
        \(Self.stat("E-Stop", id: "robot-estop", value: robot.estop, tone: robot.estopped ? "error" : "on"))
        \(Self.stat("Robot time", id: "robot-time", value: robot.robotTime, tone: "neutral"))
      </section>
      <section class="card" aria-labelledby="controls-title">
        <h2 id="controls-title">Controls</h2>
        <p class="muted">Each button takes the body lease, sends the command and returns the \
      lease, as the tablet does.</p>
        <div class="button-row">
          \(Self.action("/robot/power", field: "state", value: "on", label: "Power on", style: "primary", request: request))
          \(Self.action("/robot/power", field: "state", value: "off", label: "Power off", style: "danger", request: request))
          \(Self.action("/robot/stance", field: "stance", value: "stand", label: "Stand", style: "", request: request))
          \(Self.action("/robot/stance", field: "stance", value: "sit", label: "Sit", style: "", request: request))
        </div>
      </section>
      <section class="card" aria-labelledby="directory-title">
        <h2 id="directory-title">Directory</h2>
        <div class="table-wrap"><table class="data">
          <thead><tr><th scope="col">Name</th><th scope="col">Type</th>\
      <th scope="col">Authority</th><th scope="col">Endpoint</th><th scope="col">Liveness</th></tr></thead>
          <tbody id="directory-rows">\(HTML(rows))</tbody>
        </table></div>
      </section>
      """
  }

  private static func stat(_ title: String, id: String, value: String, tone: String) -> HTML {
    """
    <div class="stat"><h2 class="stat-title">\(title)</h2>\
    <p class="stat-value" id="\(id)" data-tone="\(tone)">\(value)</p></div>
    """
  }

  private static func action(
    _ path: String,
    field: String,
    value: String,
    label: String,
    style: String,
    request: ConsoleRequest
  ) -> HTML {
    """
    <form method="post" action="\(path)">\(request.csrfField)\
    <input type="hidden" name="\(field)" value="\(value)">\
    <button type="submit" class="button \(style)">\(label)</button></form>
    """
  }

  static func directoryRow(_ row: RobotSnapshot.DirectoryRow) -> HTML {
    let tone = row.healthy ? "on" : "error"
    return """
      <tr><td>\(row.name)</td><td><code>\(row.type)</code></td><td>\(row.authority)</td>\
      <td>\(row.endpoint.isEmpty ? "robot" : row.endpoint)</td>\
      <td><span class="pill" data-tone="\(tone)">\(row.liveness)</span></td></tr>
      """
  }
}
