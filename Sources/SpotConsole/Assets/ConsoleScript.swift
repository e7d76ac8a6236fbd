/// The console's script: live updates over server-sent events, a callback form's one-ofs and
/// lists, checking values before they are sent, following a run, and a walk's mission panel.
/// Plain JavaScript, no framework; it writes text with `textContent` only, never markup, so
/// nothing from the robot or a callback can become script.
enum ConsoleScript {
  static let text = #"""
    'use strict';
    (function () {
      const csrf = document.body.dataset.csrf;

      // ----- Small helpers -----------------------------------------------------------------
      function element(tag, attributes, text) {
        const node = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
        if (text !== undefined) node.textContent = text;
        return node;
      }
      function isShown(node) {
        return !node.closest('[hidden]') && !node.closest('template');
      }

      // ----- Live updates: robot state, directory, callbacks ------------------------------
      function connectLive() {
        const status = document.getElementById('live-status');
        const source = new EventSource('/events');
        source.addEventListener('open', () => {
          if (status) { status.dataset.state = 'live'; status.textContent = 'Live'; }
        });
        source.addEventListener('error', () => {
          if (status) { status.dataset.state = 'lost'; status.textContent = 'Reconnecting…'; }
        });
        source.addEventListener('robot', (event) => showRobot(JSON.parse(event.data)));
        source.addEventListener('callbacks', (event) => showCallbacks(JSON.parse(event.data)));
      }

      function setStat(id, text, tone) {
        const node = document.getElementById(id);
        if (!node) return;
        node.textContent = text;
        if (tone) node.dataset.tone = tone;
      }

      function showRobot(robot) {
        setStat('robot-power', robot.power, robot.powerTone);
        setStat('robot-stance', robot.stance, robot.standing ? 'on' : 'neutral');
        setStat('robot-lease', robot.leaseOwner, 'neutral');
        setStat('robot-estop', robot.estop, robot.estopped ? 'error' : 'on');
        setStat('robot-time', robot.robotTime, 'neutral');
        const rows = document.getElementById('directory-rows');
        if (!rows) return;
        rows.replaceChildren(...robot.directory.map((entry) => {
          const row = element('tr');
          row.append(element('td', {}, entry.name));
          const type = element('td');
          type.append(element('code', {}, entry.type));
          row.append(type, element('td', {}, entry.authority),
            element('td', {}, entry.endpoint || 'robot'));
          const liveness = element('td');
          liveness.append(element('span', { class: 'pill', 'data-tone': entry.healthy ? 'on' : 'error' },
            entry.liveness));
          row.append(liveness);
          return row;
        }));
      }

      function showCallbacks(callbacks) {
        const rows = document.getElementById('callback-rows');
        if (!rows) return;
        rows.replaceChildren(...callbacks.map((callback) => {
          const href = '/callbacks/' + encodeURIComponent(callback.name);
          const row = element('tr', { 'data-name': callback.name });
          const name = element('th', { scope: 'row' });
          name.append(element('a', { href: href }, callback.name));
          const address = element('td');
          address.append(element('code', {}, callback.address));
          const liveness = element('td');
          liveness.append(element('span', { class: 'pill', 'data-tone': callback.alive ? 'on' : 'error' },
            callback.liveness));
          const actions = element('td', { class: 'actions' });
          const open = element('a', { class: 'button small', href: href }, 'Open form ');
          open.append(element('span', { class: 'visually-hidden' }, 'of ' + callback.name));
          actions.append(open);
          row.append(name, address, liveness, element('td', {}, callback.lastUpdate), actions);
          return row;
        }));
        const empty = document.getElementById('callbacks-empty');
        if (empty) empty.hidden = callbacks.length > 0;
      }

      // ----- One-ofs ---------------------------------------------------------------------
      function showChoice(radio) {
        const fieldset = radio.closest('[data-kind="one-of"]');
        if (!fieldset) return;
        for (const panel of fieldset.querySelectorAll(':scope > .choice-panel')) {
          panel.hidden = panel.dataset.choice !== radio.value;
        }
      }

      // ----- Lists -----------------------------------------------------------------------
      function replacePlaceholder(root, placeholder, index) {
        for (const node of root.querySelectorAll('*')) {
          for (const attribute of Array.from(node.attributes)) {
            if (attribute.value.includes(placeholder)) {
              attribute.value = attribute.value.split(placeholder).join(index);
            }
          }
          if (node.tagName === 'TEMPLATE') replacePlaceholder(node.content, placeholder, index);
        }
      }

      function listItems(list) {
        return Array.from(list.querySelector(':scope > ol.items').children);
      }

      function refreshList(list) {
        const items = listItems(list);
        items.forEach((item, position) => {
          const name = 'Item ' + (position + 1);
          const label = item.querySelector('label, legend, summary');
          if (label && /^(Item \d+|New item)\s*$/.test(label.textContent)) label.textContent = name;
          const removeName = item.querySelector(':scope > [data-remove] [data-item-name]');
          if (removeName) removeName.textContent = name;
        });
        const min = Number(list.dataset.minCount || 0);
        const max = list.dataset.maxCount === undefined ? Infinity : Number(list.dataset.maxCount);
        const add = list.querySelector(':scope > [data-add]');
        if (add) add.disabled = items.length >= max;
        for (const item of items) {
          const remove = item.querySelector(':scope > [data-remove]');
          if (remove) remove.disabled = items.length <= min;
        }
      }

      function addItem(list) {
        const template = list.querySelector(':scope > template[data-template]');
        const index = String(Number(list.dataset.next || 0));
        list.dataset.next = String(Number(index) + 1);
        const fragment = template.content.cloneNode(true);
        replacePlaceholder(fragment, list.dataset.placeholder.slice(1), index);
        const item = fragment.firstElementChild;
        list.querySelector(':scope > ol.items').append(fragment);
        refreshList(list);
        if (item) for (const nested of item.querySelectorAll('[data-kind="list"]')) refreshList(nested);
        const first = item && item.querySelector('input:not([type="hidden"]), select, textarea');
        if (first) first.focus();
      }

      function removeItem(button) {
        const list = button.closest('[data-kind="list"]');
        button.closest('li.item').remove();
        refreshList(list);
        const add = list.querySelector(':scope > [data-add]');
        if (add) add.focus();
      }

      // ----- Regions of interest -----------------------------------------------------------
      function updateRegion(input) {
        const fieldset = input.closest('[data-kind="roi"]');
        const area = fieldset && fieldset.querySelector('rect.region-area');
        if (!area) return;
        const part = input.dataset.regionPart;
        const attribute = { x: 'x', y: 'y', cols: 'width', rows: 'height' }[part];
        if (attribute && /^\d+$/.test(input.value)) area.setAttribute(attribute, input.value);
      }

      function showShape(radio) {
        const fieldset = radio.closest('[data-kind="roi"]');
        for (const part of fieldset.querySelectorAll('[data-shape]')) part.hidden = part.dataset.shape !== radio.value;
      }

      // ----- Checking values before they are sent ----------------------------------------
      function checkNumber(input, kind) {
        const text = input.value.trim();
        if (kind === 'int') {
          if (!/^-?\d+$/.test(text)) return text === '' ? 'Enter a whole number.' : 'Enter a whole number, without decimals.';
          const value = BigInt(text);
          if (input.dataset.min !== undefined && value < BigInt(input.dataset.min)) return 'Must be at least ' + input.dataset.min + '.';
          if (input.dataset.max !== undefined && value > BigInt(input.dataset.max)) return 'Must be at most ' + input.dataset.max + '.';
          return null;
        }
        const value = Number(text);
        if (text === '' || !Number.isFinite(value)) return 'Enter a number.';
        if (input.dataset.min !== undefined && value < Number(input.dataset.min)) return 'Must be at least ' + input.dataset.min + '.';
        if (input.dataset.max !== undefined && value > Number(input.dataset.max)) return 'Must be at most ' + input.dataset.max + '.';
        return null;
      }

      function checkForm(form) {
        const issues = [];
        for (const field of form.querySelectorAll('[data-field]')) {
          if (!isShown(field)) continue;
          const name = field.dataset.field;
          const kind = field.dataset.kind;
          if (kind === 'int' || kind === 'double') {
            const input = field.querySelector('input');
            const message = input && checkNumber(input, kind);
            if (message) issues.push({ field: name, message: message });
          } else if (kind === 'list') {
            const count = listItems(field).length;
            const min = field.dataset.minCount, max = field.dataset.maxCount;
            if (min !== undefined && count < Number(min)) issues.push({ field: name, message: 'Add at least ' + min + (min === '1' ? ' item.' : ' items.') });
            if (max !== undefined && count > Number(max)) issues.push({ field: name, message: 'Keep at most ' + max + (max === '1' ? ' item.' : ' items.') });
          } else if (kind === 'roi') {
            for (const input of field.querySelectorAll('input[type="number"]')) {
              if (isShown(input) && !/^\d+$/.test(input.value.trim())) { issues.push({ field: name, message: 'The rectangle takes whole numbers of pixels.' }); break; }
            }
            const polygon = field.querySelector('[data-region-part="polygon"]');
            if (polygon && isShown(polygon) && !/^\s*(-?\d+,-?\d+\s*)*$/.test(polygon.value)) issues.push({ field: name, message: 'Write the polygon as x,y pairs.' });
          }
        }
        return issues;
      }

      function clearIssues(form) {
        for (const slot of form.querySelectorAll('[data-error-for]')) { slot.hidden = true; slot.textContent = ''; }
        for (const field of form.querySelectorAll('.invalid')) field.classList.remove('invalid');
        for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
        const formError = document.getElementById('form-error');
        if (formError) { formError.hidden = true; formError.textContent = ''; }
      }

      function showIssues(form, issues) {
        let first = null;
        for (const issue of issues) {
          const slot = Array.from(form.querySelectorAll('[data-error-for]')).find((node) => node.dataset.errorFor === issue.field);
          if (!slot) {
            const formError = document.getElementById('form-error');
            if (formError) {
              formError.hidden = false;
              formError.textContent = (formError.textContent ? formError.textContent + ' ' : '') +
                (issue.field ? issue.field + ': ' : '') + issue.message;
            }
            continue;
          }
          slot.hidden = false;
          slot.textContent = slot.textContent ? slot.textContent + ' ' + issue.message : issue.message;
          // A field in a collapsed group is shown with its error.
          for (let group = slot.closest('details'); group; group = group.parentElement.closest('details')) {
            group.open = true;
          }
          const field = slot.closest('[data-field]');
          if (field) {
            field.classList.add('invalid');
            const input = field.querySelector('input:not([type="hidden"]), select, textarea');
            if (input) {
              input.setAttribute('aria-invalid', 'true');
              if (!first) first = input;
            }
          }
        }
        if (first) first.focus();
      }

      // ----- Runs ------------------------------------------------------------------------
      function runEvent(event) {
        const item = element('li', { class: 'run-event', 'data-tone': event.tone });
        item.append(element('span', { class: 'event-call' }, event.call),
          element('span', { class: 'event-status' }, event.status),
          element('span', { class: 'event-time' }, event.milliseconds.toFixed(1) + ' ms'));
        if (event.detail) item.append(element('p', { class: 'event-detail' }, event.detail));
        if (event.issues && event.issues.length) {
          const list = element('ul', { class: 'event-issues' });
          for (const issue of event.issues) list.append(element('li', {}, (issue.field || '(form)') + ': ' + issue.message));
          item.append(list);
        }
        return item;
      }

      function setOutcome(result, tone, summary) {
        const outcome = document.getElementById('run-outcome');
        if (!outcome) return;
        outcome.replaceChildren();
        if (result) outcome.append(element('span', { class: 'outcome', 'data-tone': tone }, result), ' ');
        outcome.append(summary);
      }

      function followRun(eventsURL, form, onDone) {
        const events = document.getElementById('run-events');
        const source = new EventSource(eventsURL);
        source.addEventListener('open', () => events.replaceChildren());
        source.addEventListener('call', (message) => {
          const event = JSON.parse(message.data);
          events.append(runEvent(event));
          if (event.tone !== 'running') setOutcome('RUNNING', 'running', event.call + ': ' + event.status);
          if (form && event.issues && event.issues.length) showIssues(form, event.issues);
        });
        source.addEventListener('done', (message) => {
          const outcome = JSON.parse(message.data);
          source.close();
          setOutcome(outcome.result, outcome.tone, outcome.summary);
          if (onDone) onDone(outcome);
        });
        return source;
      }

      function post(url, fields) {
        const body = new URLSearchParams(fields);
        body.set('_csrf', csrf);
        return fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
      }

      function setUpRunForm(form) {
        const runButton = document.getElementById('run-button');
        const cancelButton = document.getElementById('cancel-button');
        let cancelURL = null;
        cancelButton.addEventListener('click', () => {
          if (cancelURL) post(cancelURL, {});
          cancelButton.disabled = true;
        });
        form.addEventListener('submit', async (submission) => {
          if (submission.submitter && submission.submitter.hasAttribute('data-add-to-walk')) {
            // Adding to the walk is a plain post (the server checks again); only the page's
            // check runs here.
            clearIssues(form);
            const issues = checkForm(form);
            if (issues.length) {
              submission.preventDefault();
              showIssues(form, issues);
              setOutcome('NOT ADDED', 'error', 'Fix the highlighted values; nothing was added to the walk.');
            }
            return;
          }
          submission.preventDefault();
          clearIssues(form);
          const issues = checkForm(form);
          if (issues.length) {
            showIssues(form, issues);
            setOutcome('NOT SENT', 'error', 'Fix the highlighted values; nothing was sent to the callback.');
            return;
          }
          const fields = new URLSearchParams(new FormData(form));
          fields.set('_response', 'json');
          runButton.disabled = true;
          setOutcome('', '', 'Starting…');
          let response;
          try {
            response = await fetch(form.action, { method: 'POST', body: fields, credentials: 'same-origin', headers: { Accept: 'application/json' } });
          } catch (error) {
            runButton.disabled = false;
            setOutcome('ERROR', 'error', 'The console did not answer: ' + error.message);
            return;
          }
          const type = response.headers.get('Content-Type') || '';
          if (response.status !== 202) {
            runButton.disabled = false;
            if (type.startsWith('application/json')) {
              const refusal = await response.json();
              showIssues(form, refusal.issues || []);
              setOutcome('NOT SENT', 'error', refusal.error);
            } else {
              setOutcome('REFUSED', 'error', (await response.text()).trim());
            }
            return;
          }
          const started = await response.json();
          cancelURL = started.cancel;
          cancelButton.hidden = false;
          cancelButton.disabled = false;
          followRun(started.events, form, () => {
            runButton.disabled = false;
            cancelButton.hidden = true;
            runButton.focus();
          });
        });
      }

      // ----- Walks: the mission panel -----------------------------------------------------
      function postForm(action, fields, label, style) {
        const form = element('form', { method: 'post', action: action });
        form.append(element('input', { type: 'hidden', name: '_csrf', value: csrf }));
        for (const [name, value] of Object.entries(fields)) {
          form.append(element('input', { type: 'hidden', name: name, value: String(value) }));
        }
        form.append(element('button', { type: 'submit', class: 'button ' + style }, label));
        return form;
      }

      function showWalk(walk) {
        const status = document.getElementById('walk-status');
        if (!status) return;
        status.textContent = walk.status;
        status.dataset.tone = walk.tone;
        const error = document.getElementById('walk-error');
        error.textContent = walk.error;
        error.hidden = !walk.error;
        document.getElementById('walk-play').disabled = !walk.canPlay;
        document.getElementById('walk-autowalk').disabled = !walk.canPlay;
        document.getElementById('walk-pause').disabled = !walk.canPause;
        document.getElementById('walk-stop').disabled = !walk.canStop;
        const questions = document.getElementById('walk-questions');
        const asked = walk.questions.map((question) => String(question.id)).join(',');
        if (questions.dataset.asked !== asked) {
          questions.dataset.asked = asked;
          questions.replaceChildren(...walk.questions.map((question) => {
            const group = element('div', { class: 'walk-question', role: 'group', 'aria-label': 'Question' });
            const text = element('p');
            text.append(element('strong', {}, question.text));
            const row = element('div', { class: 'button-row' });
            row.append(...question.options.map((option) =>
              postForm('/walks/answer', { question: question.id, code: option.code }, option.text, 'primary')));
            group.append(text, row);
            return group;
          }));
        }
        document.getElementById('walk-nodes-empty').hidden = walk.nodes.length > 0;
        document.getElementById('walk-nodes').replaceChildren(...walk.nodes.map((node) => {
          const item = element('li', { class: 'walk-node', 'data-depth': String(Math.min(node.depth, 4)),
            'data-node': String(node.id) });
          const ticks = node.ticks === 0 ? '' : (node.ticksAreLowerBound ? '≥ ' : '') +
            (node.ticks === 1 ? '1 tick' : node.ticks + ' ticks');
          item.append(element('span', { class: 'node-name' }, node.name),
            element('span', { class: 'node-ticks' }, ticks),
            element('span', { class: 'pill', 'data-tone': node.tone }, node.state));
          if (node.error) item.append(element('span', { class: 'node-error' }, node.error));
          return item;
        }));
        const earlier = document.getElementById('walk-timeline-earlier');
        earlier.hidden = walk.earlierCalls === 0;
        earlier.textContent = walk.earlierCalls === 1 ? '1 earlier call not shown'
          : walk.earlierCalls + ' earlier calls not shown';
        document.getElementById('walk-timeline-empty').hidden = walk.timeline.length > 0;
        document.getElementById('walk-timeline').replaceChildren(...walk.timeline.map((call) => {
          const item = element('li', { class: 'timeline-call' });
          const what = element('span', { class: 'call-what' });
          what.append(element('strong', {}, call.rpc), ' ' + call.service);
          item.append(element('span', { class: 'call-at' }, call.at), what,
            element('span', { class: 'pill', 'data-tone': call.tone }, call.outcome),
            element('span', { class: 'call-duration' }, call.duration));
          return item;
        }));
      }

      function setUpLoadForm(form) {
        form.addEventListener('submit', (submission) => {
          submission.preventDefault();
          const file = document.getElementById('walk-file').files[0];
          if (!file) return;
          const reader = new FileReader();
          reader.addEventListener('load', () => {
            const bytes = new Uint8Array(reader.result);
            let binary = '';
            for (const byte of bytes) binary += String.fromCharCode(byte);
            form.elements.mission.value = btoa(binary);
            form.elements.file_name.value = file.name;
            form.submit();
          });
          reader.readAsArrayBuffer(file);
        });
      }

      function followWalk(panel) {
        const source = new EventSource(panel.dataset.events);
        source.addEventListener('walk', (event) => showWalk(JSON.parse(event.data)));
      }

      // ----- Wiring ----------------------------------------------------------------------
      document.addEventListener('change', (event) => {
        const target = event.target;
        if (target.matches('[data-kind="one-of"] > .segmented input[type="radio"]')) showChoice(target);
        if (target.matches('[data-kind="roi"] .segmented input[type="radio"]')) showShape(target);
      });
      document.addEventListener('input', (event) => {
        if (event.target.dataset && event.target.dataset.regionPart) updateRegion(event.target);
      });
      document.addEventListener('click', (event) => {
        const add = event.target.closest('[data-add]');
        if (add) { addItem(add.closest('[data-kind="list"]')); return; }
        const remove = event.target.closest('[data-remove]');
        if (remove) removeItem(remove);
      });

      for (const list of document.querySelectorAll('[data-kind="list"]')) refreshList(list);
      const form = document.querySelector('form[data-run-form]');
      if (form) setUpRunForm(form);
      const runPanel = document.getElementById('run-panel');
      if (runPanel && runPanel.dataset.events) followRun(runPanel.dataset.events, null, null);
      const walkPanel = document.getElementById('walk-panel');
      if (walkPanel) followWalk(walkPanel);
      const loadForm = document.querySelector('form[data-load-walk]');
      if (loadForm) setUpLoadForm(loadForm);
      if (csrf) connectLive();
    })();
    """#
}
