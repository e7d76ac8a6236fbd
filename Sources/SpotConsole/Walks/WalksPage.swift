/// The walks page's markup: the walk's actions (left) and the mission playing it (right). The
/// page's script redraws the mission panel from the live `walk` event.
enum WalksPage {
  static func content(
    steps: [WalkStep],
    snapshot: WalkSnapshot,
    saved: [String],
    request: ConsoleRequest
  ) -> HTML {
    let waypoints = steps.waypoints
    let rows = steps.enumerated().map { index, step in
      Self.step(
        step,
        place: index + 1,
        waypoint: waypoints[index],
        last: index == steps.count - 1,
        request: request
      )
    }
    let emptyHidden: HTML = steps.isEmpty ? "" : " hidden"
    return """
      <div class="page-head"><h1>Walks</h1>\
      <p class="muted">Compose a walk from the callbacks' actions and questions for the operator, \
      then play it as a mission on the robot's mission service.</p></div>
      <div class="form-layout">
        <div class="stack">
          <section class="card" aria-labelledby="steps-title">
            <h2 id="steps-title">Actions</h2>
            <ol class="walk-steps" id="walk-steps">\(HTML(rows))</ol>
            \(Self.save(hidden: steps.isEmpty, request: request))
            \(Self.download(hidden: steps.isEmpty))
            <p class="empty" id="walk-empty"\(emptyHidden)>No actions yet. Open a callback's form \
      from <a href="/callbacks">Callbacks</a>, fill it in and choose <strong>Add to walk</strong>, \
      or add a question below.</p>
          </section>
          <section class="card" aria-labelledby="load-title">
            <h2 id="load-title">Load a walk</h2>
            \(Self.open(saved, request: request))
            <form method="post" action="/walks/load" class="load-form" data-load-walk>\(request.csrfField)
              <input type="hidden" name="mission" value=""><input type="hidden" name="file_name" value="">
              <div class="field"><label for="walk-file">Mission file</label>\
      <p class="help" id="walk-file-help">One the console saved; it replaces the actions above.</p>\
      <input type="file" id="walk-file" accept=".pb" required aria-describedby="walk-file-help"></div>
              <button type="submit" class="button">Load</button>
            </form>
          </section>
          <section class="card" aria-labelledby="question-title">
            <h2 id="question-title">Add a question</h2>
            <form method="post" action="/walks/questions" class="question-form">\(request.csrfField)
              <div class="field"><label for="question-text">Question</label>\
      <input type="text" id="question-text" name="text" value="Continue the walk?" required></div>
              <div class="field"><label for="question-options">Answers</label>\
      <p class="help" id="question-options-help">Separated by commas; the first answers with code 0.</p>\
      <input type="text" id="question-options" name="options" value="Continue, Skip" required \
      aria-describedby="question-options-help"></div>
              \(WalkStep.placeSelect(id: "question-place"))
              <button type="submit" class="button">Add question</button>
            </form>
          </section>
        </div>
        \(Self.panel(snapshot, request: request))
      </div>
      """
  }

  /// The form saving the walk as a walk directory on the robot.
  private static func save(hidden: Bool, request: ConsoleRequest) -> HTML {
    guard !hidden else { return "" }
    return """
      <form method="post" action="/walks/save" class="save-form">\(request.csrfField)
        <div class="field"><label for="walk-name">Walk name</label>\
      <p class="help" id="walk-name-help">Saved as a walk directory in the robot's data \
      directory, one waypoint per action: <code>replay-mission ROBOT autowalk</code> plays it.</p>\
      <input type="text" id="walk-name" name="name" value="Console walk" required maxlength="64" \
      aria-describedby="walk-name-help"></div>
        <button type="submit" class="button">Save walk</button>
      </form>
      """
  }

  /// The form opening a saved walk directory, when there is one.
  private static func open(_ saved: [String], request: ConsoleRequest) -> HTML {
    guard !saved.isEmpty else { return "" }
    let options = saved.map { name -> HTML in "<option value=\"\(name)\">\(name)</option>" }
    return """
      <form method="post" action="/walks/open" class="saved-walk-form">\(request.csrfField)
        <div class="field"><label for="saved-walk">Saved walk</label>\
      <p class="help" id="saved-walk-help">Walks saved from this page; opening one replaces the \
      actions above.</p><select id="saved-walk" name="name" aria-describedby="saved-walk-help">\(HTML(options))</select></div>
        <button type="submit" class="button">Open</button>
      </form>
      """
  }

  private static func download(hidden: Bool) -> HTML {
    guard !hidden else { return "" }
    return """
      <p class="walk-download"><a class="button small" href="/walks/walk-mission.pb" download>\
      Download the mission file</a> <span class="muted">A serialized \
      <code>bosdyn.api.mission.Node</code>: <code>replay-mission ROBOT simple walk-mission.pb</code> \
      plays it.</span></p>
      """
  }

  private static func step(
    _ step: WalkStep,
    place: Int,
    waypoint: String,
    last: Bool,
    request: ConsoleRequest
  ) -> HTML {
    let summary = step.summary
    let base = "/walks/steps/\(step.id)"
    func button(_ action: String, _ label: String, disabled: Bool) -> HTML {
      let state: HTML = disabled ? " disabled" : ""
      return """
        <form method="post" action="\(base)/\(action)">\(request.csrfField)\
        <button type="submit" class="button small"\(state)>\(label)<span class="visually-hidden"> \
        action \(place)</span></button></form>
        """
    }
    return """
      <li class="walk-step" data-kind="\(summary.kind)"><div class="walk-step-text">\
      <span class="pill">\(summary.kind)</span> <strong class="walk-step-title">\(summary.title)</strong>\
      <code class="walk-step-detail">\(summary.detail)</code>\
      <span class="walk-step-place">\(step.hasOwnWaypoint ? "at " : "stays at ")\(waypoint)</span></div>\
      <div class="button-row">\(button("up", "Up", disabled: place == 1))\
      \(button("down", "Down", disabled: last))\(button("remove", "Remove", disabled: false))</div></li>
      """
  }

  static func panel(_ snapshot: WalkSnapshot, request: ConsoleRequest) -> HTML {
    func control(_ action: String, _ label: String, style: String, enabled: Bool) -> HTML {
      let state: HTML = enabled ? "" : " disabled"
      return """
        <form method="post" action="/walks/\(action)">\(request.csrfField)\
        <button type="submit" class="button \(style)" id="walk-\(action)"\(state)>\(label)</button></form>
        """
    }
    let errorHidden: HTML = snapshot.error.isEmpty ? " hidden" : ""
    return """
      <section class="card walk-panel" aria-labelledby="mission-title" id="walk-panel" \
      data-events="/walks/events">
        <h2 id="mission-title">Mission</h2>
        <p class="run-outcome" role="status" aria-live="polite"><span class="outcome" \
      id="walk-status" data-tone="\(snapshot.tone)">\(snapshot.status)</span></p>
        <p class="form-error" id="walk-error" role="alert"\(errorHidden)>\(snapshot.error)</p>
        <div class="button-row">\(control("play", "Play", style: "primary", enabled: snapshot.canPlay))\
      \(control("autowalk", "Play as Autowalk", style: "", enabled: snapshot.canPlay))\
      \(control("pause", "Pause", style: "", enabled: snapshot.canPause))\
      \(control("stop", "Stop", style: "danger", enabled: snapshot.canStop))</div>
        <div id="walk-questions" aria-live="assertive">\
      \(HTML(snapshot.questions.map { Self.question($0, request: request) }))</div>
        <h3 class="walk-tree-title">Nodes</h3>
        <ol class="walk-nodes" id="walk-nodes">\(HTML(snapshot.nodes.map(Self.node)))</ol>
        <p class="muted" id="walk-nodes-empty"\(snapshot.nodes.isEmpty ? "" : " hidden")>\
      <strong>Play</strong> loads the walk as a mission and runs its actions where the robot is; \
      <strong>Play as Autowalk</strong> uploads the walk's map and plays it as the tablet does \
      (power on, stand, walk to each action's waypoint). The nodes and their results show here.</p>
        <h3 class="walk-tree-title" id="timeline-title">Callback calls</h3>
        <p class="muted" id="walk-timeline-earlier"\(snapshot.earlierCalls == 0 ? " hidden" : "")>\
      \(Self.earlier(snapshot.earlierCalls))</p>
        <ol class="walk-timeline" id="walk-timeline" aria-labelledby="timeline-title">\
      \(HTML(snapshot.timeline.map(Self.call)))</ol>
        <p class="muted" id="walk-timeline-empty"\(snapshot.timeline.isEmpty ? "" : " hidden")>\
      Each call the mission service makes to a callback shows here as it happens.</p>
      </section>
      """
  }

  static func question(_ question: WalkSnapshot.Question, request: ConsoleRequest) -> HTML {
    let options = question.options.map { option -> HTML in
      """
      <form method="post" action="/walks/answer">\(request.csrfField)\
      <input type="hidden" name="question" value="\(String(question.id))">\
      <input type="hidden" name="code" value="\(String(option.code))">\
      <button type="submit" class="button primary">\(option.text)</button></form>
      """
    }
    return """
      <div class="walk-question" role="group" aria-label="Question"><p><strong>\(question.text)</strong></p>\
      <div class="button-row">\(HTML(options))</div></div>
      """
  }

  /// "3 ticks" ("≥ 3 ticks" when some were missed), or nothing before the first.
  static func ticks(_ count: Int, lowerBound: Bool) -> String {
    guard count > 0 else { return "" }
    return (lowerBound ? "≥ " : "") + (count == 1 ? "1 tick" : "\(count) ticks")
  }

  /// "3 earlier calls not shown".
  static func earlier(_ count: Int) -> String {
    count == 1 ? "1 earlier call not shown" : "\(count) earlier calls not shown"
  }

  /// One row of the callback-call timeline.
  static func call(_ call: WalkSnapshot.Call) -> HTML {
    """
    <li class="timeline-call"><span class="call-at">\(call.at)</span>\
    <span class="call-what"><strong>\(call.rpc)</strong> \(call.service)</span>\
    <span class="pill" data-tone="\(call.tone)">\(call.outcome)</span>\
    <span class="call-duration">\(call.duration)</span></li>
    """
  }

  static func node(_ node: WalkSnapshot.Node) -> HTML {
    let error: HTML = node.error.isEmpty ? "" : "<span class=\"node-error\">\(node.error)</span>"
    return """
      <li class="walk-node" data-depth="\(String(min(node.depth, 4)))" data-node="\(String(node.id))">\
      <span class="node-name">\(node.name)</span>\
      <span class="node-ticks">\(Self.ticks(node.ticks, lowerBound: node.ticksAreLowerBound))</span>\
      <span class="pill" data-tone="\(node.tone)">\(node.state)</span>\(error)</li>
      """
  }
}
