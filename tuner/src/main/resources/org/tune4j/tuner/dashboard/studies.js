// tune4j dashboard: the studies page. Polls /api/studies every two seconds and redraws the table.
'use strict';
(() => {
  const { el, stateBadge, duration, number, params, withToken } = T4;
  const body = document.querySelector('#studies tbody');

  function progress(finished, budget) {
    const cell = el('td', { className: 'num' }, budget === null ? String(finished) : `${finished} / ${budget}`);
    if (budget) {
      const bar = el('span');
      bar.style.width = Math.min(100, 100 * finished / budget) + '%';
      cell.append(el('span', { className: 'progress' }, bar));
    }
    return cell;
  }

  function row(s) {
    const link = el('a', { href: withToken('/study/' + encodeURIComponent(s.id)) }, s.id);
    const best = s.best;
    return el('tr', { 'data-study': s.id },
      el('td', {}, link, s.problem ? el('div', { className: 'reason' }, s.problem) : null),
      el('td', {}, stateBadge(s.state)),
      progress(s.finished, s.budget),
      el('td', { className: 'num', title: best ? 'trial ' + best.trial : null }, best ? number(best.value) : '–'),
      el('td', {}, best ? params(best.params) : ''),
      el('td', { className: 'num' }, duration(s.elapsed_seconds)),
      el('td', { className: 'num' }, s.state === 'running' ? duration(s.estimate_left_seconds) : '–'));
  }

  T4.poll(async () => {
    const data = await T4.getJson('/api/studies');
    body.replaceChildren(...data.studies.map(row));
    document.getElementById('empty').hidden = data.studies.length > 0;
    document.body.setAttribute('data-studies', String(data.studies.length));
  });
})();
