import BosdynAPI

/// A callback's form and its run panel.
///
/// The form posts to `…/run`. With the page's script, the post goes through `fetch` (the
/// page checks the values first), errors land next to their fields, and the run's calls
/// stream into the panel; without it, the server answers with this page again (errors in
/// place) or the run's own page.
enum CallbackFormPage {
  static func content(
    callback: CallbackSummary,
    form: HTML,
    specProblems: [String],
    formErrors: [String],
    request: ConsoleRequest
  ) -> HTML {
    let problems: HTML =
      specProblems.isEmpty
      ? ""
      : """
      <div class="flash warning" role="note"><p><strong>This callback's spec has problems.</strong> \
      The tablet would refuse it; the form shows what it can.</p><ul>\
      \(HTML(specProblems.map { "<li>\($0)</li>" }))</ul></div>
      """
    let formErrorHidden: HTML = formErrors.isEmpty ? " hidden" : ""
    let base = "/callbacks/" + URLPath.encodeSegment(callback.name)
    return """
      <nav class="breadcrumb" aria-label="Breadcrumb"><a href="/callbacks">Callbacks</a> \
      <span aria-hidden="true">›</span> <span aria-current="page">\(callback.name)</span></nav>
      <div class="page-head"><h1>\(callback.name)</h1>\
      <p class="muted"><code>\(callback.address)</code> · \(callback.authority) · \
      <span class="pill" data-tone="\(callback.alive ? "on" : "error")">\(callback.liveness)</span></p></div>
      \(problems)
      <div class="form-layout">
        <form class="card spec-form" id="callback-form" method="post" action="\(base)/run" \
      novalidate data-run-form>
          <h2>Parameters</h2>
          \(request.csrfField)
          <p class="form-error" id="form-error" role="alert"\(formErrorHidden)>\
      \(formErrors.joined(separator: " "))</p>
          \(form)
          <div class="field check-field"><input type="checkbox" id="run-with-lease" \
      name="\(CallbacksSection.bodyLeaseField)" value="on" aria-describedby="run-with-lease-help">\
      <label for="run-with-lease">Give the callback the body lease</label>\
      <p class="help" id="run-with-lease-help">As the tablet gives an action's callback (the \
      power-off callback needs it): the run takes the body lease and returns it when done.</p></div>
          \(WalkStep.placeSelect(id: "walk-place"))
          <div class="form-actions">
            <button type="submit" class="button primary" id="run-button">Run</button>
            <button type="button" class="button subtle" id="cancel-button" hidden>Cancel run</button>
            <button type="submit" class="button" id="add-to-walk-button" formaction="\(base)/add-to-walk" \
      data-add-to-walk>Add to walk</button>
            <span class="muted" id="run-hint">Run: EstablishSession, Tick until done, Stop, \
      TeardownSession. Add to walk: these values become an action of the walk.</span>
          </div>
        </form>
        \(RunPage.panel(events: [], outcome: nil, eventsURL: nil))
      </div>
      """
  }
}
