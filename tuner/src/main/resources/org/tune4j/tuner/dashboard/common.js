// tune4j dashboard: helpers shared by both pages. Every value from a study is put into the page
// with textContent (el() below), never as markup, so a parameter named <script> shows as text.
'use strict';
const T4 = (() => {
  const query = new URLSearchParams(location.search);
  const token = query.get('token');
  const POLL_MS = 2000;
  const KNOWN_STATES = ['running', 'finished', 'interrupted', 'idle', 'complete', 'failed', 'pruned', 'training'];

  /** url with the page's token, when it has one. */
  function withToken(url) {
    if (!token) return url;
    return url + (url.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token);
  }

  async function getJson(url) {
    const r = await fetch(withToken(url), { cache: 'no-store', credentials: 'same-origin' });
    if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
    return r.json();
  }

  /** An element with text children (strings become text nodes) and a few properties. */
  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null) continue;
      if (k === 'className') e.className = v;
      else if (k === 'title') e.title = String(v);
      else if (k === 'href') e.href = v;
      else if (k.startsWith('data-')) e.setAttribute(k, String(v));
      else throw new Error('el: unsupported property ' + k);
    }
    for (const c of children) {
      if (c === undefined || c === null) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  /** A state badge: the text as the file spells it; a known state also gets its colour. */
  function stateBadge(state) {
    const s = String(state);
    return el('span', { className: 'state ' + (KNOWN_STATES.includes(s) ? 'state-' + s : 'state-other') }, s);
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    const s = Math.round(seconds);
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : m > 0 ? `${m} min ${String(r).padStart(2, '0')} s` : `${r} s`;
  }

  function number(v) {
    if (v === null || v === undefined) return '–';
    if (typeof v !== 'number') return String(v);
    if (Number.isInteger(v)) return String(v);
    const a = Math.abs(v);
    return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(3) : v.toPrecision(4);
  }

  /** {"lr": 0.001, "act": "relu"} as "lr=0.001, act=relu". */
  function params(p) {
    if (!p || typeof p !== 'object') return '';
    return Object.entries(p).map(([k, v]) => k + '=' + number(v)).join(', ');
  }

  /** Calls step() now and then every two seconds after each call ends; shows the connection's state. */
  function poll(step) {
    const status = document.getElementById('connection');
    async function tick() {
      try {
        await step();
        status.textContent = 'live · updated ' + new Date().toLocaleTimeString();
        status.classList.remove('lost');
      } catch (e) {
        status.textContent = 'connection lost, retrying (' + e.message + ')';
        status.classList.add('lost');
      }
      setTimeout(tick, POLL_MS);
    }
    tick();
  }

  return { query, withToken, getJson, el, stateBadge, duration, number, params, poll };
})();
