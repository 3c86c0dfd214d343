// tune4j dashboard: one study's page. Polls /api/studies/{id} every two seconds; redraws the table,
// the convergence plot and the plots when the study's version changes, and the learning curves of
// the chosen trials (fetched once per finished trial; the trial in flight comes with each poll).
'use strict';
(() => {
  const { el, stateBadge, duration, number, params, withToken } = T4;
  const id = decodeURIComponent(location.pathname.split('/')[2] || '');
  const api = '/api/studies/' + encodeURIComponent(id);
  const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];
  const LIVE = 'live';
  const INTEGER_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
  const page = {
    detail: null, version: null, sort: { key: 'number', dir: 1 },
    // ?curves=3,7,live preselects trials (and the trial in flight), as in the README's screenshots
    selected: new Set((T4.query.get('curves') || '').split(',').filter(s => /^\d+$/.test(s) || s === 'live')
      .map(s => s === 'live' ? s : Number(s))),
    curves: new Map(), charts: { convergence: [], curves: [] }, tableRender: 0,
  };

  document.getElementById('name').textContent = id;
  document.title = id + ' · tune4j';
  document.getElementById('home').href = withToken('/');

  // ---- summary -------------------------------------------------------------------------------
  function renderSummary(d) {
    const state = document.getElementById('state');
    state.replaceWith(Object.assign(stateBadge(d.state), { id: 'state' }));
    const item = (label, value) => el('div', {}, el('span', {}, label), el('span', {}, value));
    const best = d.best;
    const live = d.in_flight;
    document.getElementById('summary').replaceChildren(...[
      item('trials', d.budget === null ? String(d.finished) : `${d.finished} / ${d.budget}`),
      item('best', best ? `${number(best.value)} (trial ${best.trial}): ${params(best.params)}` : '–'),
      item('elapsed', duration(d.elapsed_seconds)),
      item('time left', d.state === 'running' ? duration(d.estimate_left_seconds) : '–'),
      live ? item('in flight', `${live.log_dir}: epoch ${live.curve.length}${d.epochs ? ' of ' + d.epochs : ''}`) : null,
      d.pending_trials.length ? item('asked, not told', d.pending_trials.join(', ')) : null].filter(Boolean));
    const problem = document.getElementById('problem');
    problem.hidden = !d.problem;
    problem.textContent = d.problem || '';
  }

  // ---- trials table --------------------------------------------------------------------------
  function columns(d) {
    const dims = d.dimensions.length ? d.dimensions
      : [...new Set(d.trials.flatMap(t => Object.keys(t.params || {})))];
    return [
      { key: 'number', label: '#', num: true, get: t => t.number },
      { key: 'state', label: 'state', get: t => t.state, cell: t => stateBadge(t.state) },
      { key: 'value', label: 'value', num: true, get: t => t.value, text: t => number(t.value) },
      { key: 'seconds', label: 'seconds', num: true, get: t => t.seconds, text: t => number(t.seconds) },
      { key: 'epochs', label: 'epochs', num: true, get: t => t.epochs },
      ...dims.map(name => ({ key: 'p:' + name, label: name, num: true, get: t => t.params ? t.params[name] : null,
        text: t => number(t.params ? t.params[name] : null) })),
      { key: 'reason', label: 'reason', get: t => t.reason, className: 'reason' },
    ];
  }

  function compare(a, b) {
    if (a === b) return 0;
    if (a === null || a === undefined) return 1;
    if (b === null || b === undefined) return -1;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a).localeCompare(String(b));
  }

  function renderTable(d) {
    const cols = columns(d);
    const head = el('tr', {}, el('th', {}, 'curve'), ...cols.map(c => {
      const th = el('th', { className: (c.num ? 'num ' : '') + (page.sort.key === c.key
        ? (page.sort.dir > 0 ? 'sorted-asc' : 'sorted-desc') : ''), 'data-key': c.key }, c.label);
      th.addEventListener('click', () => {
        page.sort = { key: c.key, dir: page.sort.key === c.key ? -page.sort.dir : 1 };
        renderTable(page.detail);
      });
      return th;
    }));
    document.querySelector('#trials thead').replaceChildren(head);
    const col = cols.find(c => c.key === page.sort.key) || cols[0];
    const trials = [...d.trials].sort((a, b) => {
      const va = col.get(a), vb = col.get(b);
      const c = (va === null || va === undefined || vb === null || vb === undefined) ? compare(va, vb)
        : page.sort.dir * compare(va, vb);
      return c !== 0 ? c : a.number - b.number;
    });
    const bestTrial = d.best ? d.best.trial : null;
    const body = document.querySelector('#trials tbody');
    body.replaceChildren(...(d.in_flight ? [liveRow(d, cols)] : []));
    // the first rows at once, the rest in chunks, so a study of thousands of trials shows at once;
    // a newer render (a sort, a poll) abandons an older one's remaining chunks
    const token = ++page.tableRender;
    let next = 0;
    const chunk = size => {
      if (token !== page.tableRender) return;
      const rows = document.createDocumentFragment();
      for (const end = Math.min(trials.length, next + size); next < end; next++) {
        rows.append(trialRow(trials[next], cols, trials[next].number === bestTrial));
      }
      body.append(rows);
      if (next < trials.length) setTimeout(() => chunk(400), 0);
      else {
        document.body.setAttribute('data-rows', String(trials.length));
        if (!document.body.hasAttribute('data-all-rows-ms')) {
          document.body.setAttribute('data-all-rows-ms', String(Math.round(performance.now())));
        }
      }
    };
    chunk(100);
  }

  function checkbox(key) {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = page.selected.has(key);
    box.tabIndex = -1;
    return box;
  }

  // one listener for every row (rows come and go with each poll): a click toggles the row's curves
  document.querySelector('#trials tbody').addEventListener('click', event => {
    const tr = event.target.closest('tr[data-trial]');
    if (!tr) return;
    const key = tr.getAttribute('data-trial') === LIVE ? LIVE : Number(tr.getAttribute('data-trial'));
    if (page.selected.has(key)) page.selected.delete(key); else page.selected.add(key);
    tr.classList.toggle('selected', page.selected.has(key));
    tr.querySelector('input').checked = page.selected.has(key);
    renderCurves();
  });

  /** One row, built with plain DOM calls (a thousand of them are built when a big study opens). */
  function trialRow(t, cols, best) {
    const tr = document.createElement('tr');
    tr.setAttribute('data-trial', String(t.number));
    if (best) tr.classList.add('best');
    if (page.selected.has(t.number)) tr.classList.add('selected');
    tr.insertCell().append(checkbox(t.number));
    for (const c of cols) {
      const td = tr.insertCell();
      const cls = (c.num ? 'num ' : '') + (c.className || '');
      if (cls) td.className = cls;
      if (c.cell) {
        td.append(c.cell(t));
      } else {
        const v = c.text ? c.text(t) : c.get(t);
        td.textContent = v === null || v === undefined ? '' : String(v);
      }
    }
    return tr;
  }

  function liveRow(d, cols) {
    const f = d.in_flight;
    const cells = cols.map(c => {
      if (c.key === 'state') return el('td', {}, stateBadge('training'));
      if (c.key === 'epochs') return el('td', { className: 'num' }, f.curve.length + (d.epochs ? ' / ' + d.epochs : ''));
      if (c.key === 'reason') return el('td', {}, f.log_dir);
      return el('td', {}, c.key === 'number' ? '…' : '');
    });
    const tr = el('tr', { 'data-trial': LIVE }, el('td', {}, checkbox(LIVE)), ...cells);
    if (page.selected.has(LIVE)) tr.classList.add('selected');
    return tr;
  }

  // ---- charts (uPlot) ------------------------------------------------------------------------
  function chart(group, target, title, yLabel, xs, series) {
    const width = Math.max(300, target.clientWidth - 10);
    const u = new uPlot({
      title, width, height: 260, scales: { x: { time: false } },
      axes: [xs.fractional ? { label: xs.label } : { label: xs.label, incrs: INTEGER_STEPS }, { label: yLabel }],
      series: [{ label: xs.label }, ...series.map(s => s.opts)],
    }, [xs.values, ...series.map(s => s.values)], target);
    page.charts[group].push(u);
    return u;
  }

  function renderConvergence(d) {
    const box = document.getElementById('convergence');
    page.charts.convergence.forEach(c => c.destroy());
    page.charts.convergence = [];
    box.replaceChildren();
    const trials = [...d.trials].sort((a, b) => a.number - b.number);
    if (!trials.length) { box.append(el('p', { className: 'note' }, 'No trial has finished yet.')); return; }
    let best = null;
    const values = trials.map(t => t.state === 'complete' ? t.value : null);
    const bests = values.map(v => (best = v !== null && (best === null || v < best) ? v : best));
    chart('convergence', box, d.kind === 'tune' ? 'Value per trial: minus validation accuracy (lower is better)'
      : 'Value per trial (lower is better)', 'value', { label: 'trial', values: trials.map(t => t.number) }, [
      { opts: { label: 'value', stroke: '#1f77b4', paths: () => null, points: { show: true, size: 6, fill: '#1f77b4' } }, values },
      { opts: { label: 'best so far', stroke: '#d62728', width: 2, paths: uPlot.paths.stepped({ align: 1 }) }, values: bests },
    ]);
  }

  async function renderCurves() {
    const box = document.getElementById('curves');
    const wanted = [...page.selected].filter(k => k !== LIVE && !page.curves.has(k));
    if (wanted.length) {
      const data = await T4.getJson(api + '/curves?trials=' + wanted.join(','));
      for (const t of data.trials) page.curves.set(t.number, { curve: t.curve, reports: t.reports || [] });
      for (const k of wanted) if (!page.curves.has(k)) page.curves.set(k, { curve: [], reports: [] });
    }
    const shown = [...page.selected].filter(k => k !== LIVE || (page.detail && page.detail.in_flight))
      .sort((a, b) => (a === LIVE) - (b === LIVE) || a - b);
    page.charts.curves.forEach(c => c.destroy());
    page.charts.curves = [];
    box.replaceChildren();
    box.setAttribute('data-trials', shown.join(','));
    if (!shown.length) { box.append(el('p', { className: 'note' }, 'Click trials in the table to overlay their curves.')); return; }
    const curveOf = k => k === LIVE ? page.detail.in_flight.curve : (page.curves.get(k) || { curve: [] }).curve;
    const reportsOf = k => k === LIVE ? [] : (page.curves.get(k) || { reports: [] }).reports;
    const epochs = Math.max(1, ...shown.map(k => curveOf(k).length ? Math.max(...curveOf(k).map(e => e.epoch)) : 1));
    const xs = { label: 'epoch', values: Array.from({ length: epochs }, (_, i) => i + 1) };
    const column = (k, field) => xs.values.map(x => { const e = curveOf(k).find(r => r.epoch === x); return e ? e[field] : null; });
    const name = k => k === LIVE ? 'in flight' : 'trial ' + k;
    const colour = i => COLOURS[i % COLOURS.length];
    const lossBox = el('div', { className: 'curve-chart', 'data-chart': 'loss' });
    const accBox = el('div', { className: 'curve-chart', 'data-chart': 'accuracy' });
    box.append(lossBox, accBox);
    chart('curves', lossBox, 'Training loss', 'loss', xs, shown.map((k, i) => ({
      opts: { label: name(k), stroke: colour(i), width: 2, points: { show: true } }, values: column(k, 'loss') })));
    chart('curves', accBox, 'Accuracy: validation (solid), training (dashed)', 'accuracy', xs, shown.flatMap((k, i) => [
      { opts: { label: name(k) + ' validation', stroke: colour(i), width: 2, points: { show: true } }, values: column(k, 'val_accuracy') },
      { opts: { label: name(k) + ' training', stroke: colour(i), width: 1, dash: [6, 4] }, values: column(k, 'accuracy') },
    ]));
    if (shown.some(k => reportsOf(k).length)) reportsChart(box, shown, reportsOf, name, colour);
  }

  /** The intermediate values a pruner judged (a pruned trial's reason says at which), several trials overlaid. */
  function reportsChart(box, shown, reportsOf, name, colour) {
    const byEpochs = shown.every(k => reportsOf(k).every(r => r.epochs !== null));
    const at = r => byEpochs ? r.epochs : r.step;
    const xs = [...new Set(shown.flatMap(k => reportsOf(k).map(at)))].sort((a, b) => a - b);
    const target = el('div', { className: 'curve-chart', 'data-chart': 'reports' });
    box.append(target);
    chart('curves', target, 'Intermediate values (what the pruner judged; lower is better)', 'value',
      { label: byEpochs ? 'epochs' : 'report', values: xs, fractional: byEpochs },
      shown.filter(k => reportsOf(k).length).map(k => ({
        opts: { label: name(k), stroke: colour(shown.indexOf(k)), width: 2, spanGaps: true, points: { show: true } },
        values: xs.map(x => { const r = reportsOf(k).find(q => at(q) === x); return r ? r.value : null; }),
      })));
  }

  // ---- the report's plots --------------------------------------------------------------------
  const PLOT_TITLES = {
    'convergence.png': 'Convergence', 'evaluations.png': 'Evaluations', 'partial-dependence.png': 'Partial dependence',
    'landscape.png': 'Landscape', 'confusion-matrix.png': "Best model's confusion matrix",
    'misclassified.png': 'Misclassified test images', 'test-samples.png': 'Test images with predictions',
  };

  /** The report's PNGs of the run directory, or the dashboard's own drawing of them, with a button to draw. */
  function renderPlots(d) {
    const drawn = d.drawn && d.drawn.plots.length ? d.drawn : null;
    const own = d.plots.length && !(drawn && d.state !== 'finished');
    const names = own ? d.plots : drawn ? drawn.plots : [];
    const source = own ? '/plots/' : '/drawn/';
    const stamp = own ? d.version : drawn ? drawn.version : '';
    document.getElementById('no-plots').hidden = names.length > 0;
    const figures = names.map(p => {
      const img = el('img', {});
      img.alt = PLOT_TITLES[p] || p;
      img.src = withToken(api + source + encodeURIComponent(p) + '?v=' + encodeURIComponent(stamp));
      return el('figure', {}, el('figcaption', {}, PLOT_TITLES[p] || p), img);
    });
    document.getElementById('plots').replaceChildren(...figures);
    const status = document.getElementById('draw-status');
    const button = document.getElementById('draw');
    button.hidden = d.state === 'finished' && d.plots.length > 0;
    button.disabled = d.drawing;
    status.textContent = d.drawing ? 'drawing from the trials so far…'
      : !own && drawn ? 'drawn by the dashboard from the trials finished then'
        + (drawn.version === d.version ? '' : ' (more have finished since)') : '';
    document.getElementById('draw-notes').replaceChildren(...(!own && d.drawn ? d.drawn.notes : []).map(n => el('li', {}, n)));
  }

  document.getElementById('draw').addEventListener('click', async () => {
    document.getElementById('draw').disabled = true;
    document.getElementById('draw-status').textContent = 'drawing from the trials so far…';
    await T4.getJson(api + '/draw');
  });

  // ---- polling -------------------------------------------------------------------------------
  T4.poll(async () => {
    const polled = await T4.getJson(api + (page.version ? '?since=' + encodeURIComponent(page.version) : ''));
    // "unchanged": only the summary came (elapsed, time left); the trials are those of page.detail
    const d = polled.unchanged ? Object.assign({}, page.detail, polled) : polled;
    page.detail = d;
    renderSummary(d);
    const drawKey = JSON.stringify([d.drawing, d.drawn && d.drawn.version, d.drawn && d.drawn.plots]);
    if (drawKey !== page.drawKey && d.version === page.version) renderPlots(d);   // a drawing began or ended
    page.drawKey = drawKey;
    if (d.version !== page.version) {
      page.version = d.version;
      renderTable(d);
      renderConvergence(d);
      renderPlots(d);
      await renderCurves();
      document.body.setAttribute('data-version', d.version);
      document.body.setAttribute('data-trials', String(d.trials.length));
      if (!document.body.hasAttribute('data-first-render-ms')) {   // time from navigation to the first screen drawn
        document.body.setAttribute('data-first-render-ms', String(Math.round(performance.now())));
      }
    }
  });
})();
