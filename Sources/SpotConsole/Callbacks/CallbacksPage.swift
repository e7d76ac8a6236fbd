/// The callbacks list: every registered remote mission service with its address and
/// liveness. The page's script rebuilds the rows from the live `callbacks` event.
enum CallbacksPage {
  static func content(_ callbacks: [CallbackSummary]) -> HTML {
    let rows = callbacks.map(Self.row)
    let emptyHidden: HTML = callbacks.isEmpty ? "" : " hidden"
    return """
      <div class="page-head"><h1>Callbacks</h1>\
      <p class="muted">Remote mission services registered in the robot's directory. The list \
      updates live.</p></div>
      <section class="card" aria-labelledby="callbacks-title">
        <h2 id="callbacks-title" class="visually-hidden">Registered callbacks</h2>
        <div class="table-wrap"><table class="data callbacks">
          <thead><tr><th scope="col">Name</th><th scope="col">Address</th>\
      <th scope="col">Liveness</th><th scope="col">Last update</th>\
      <th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody id="callback-rows" data-live="callbacks">\(HTML(rows))</tbody>
        </table></div>
        <p class="empty" id="callbacks-empty"\(emptyHidden)>No callbacks are registered. Start \
      one, such as <code>hello-world-mission-service robot …</code>, and it appears here.</p>
      </section>
      """
  }

  static func row(_ callback: CallbackSummary) -> HTML {
    """
    <tr data-name="\(callback.name)"><th scope="row"><a href="/callbacks/\(pathSegment: callback.name)">\
    \(callback.name)</a></th><td><code>\(callback.address)</code></td>\
    <td><span class="pill" data-tone="\(callback.alive ? "on" : "error")">\(callback.liveness)</span></td>\
    <td>\(callback.lastUpdate)</td><td class="actions"><a class="button small" \
    href="/callbacks/\(pathSegment: callback.name)">Open form <span class="visually-hidden">of \
    \(callback.name)</span></a></td></tr>
    """
  }
}
