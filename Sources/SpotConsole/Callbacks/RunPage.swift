import Foundation

/// A run's calls: the panel beside a callback's form, and the page a run started without the
/// page's script shows.
enum RunPage {
  static func panel(events: [RunEvent], outcome: RunOutcome?, eventsURL: String?) -> HTML {
    let stream: HTML = eventsURL.map { " data-events=\"\($0)\"" } ?? ""
    let outcomeHTML: HTML =
      outcome.map { outcome in
        "<span class=\"outcome\" data-tone=\"\(outcome.tone)\">\(outcome.result)</span> \(outcome.summary)"
      } ?? (events.isEmpty ? "Not run yet." : "Running…")
    return """
      <section class="card run-panel" aria-labelledby="run-title" id="run-panel"\(stream)>
        <h2 id="run-title">Run</h2>
        <p class="run-outcome" id="run-outcome" role="status" aria-live="polite">\(outcomeHTML)</p>
        <ol class="run-events" id="run-events">\(HTML(events.map(Self.event)))</ol>
      </section>
      """
  }

  static func event(_ event: RunEvent) -> HTML {
    let detail: HTML = event.detail.map { "<p class=\"event-detail\">\($0)</p>" } ?? ""
    let issues = (event.issues ?? []).map { issue -> HTML in
      "<li><code>\(issue.field.isEmpty ? "(form)" : issue.field)</code> \(issue.message)</li>"
    }
    let issuesHTML: HTML = issues.isEmpty ? "" : "<ul class=\"event-issues\">\(HTML(issues))</ul>"
    return """
      <li class="run-event" data-tone="\(event.tone)"><span class="event-call">\(event.call)</span>\
      <span class="event-status">\(event.status)</span>\
      <span class="event-time">\(String(format: "%.1f", event.milliseconds)) ms</span>\
      \(detail)\(issuesHTML)</li>
      """
  }

  static func content(run: CallbackRun) -> HTML {
    let base = "/callbacks/" + URLPath.encodeSegment(run.callback.name)
    let eventsURL = "\(base)/runs/\(run.id)/events"
    return """
      <nav class="breadcrumb" aria-label="Breadcrumb"><a href="/callbacks">Callbacks</a> \
      <span aria-hidden="true">›</span> <a href="\(base)">\(run.callback.name)</a> \
      <span aria-hidden="true">›</span> <span aria-current="page">Run</span></nav>
      <div class="page-head"><h1>Run of \(run.callback.name)</h1></div>
      \(Self.panel(events: run.recordedEvents, outcome: run.outcome, eventsURL: eventsURL))
      """
  }
}
