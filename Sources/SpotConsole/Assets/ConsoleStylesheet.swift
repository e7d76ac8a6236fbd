/// The console's stylesheet: a tablet-like layout with large touch targets, clear hierarchy
/// and status colours that also carry a word (never colour alone).
enum ConsoleStylesheet {
  static let text = #"""
    :root {
      --ink: #1b1f24;
      --muted: #5b6470;
      --line: #d9dee4;
      --surface: #ffffff;
      --page: #f3f5f7;
      --bar: #16191d;
      --accent: #f2b600;
      --accent-ink: #1b1f24;
      --focus: #1a5fd0;
      --ok: #137a3a;
      --ok-soft: #e3f4e9;
      --busy: #9a5a00;
      --busy-soft: #fdf1dc;
      --error: #b3261e;
      --error-soft: #fbe7e5;
      --neutral-soft: #eceff3;
      --radius: 10px;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      font-size: 16px;
      line-height: 1.45;
      color: var(--ink);
      background: var(--page);
    }
    * { box-sizing: border-box; }
    [hidden] { display: none !important; }
    body { margin: 0; min-height: 100vh; }
    h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
    h2 { font-size: 1.15rem; margin: 0 0 .75rem; }
    p { margin: 0 0 .5rem; }
    a { color: var(--focus); }
    code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .875em; }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .muted { color: var(--muted); }
    .visually-hidden {
      position: absolute !important; width: 1px; height: 1px; overflow: hidden;
      clip: rect(0 0 0 0); white-space: nowrap;
    }
    .skip-link { position: absolute; left: -999px; top: 0; background: var(--surface); padding: .5rem 1rem; z-index: 10; }
    .skip-link:focus { left: 1rem; }

    /* Top bar */
    .topbar {
      display: flex; align-items: center; gap: 1.5rem; flex-wrap: wrap;
      background: var(--bar); color: #f4f6f8; padding: .6rem 1.5rem;
    }
    .brand { display: flex; align-items: center; gap: .6rem; font-weight: 700; font-size: 1.1rem; margin: 0; }
    .brand-mark {
      width: 1.4rem; height: 1.4rem; border-radius: 4px; background: var(--accent);
      box-shadow: inset 0 0 0 4px var(--bar), inset 0 0 0 6px var(--accent);
    }
    .robot-name { font-weight: 400; color: #aab3bd; font-size: .95rem; }
    .topbar nav ul { display: flex; gap: .25rem; list-style: none; margin: 0; padding: 0; }
    .topbar nav a {
      display: block; color: #dfe4e9; text-decoration: none; padding: .55rem 1rem;
      border-radius: 8px; font-weight: 600;
    }
    .topbar nav a:hover { background: #262b31; }
    .topbar nav a[aria-current="page"] { background: var(--accent); color: var(--accent-ink); }
    .account { margin-left: auto; display: flex; align-items: center; gap: 1rem; font-size: .95rem; }
    .account form { margin: 0; }
    .live { font-size: .85rem; color: #aab3bd; display: inline-flex; align-items: center; gap: .4rem; }
    .live::before { content: ""; width: .6rem; height: .6rem; border-radius: 50%; background: #7b8490; }
    .live[data-state="live"]::before { background: #3ccf6e; }
    .live[data-state="lost"]::before { background: #ef5b4f; }

    main { max-width: 1200px; margin: 0 auto; padding: 1.5rem; }
    main:focus { outline: none; }
    main.bare { display: grid; place-items: center; min-height: 100vh; }
    .page-head { margin-bottom: 1.25rem; }
    .breadcrumb { font-size: .95rem; margin-bottom: .5rem; color: var(--muted); }

    .card {
      background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius);
      padding: 1.25rem 1.5rem; margin-bottom: 1.25rem; box-shadow: 0 1px 2px rgba(16, 24, 40, .04);
    }

    /* Flash messages */
    .flash { border-radius: var(--radius); padding: .75rem 1rem; margin-bottom: 1.25rem; border: 1px solid; }
    .flash p:last-child, .flash ul:last-child { margin-bottom: 0; }
    .flash.ok { background: var(--ok-soft); border-color: #9fd3b2; color: #0d5329; }
    .flash.error { background: var(--error-soft); border-color: #efb4ae; color: #7d1a14; }
    .flash.warning { background: var(--busy-soft); border-color: #efcf95; color: #6a3e00; }

    /* Sign-in */
    .sign-in { width: min(26rem, 92vw); padding: 2rem; }
    .sign-in .brand { color: var(--ink); margin-bottom: 1.25rem; }
    .sign-in .brand-mark { box-shadow: inset 0 0 0 4px var(--surface), inset 0 0 0 6px var(--accent); }
    .stack { display: grid; gap: 1rem; }

    /* Buttons */
    .button {
      display: inline-flex; align-items: center; justify-content: center; gap: .4rem;
      min-height: 2.75rem; padding: .55rem 1.2rem; border-radius: 8px; border: 1px solid #b9c1ca;
      background: var(--surface); color: var(--ink); font: inherit; font-weight: 600;
      cursor: pointer; text-decoration: none;
    }
    .button:hover { background: #f1f3f5; }
    .button.primary { background: var(--accent); border-color: #d39f00; color: var(--accent-ink); }
    .button.primary:hover { background: #e0a900; }
    .button.danger { background: var(--error); border-color: var(--error); color: #fff; }
    .button.danger:hover { background: #951f19; }
    .button.subtle { background: transparent; border-color: transparent; color: inherit; }
    .topbar .button.subtle { color: #dfe4e9; border-color: #3a4047; min-height: 2.25rem; }
    .topbar .button.subtle:hover { background: #262b31; }
    .button.small { min-height: 2.25rem; padding: .35rem .8rem; font-size: .9rem; }
    .button[disabled] { opacity: .55; cursor: not-allowed; }
    .button-row { display: flex; flex-wrap: wrap; gap: .75rem; }
    .button-row form { margin: 0; }

    /* Robot state */
    .stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 1rem; margin-bottom: 1.25rem; }
    .stat { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 1.25rem; }
    .stat-title { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 0 0 .35rem; }
    .stat-value { font-size: 1.35rem; font-weight: 700; margin: 0; display: flex; align-items: center; gap: .5rem; }
    .stat-value::before { content: ""; width: .75rem; height: .75rem; border-radius: 50%; background: #9aa3ad; flex: none; }
    .stat-value[data-tone="on"]::before { background: var(--ok); }
    .stat-value[data-tone="off"]::before { background: #9aa3ad; }
    .stat-value[data-tone="busy"]::before { background: #e09400; }
    .stat-value[data-tone="error"]::before { background: var(--error); }
    .stat-value[data-tone="neutral"]::before { display: none; }
    #robot-time { font-size: 1.05rem; font-variant-numeric: tabular-nums; }

    .pill {
      display: inline-block; padding: .15rem .6rem; border-radius: 999px; font-size: .85rem;
      font-weight: 600; background: var(--neutral-soft); color: var(--ink);
    }
    .pill[data-tone="on"] { background: var(--ok-soft); color: var(--ok); }
    .pill[data-tone="error"] { background: var(--error-soft); color: var(--error); }

    /* Tables */
    .table-wrap { overflow-x: auto; }
    table.data { width: 100%; border-collapse: collapse; font-size: .95rem; }
    table.data th, table.data td { text-align: left; padding: .65rem .75rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
    table.data thead th { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
    table.data tbody tr:last-child > * { border-bottom: none; }
    table.callbacks th[scope="row"] a { font-weight: 700; font-size: 1.05rem; }
    table.callbacks td.actions { text-align: right; }
    .empty { color: var(--muted); padding: 1rem 0 0; }

    /* Forms */
    .form-layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr); gap: 1.25rem; align-items: start; }
    @media (max-width: 900px) { .form-layout { grid-template-columns: 1fr; } }
    .spec-form h2 { margin-bottom: 1rem; }
    .field { margin: 0 0 1.1rem; }
    .label-row { display: flex; align-items: baseline; gap: .6rem; margin-bottom: .3rem; }
    label, legend, summary { font-weight: 650; }
    .key { color: var(--muted); font-weight: 400; font-size: .78rem; background: var(--neutral-soft); padding: .05rem .35rem; border-radius: 4px; }
    .key:empty { display: none; }
    .help { color: var(--muted); margin: 0 0 .4rem; font-size: .95rem; }
    .hint { color: var(--muted); font-size: .85rem; margin: .3rem 0 0; }
    .input-row { display: flex; align-items: center; gap: .5rem; }
    .units { color: var(--muted); font-weight: 600; }
    input[type="text"], input[type="password"], input[type="number"], select, textarea {
      font: inherit; padding: .6rem .75rem; min-height: 2.75rem; width: 100%; max-width: 28rem;
      border: 1px solid #aeb7c1; border-radius: 8px; background: #fff; color: var(--ink);
    }
    input[type="number"] { max-width: 12rem; }
    textarea { min-height: 6rem; }
    .sign-in input { max-width: none; }
    input:focus, select:focus, textarea:focus { border-color: var(--focus); }
    .field.invalid input, .field.invalid select, .field.invalid textarea { border-color: var(--error); background: #fffafa; }
    .field-error, .form-error {
      color: var(--error); font-weight: 600; font-size: .92rem; margin: .35rem 0 0;
      display: flex; gap: .4rem; align-items: baseline;
    }
    .field-error::before, .form-error::before { content: "!"; display: inline-grid; place-items: center; width: 1.1rem; height: 1.1rem; border-radius: 50%; background: var(--error); color: #fff; font-size: .75rem; flex: none; }
    .field-error[hidden], .form-error[hidden] { display: none; }
    .check-row { display: flex; align-items: center; gap: .6rem; }
    .check-row input { width: 1.35rem; height: 1.35rem; accent-color: var(--ok); }
    fieldset { border: none; padding: 0; margin: 0 0 1.1rem; min-width: 0; }
    fieldset > legend { padding: 0; margin-bottom: .4rem; }
    fieldset.group, details.group {
      border: 1px solid var(--line); border-radius: var(--radius); padding: .9rem 1.1rem 0;
    }
    fieldset.group > legend { padding: 0 .35rem; margin-left: -.35rem; }
    details.group { padding-bottom: .1rem; }
    details > summary { cursor: pointer; padding: .2rem 0 .8rem; }
    details.more { margin: .25rem 0 .8rem; }
    .segmented { display: inline-flex; flex-wrap: wrap; border: 1px solid #aeb7c1; border-radius: 9px; overflow: hidden; margin-bottom: .6rem; }
    .segment { position: relative; font-weight: 600; }
    .segment + .segment { border-left: 1px solid #aeb7c1; }
    .segment input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
    .segment span { display: block; padding: .55rem 1.1rem; min-height: 2.75rem; line-height: 1.65rem; }
    .segment input:checked + span { background: var(--bar); color: #fff; }
    .segment input:focus-visible + span { outline: 3px solid var(--focus); outline-offset: -3px; }
    .choice-panel { border-left: 4px solid var(--accent); padding: .6rem 0 .1rem 1rem; margin: .2rem 0 .6rem; }
    .choice-panel[hidden] { display: none; }
    ol.items { list-style: none; margin: 0 0 .6rem; padding: 0; display: grid; gap: .6rem; }
    li.item {
      display: grid; grid-template-columns: minmax(0, 1fr) auto; align-items: start; gap: .75rem;
      border: 1px solid var(--line); border-left: 4px solid #c3cad2; border-radius: 8px;
      padding: .7rem .9rem; background: #fbfcfd;
    }
    li.item > .field, li.item > fieldset { margin-bottom: 0; }
    li.item > fieldset.group { border: none; padding: 0; }
    li.item > fieldset.group > legend { margin-left: 0; padding: 0; }
    .region-layout { display: flex; gap: 1rem; flex-wrap: wrap; align-items: flex-start; }
    .region-preview { width: 14rem; height: auto; border-radius: 6px; background: #2a2f35; }
    .region-frame { fill: #2a2f35; }
    .region-area { fill: rgba(242, 182, 0, .35); stroke: var(--accent); stroke-width: 2; vector-effect: non-scaling-stroke; }
    .rectangle-inputs { display: grid; grid-template-columns: repeat(2, minmax(7rem, 1fr)); gap: .6rem; }
    .mini-field label { display: block; font-size: .85rem; margin-bottom: .2rem; }
    .mini-field input { max-width: 9rem; }
    .polygon-row { flex-direction: column; align-items: stretch; }
    .unsupported .note { color: var(--busy); }
    .form-actions { display: flex; align-items: center; flex-wrap: wrap; gap: .75rem; border-top: 1px solid var(--line); padding-top: 1rem; margin-top: .5rem; }
    .form-actions .muted { font-size: .85rem; }

    /* Runs */
    .run-panel { position: sticky; top: 1rem; }
    .run-outcome { font-size: 1.05rem; display: flex; align-items: center; gap: .6rem; flex-wrap: wrap; }
    .outcome {
      display: inline-block; padding: .3rem .8rem; border-radius: 6px; font-weight: 800;
      letter-spacing: .04em; background: var(--neutral-soft);
    }
    .outcome[data-tone="ok"] { background: var(--ok); color: #fff; }
    .outcome[data-tone="error"] { background: var(--error); color: #fff; }
    .outcome[data-tone="running"] { background: var(--busy-soft); color: var(--busy); }
    ol.run-events { list-style: none; margin: .75rem 0 0; padding: 0; font-size: .92rem; }
    .run-event {
      display: grid; grid-template-columns: 1fr auto auto; gap: .25rem .75rem; align-items: baseline;
      padding: .5rem .6rem; border-left: 4px solid #9aa3ad; background: #fafbfc; margin-bottom: .35rem; border-radius: 0 6px 6px 0;
    }
    .run-event[data-tone="ok"] { border-left-color: var(--ok); }
    .run-event[data-tone="running"] { border-left-color: #e09400; }
    .run-event[data-tone="error"] { border-left-color: var(--error); background: #fff7f6; }
    .event-call { font-weight: 700; }
    .event-status { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
    .event-time { color: var(--muted); font-variant-numeric: tabular-nums; font-size: .85rem; text-align: right; min-width: 4.5rem; }
    .event-detail, .event-issues { grid-column: 1 / -1; margin: .15rem 0 0; color: var(--muted); }
    .event-issues { padding-left: 1.2rem; color: var(--error); }

    /* Walks */
    .stack { display: grid; gap: 1.25rem; align-content: start; }
    .stack > .card { margin: 0; }
    ol.walk-steps { list-style: none; margin: 0; padding: 0; display: grid; gap: .6rem; counter-reset: step; }
    ol.walk-steps:empty { display: none; }
    .walk-step {
      display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .6rem;
      border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 8px;
      padding: .7rem .9rem; background: #fbfcfd; counter-increment: step;
    }
    .walk-step[data-kind="Question"] { border-left-color: var(--bar); }
    .walk-step-text { display: grid; grid-template-columns: auto 1fr; gap: .2rem .6rem; align-items: center; min-width: 0; }
    .walk-step-text::before { content: counter(step) "."; font-weight: 800; grid-row: span 2; color: var(--muted); }
    .walk-step-text .pill { justify-self: start; }
    .walk-download { margin: 1rem 0 0; display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; font-size: .9rem; }
    .walk-step-title { overflow-wrap: anywhere; }
    .walk-step-place { grid-column: 2 / -1; font-size: .8rem; color: var(--muted); }
    .walk-step-detail { grid-column: 2 / -1; font-size: .8rem; color: var(--muted); overflow-wrap: anywhere; }
    .walk-step .button-row { gap: .4rem; }
    .question-form .field input { max-width: none; }
    .save-form { margin: 1.25rem 0 0; padding-top: 1rem; border-top: 1px solid var(--line); }
    .saved-walk-form { margin: 0 0 1.25rem; padding-bottom: 1rem; border-bottom: 1px solid var(--line); }
    .saved-walk-form label { display: block; margin-bottom: .3rem; }
    .load-form input[type="file"] { font: inherit; border: none; padding: 0; min-height: 0; }
    .load-form input[type="file"]::file-selector-button {
      font: inherit; font-weight: 600; margin-right: .75rem; padding: .45rem .9rem; border-radius: 8px;
      border: 1px solid #aeb7c1; background: var(--surface); cursor: pointer;
    }
    .walk-panel { position: sticky; top: 1rem; }
    .walk-timeline { list-style: none; margin: 0; padding: 0; max-height: 22rem; overflow-y: auto; font-size: .85rem; }
    .timeline-call { display: grid; grid-template-columns: 4rem minmax(0, 1fr) auto; column-gap: .6rem; align-items: start; padding: .35rem 0; border-bottom: 1px solid var(--line); }
    .call-at, .call-duration { grid-column: 1; font-variant-numeric: tabular-nums; color: var(--muted); }
    .call-at { grid-row: 1; }
    .call-duration { grid-row: 2; font-size: .78rem; }
    .call-what { grid-column: 2; grid-row: 1 / span 2; overflow-wrap: anywhere; }
    .call-what strong { display: block; }
    .timeline-call .pill { grid-column: 3; grid-row: 1 / span 2; align-self: center; }
    .walk-panel .button-row { margin: .25rem 0 1rem; }
    .walk-question {
      border: 2px solid var(--accent); border-radius: var(--radius); padding: .8rem 1rem; margin-bottom: 1rem;
      background: #fffaeb;
    }
    .walk-question p { margin: 0 0 .6rem; }
    .walk-tree-title { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: .5rem 0; }
    ol.walk-nodes { list-style: none; margin: 0; padding: 0; font-size: .95rem; }
    .walk-node { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; padding: .4rem 0; border-bottom: 1px solid var(--line); }
    .walk-node:last-child { border-bottom: none; }
    .walk-node[data-depth="1"] { padding-left: 1.25rem; }
    .walk-node[data-depth="2"] { padding-left: 2.5rem; }
    .walk-node[data-depth="3"] { padding-left: 3.75rem; }
    .walk-node[data-depth="4"] { padding-left: 5rem; }
    .node-name { flex: 1; font-weight: 600; }
    .node-ticks { color: var(--muted); font-size: .85rem; font-variant-numeric: tabular-nums; }
    .node-error { flex-basis: 100%; color: var(--error); font-size: .85rem; }
    .pill[data-tone="busy"] { background: var(--busy-soft); color: var(--busy); }
    """#
}
