import BosdynAPI
import ServiceCustomization
import SpotSimulator

/// The callbacks page, each callback's form, and running it.
struct CallbacksSection: ConsoleSection {
  let robot: SimulatedRobot
  let runs: RunRegistry
  let walk: WalkPlayer
  let configuration: SpotConsole.Configuration

  var title: String { "Callbacks" }
  var path: String { "/callbacks" }

  /// The field a script's post adds to get JSON back instead of a page.
  static let responseFormatField = "_response"
  /// The form's checkbox that gives the run's callback the body lease.
  static let bodyLeaseField = "_body_lease"

  func addRoutes(to routes: ConsoleRoutes) {
    routes.get("/callbacks") { _ in
      .page(
        title: "Callbacks",
        content: CallbacksPage.content(CallbackSummary.all(in: self.robot.registry))
      )
    }
    routes.get("/callbacks/{name}") { request in
      try await self.formPage(request, values: nil, issues: [])
    }
    routes.post("/callbacks/{name}/run") { request in
      try await self.startRun(request)
    }
    routes.post("/callbacks/{name}/add-to-walk") { request in
      try await self.addToWalk(request)
    }
    routes.get("/callbacks/{name}/runs/{run}") { request in
      guard let run = self.run(request) else { return Self.notFound("That run") }
      return .page(title: "Run of \(run.callback.name)", content: RunPage.content(run: run))
    }
    routes.get("/callbacks/{name}/runs/{run}/events") { request in
      guard let run = self.run(request) else { return .text("No such run.", status: 404) }
      return .events(run.eventStream())
    }
    routes.post("/callbacks/{name}/runs/{run}/cancel") { request in
      guard let run = self.run(request) else { return .text("No such run.", status: 404) }
      run.cancel()
      return .json(["cancelled": true])
    }
  }

  private func run(_ request: ConsoleRequest) -> CallbackRun? {
    guard let id = request.parameter("run"), let run = self.runs.run(id: id),
      run.callback.name == request.parameter("name")
    else { return nil }
    return run
  }

  /// The form, filled with `values` (the spec's defaults when `nil`), with `issues` shown.
  func formPage(
    _ request: ConsoleRequest,
    values: Bosdyn_Api_DictParam?,
    issues: [FormIssue],
    status: Int = 200
  ) async throws -> ConsoleResponse {
    let name = request.parameter("name") ?? ""
    guard let callback = CallbackSummary.named(name, in: self.robot.registry) else {
      return Self.notFound("No callback named “\(name)” is registered; it")
    }
    let spec: Bosdyn_Api_DictParam.Spec
    do {
      spec = try await CallbackClient.spec(of: callback, timeout: self.configuration.callTimeout)
    } catch {
      return .page(
        title: callback.name,
        content: """
          <nav class="breadcrumb" aria-label="Breadcrumb"><a href="/callbacks">Callbacks</a></nav>
          <div class="page-head"><h1>\(callback.name)</h1></div>
          <div class="flash error" role="alert"><p>Could not get the callback's parameters \
          (GetRemoteMissionServiceInfo at <code>\(callback.address)</code>): \(error.description)</p></div>
          """,
        status: 502
      )
    }
    var problems: [String] = []
    do { try DictSpec(proto: spec).validate() } catch { problems = error.messages }
    var renderer = FormRenderer()
    for issue in issues where !issue.field.isEmpty {
      renderer.issues[issue.field, default: []].append(issue.message)
    }
    let form = renderer.fields(of: spec, values: values ?? DictSpec(proto: spec).defaultValue)
    return .page(
      title: callback.name,
      content: CallbackFormPage.content(
        callback: callback,
        form: form,
        specProblems: problems,
        formErrors: issues.filter(\.field.isEmpty).map(\.message),
        request: request
      ),
      status: status
    )
  }

  /// Checks the posted values against the callback's current spec, and starts the run only if
  /// they fit: a value the page let through (or a forged post) never reaches the callback.
  private func startRun(_ request: ConsoleRequest) async throws -> ConsoleResponse {
    let wantsJSON = request.form.value(Self.responseFormatField) == "json"
    let name = request.parameter("name") ?? ""
    guard let callback = CallbackSummary.named(name, in: self.robot.registry) else {
      return wantsJSON
        ? .json(
          RunRefusal(error: "No callback named \(name) is registered.", issues: []),
          status: 404
        )
        : Self.notFound("No callback named “\(name)” is registered; it")
    }
    let spec: Bosdyn_Api_DictParam.Spec
    do {
      spec = try await CallbackClient.spec(of: callback, timeout: self.configuration.callTimeout)
    } catch {
      let message = "Could not get the callback's parameters: \(error.description)"
      return wantsJSON
        ? .json(RunRefusal(error: message, issues: []), status: 502)
        : .redirect(to: "/callbacks/\(URLPath.encodeSegment(name))", flash: message, isError: true)
    }
    let (params, issues, frozenDecoder) = Self.check(request.form, against: spec)
    guard issues.isEmpty else {
      if wantsJSON {
        return .json(
          RunRefusal(error: "Some values do not fit the callback's spec.", issues: issues),
          status: 422
        )
      }
      return try await self.formPage(request, values: params, issues: issues, status: 422)
    }
    let withLease = request.form.value(Self.bodyLeaseField) == "on"
    let run = CallbackRun(
      callback: callback,
      params: params,
      bodyLeaseFor: withLease ? request.username : nil
    ) { path in
      frozenDecoder.fieldName(for: path)
    }
    guard self.runs.start(run) else {
      return .text("The console is shutting down.", status: 503)
    }
    let page = "/callbacks/\(URLPath.encodeSegment(name))/runs/\(run.id)"
    if wantsJSON {
      return .json(
        RunStarted(run: run.id, page: page, events: page + "/events", cancel: page + "/cancel"),
        status: 202
      )
    }
    return .redirect(to: page)
  }

  /// The posted form's values as parameters of `spec`, and every way they do not fit it (each
  /// at its field), checked with ``/ServiceCustomization`` as the callback will check them.
  static func check(
    _ form: FormFields,
    against spec: Bosdyn_Api_DictParam.Spec
  ) -> (params: Bosdyn_Api_DictParam, issues: [FormIssue], decoder: FormDecoder) {
    var decoder = FormDecoder(form: form)
    let params = decoder.decode(spec)
    let frozenDecoder = decoder
    let issues =
      decoder.issues
      + DictSpec(proto: spec).validationIssues(for: params).map { issue in
        FormIssue(field: frozenDecoder.fieldName(for: issue.path), message: issue.text)
      }
    return (params, issues, frozenDecoder)
  }

  static func notFound(_ what: String) -> ConsoleResponse {
    .page(
      title: "Not found",
      content: """
        <nav class="breadcrumb" aria-label="Breadcrumb"><a href="/callbacks">Callbacks</a></nav>
        <div class="page-head"><h1>Not found</h1></div>
        <p>\(what) may have unregistered. <a href="/callbacks">Back to the callbacks</a>.</p>
        """,
      status: 404
    )
  }
}

/// The answer to a script's run request that was refused.
struct RunRefusal: Codable, Sendable {
  var error: String
  var issues: [FormIssue]
}

/// The answer to a script's run request that started a run.
struct RunStarted: Codable, Sendable {
  var run: String
  var page: String
  var events: String
  var cancel: String
}
