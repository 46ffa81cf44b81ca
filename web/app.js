// newsfuse web page: the story list and each story's briefing.
//
// A single-page app without framework or build step. The server sends
// index.html for "/" and "/story/{id}"; this script reads location.pathname
// and draws the page from the JSON API (/api/...).
//
// Everything shown comes from news articles, i.e. untrusted input: the DOM is
// built with createElement/textContent only (never innerHTML), and links to
// outlets are kept only when they are http(s) URLs.
'use strict';

// ---- DOM helpers ------------------------------------------------------------

// h('a', {href: '/x', class: 'y', onclick: f}, 'text', child, [more]) builds an
// element; strings become text nodes, null/false children are skipped.
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value == null || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'style') for (const [p, v] of Object.entries(value)) el.style.setProperty(p, v);
      else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
      else if (key === 'href') {
        const safe = safeHref(value);
        if (safe) el.setAttribute('href', safe);
      } else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  add(el, children);
  return el;
}

function add(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

// Local paths, in-page anchors and http(s) URLs only (no javascript:, data:).
function safeHref(href) {
  const s = String(href);
  if (s.startsWith('#') || (s.startsWith('/') && !s.startsWith('//'))) return s;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;

// ---- dates ------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// "YYYY-MM-DD[THH:MM]" as written by the outlet (no time zone): parsed by
// hand so that the browser's zone never shifts the day.
function parseStamp(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(s || '');
  if (!m) return null;
  return { y: +m[1], mo: +m[2], d: +m[3], time: m[4] ? `${m[4]}:${m[5]}` : null };
}

function formatDay(p, withYear = true) {
  return `${p.d} ${MONTHS[p.mo - 1]}${withYear ? ` ${p.y}` : ''}`;
}

function formatMonth(p) {
  return `${MONTHS[p.mo - 1]} ${p.y}`;
}

function formatStamp(s, { time = true } = {}) {
  const p = parseStamp(s);
  if (!p) return s || '';
  return formatDay(p) + (time && p.time && p.time !== '00:00' ? `, ${p.time}` : '');
}

function formatSpan(first, last) {
  const a = parseStamp(first);
  const b = parseStamp(last);
  if (!a && !b) return 'date unknown';
  if (!a || !b) return formatDay(a || b);
  if (a.y === b.y && a.mo === b.mo && a.d === b.d) return formatDay(a);
  if (a.y === b.y) return `${formatDay(a, false)} – ${formatDay(b)}`;
  return `${formatDay(a)} – ${formatDay(b)}`;
}

function weekday(p) {
  return WEEKDAYS[new Date(Date.UTC(p.y, p.mo - 1, p.d)).getUTCDay()];
}

function ago(unix) {
  if (!unix) return '';
  const seconds = Math.round(unix - Date.now() / 1000);
  const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const steps = [[60, 'second'], [60, 'minute'], [24, 'hour'], [30, 'day'], [12, 'month'], [Infinity, 'year']];
  let v = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(v) < size) return rtf.format(Math.round(v), unit);
    v /= size;
  }
  return '';
}

// ---- API ----------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;  // 0: the server could not be reached
  }
}

async function getJson(url) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'The newsfuse server cannot be reached.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: fall through with the HTTP status alone
  }
  if (!response.ok) {
    const message = body && body.error && body.error.message;
    throw new ApiError(response.status, message || `HTTP ${response.status}`);
  }
  if (body == null) throw new ApiError(response.status, 'The server sent something that is not JSON.');
  return body;
}

// ---- outlets: one colour per outlet for the whole page ------------------------------

const PALETTE = ['#2563eb', '#c2410c', '#15803d', '#9333ea', '#be123c', '#0e7490', '#a16207', '#4338ca',
  '#65a30d', '#db2777', '#0f766e', '#7c2d12'];

function hashColour(name) {
  let x = 0;
  for (const ch of name) x = (x * 31 + ch.codePointAt(0)) >>> 0;
  return hslToHex(x % 360, 0.6, 0.4);
}

function hslToHex(hue, sat, light) {
  const f = (n) => {
    const k = (n + hue / 30) % 12;
    const v = light - sat * Math.min(light, 1 - light) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255).toString(16).padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

// WCAG relative luminance of '#rrggbb'.
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// The colour darkened (towards black, keeping its hue) until white text on
// it has a contrast of at least 4.7:1 (WCAG AA asks 4.5:1 for small text;
// the margin covers rounding): citation numbers and source numbers are
// white on the outlet's colour.
function readableOnWhite(hex) {
  let rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const toHex = (c) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
  for (let i = 0; i < 40 && 1.05 / (luminance(toHex(rgb)) + 0.05) < 4.7; i++) rgb = rgb.map((v) => v * 0.95);
  return toHex(rgb);
}

// "www.example.com" of an http(s) URL as "example.com"; null otherwise.
function hostOf(url) {
  const safe = url ? safeHref(url) : null;
  return safe ? new URL(safe).hostname.replace(/^www\./, '') || null : null;
}

// The story's sources, numbered [1]..[n] in briefing order; outlets get
// distinct colours in order of first appearance.
class Sources {
  constructor(list) {
    this.list = [];
    this.byId = new Map();
    const colours = new Map();
    (list || []).forEach((s, i) => {
      const outlet = s.outlet || null;
      // An outlet the text does not name goes by its web site, else by number.
      const label = outlet || hostOf(s.url) || `Article ${i + 1}`;
      if (!colours.has(label)) {
        const k = colours.size;
        colours.set(label, readableOnWhite(k < PALETTE.length ? PALETTE[k] : hashColour(label)));
      }
      const entry = { ...s, n: i + 1, outlet, colour: colours.get(label), label, unnamed: !outlet };
      this.list.push(entry);
      this.byId.set(s.id, entry);
    });
  }

  get(id) {
    return this.byId.get(id) || { id, n: '?', label: id, colour: '#6b7280', unnamed: true };
  }

  // Distinct outlets by name (the count the story list shows), and the
  // number of articles whose outlet is not named.
  outletCounts() {
    const named = new Set(this.list.filter((s) => s.outlet).map((s) => s.outlet));
    return { named: named.size, unnamed: this.list.filter((s) => !s.outlet).length };
  }

  // Distinct outlets of a list of source ids (two articles of one outlet
  // make one badge).
  outletsOf(ids) {
    const seen = new Map();
    for (const id of ids || []) {
      const s = this.get(id);
      if (!seen.has(s.label)) seen.set(s.label, s);
    }
    return [...seen.values()];
  }
}

function badge(source, extra) {
  return h('span', { class: `badge${extra ? ` ${extra}` : ''}`, style: { '--oc': source.colour }, title: source.title || null },
    h('span', { class: 'dot', 'aria-hidden': 'true' }), source.label);
}

// A story with many outlets would bury the text under badges: past `max`,
// the rest hide behind a "+N" button that shows them.
function capped(className, items, max = 5) {
  const box = h('span', { class: className });
  if (items.length <= max) return add(box, items);
  const shown = max - 2;
  const more = h('button', {
    type: 'button', class: 'more-badges', 'aria-label': `Show ${items.length - shown} more`,
    onclick: () => more.replaceWith(...items.slice(shown)),
  }, `+${items.length - shown}`);
  return add(box, [items.slice(0, shown), more]);
}

function badges(sources, ids) {
  return capped('badges', sources.outletsOf(ids).map((s) => badge(s)));
}

// ---- tooltip: an outlet's own sentence --------------------------------------------

const tipData = new WeakMap();  // trigger element -> {source, sentence}
let tipOwner = null;
let tipPinned = false;

function tipTrigger(el, source, sentence) {
  tipData.set(el, { source, sentence });
  el.setAttribute('aria-describedby', 'tip');
  return el;
}

function showTip(el) {
  const data = tipData.get(el);
  const tip = document.getElementById('tip');
  if (!data || !tip) return;
  tipOwner = el;
  const { source, sentence } = data;
  tip.replaceChildren();
  add(tip, [
    h('div', { class: 'tip-head' }, badge(source),
      source.published ? h('span', { class: 'tip-date' }, formatStamp(source.published)) : null),
    sentence ? h('p', { class: 'tip-text' }, `“${sentence}”`) : h('p', { class: 'tip-text muted' }, 'This outlet reports it.'),
    source.title ? h('p', { class: 'tip-title' }, source.title) : null]);
  tip.hidden = false;
  const r = el.getBoundingClientRect();
  const margin = 8;
  const width = Math.min(380, window.innerWidth - 2 * margin);
  tip.style.setProperty('width', `${width}px`);
  let left = r.left + r.width / 2 - width / 2;
  left = Math.max(margin, Math.min(left, window.innerWidth - width - margin));
  const height = tip.offsetHeight;
  let top = r.top - height - margin;
  if (top < margin) top = r.bottom + margin;
  tip.style.setProperty('left', `${left + window.scrollX}px`);
  tip.style.setProperty('top', `${top + window.scrollY}px`);
}

function hideTip() {
  const tip = document.getElementById('tip');
  if (tip) tip.hidden = true;
  tipOwner = null;
  tipPinned = false;
}

function triggerOf(target) {
  const el = target instanceof Element ? target.closest('[aria-describedby="tip"]') : null;
  return el && tipData.has(el) ? el : null;
}

document.addEventListener('mouseover', (e) => {
  const el = triggerOf(e.target);
  if (el && el !== tipOwner) { tipPinned = false; showTip(el); }
});
document.addEventListener('mouseout', (e) => {
  const el = triggerOf(e.target);
  if (el && !tipPinned && !el.contains(e.relatedTarget) && document.activeElement !== el) hideTip();
});
document.addEventListener('focusin', (e) => {
  const el = triggerOf(e.target);
  if (el) showTip(el);
});
document.addEventListener('focusout', (e) => {
  if (triggerOf(e.target) && !tipPinned) hideTip();
});
document.addEventListener('click', (e) => {
  const el = triggerOf(e.target);
  if (el) { // touch screens have no hover: a tap pins the sentence
    showTip(el);
    tipPinned = true;
  } else if (!(e.target instanceof Element && e.target.closest('#tip'))) hideTip();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') hideTip();
});
window.addEventListener('resize', hideTip);

// ---- routing ----------------------------------------------------------------------

let renderToken = 0;
let renderedRoute = '';

function navigate(href) {
  history.pushState(null, '', href);
  route();
  window.scrollTo(0, 0);
  main().focus({ preventScroll: true });  // screen readers start at the new page
}

document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
  if (!a || a.target || a.origin !== location.origin) return;
  if (a.pathname.startsWith('/api/') || a.pathname.startsWith('/assets/')) return;
  if (a.pathname === location.pathname && a.search === location.search && a.hash) return;  // in-page anchor
  e.preventDefault();
  navigate(a.pathname + a.search + a.hash);
});

window.addEventListener('popstate', () => {
  if (location.pathname + location.search !== renderedRoute) route();
});

function route() {
  hideTip();
  renderedRoute = location.pathname + location.search;
  const token = ++renderToken;
  const m = /^\/story\/([^/]+)\/?$/.exec(location.pathname);
  if (m) {
    let id = m[1];
    try {
      id = decodeURIComponent(id);
    } catch {
      // a malformed escape: ask for the id as written (the server says 404)
    }
    return storyPage(id, token);
  }
  if (location.pathname === '/' || location.pathname === '/index.html') {
    return listPage(new URLSearchParams(location.search), token);
  }
  return notFoundPage();
}

// A mistyped address: say so, with a way back (the server answers 404
// with this page rather than raw JSON).
function notFoundPage() {
  document.title = 'Page not found — newsfuse';
  done(h('section', { class: 'error not-found', role: 'alert' },
    h('h1', null, 'Page not found'),
    h('p', null, 'There is no page at ', h('code', null, location.pathname), '.'),
    h('p', { class: 'actions' }, h('a', { class: 'button', href: '/' }, 'All stories'))));
}

const main = () => document.getElementById('main');
const current = (token) => token === renderToken;

function loading(what) {
  const m = main();
  m.setAttribute('aria-busy', 'true');
  m.replaceChildren(h('div', { class: 'loading', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), `Loading ${what}…`),
  h('div', { class: 'skeleton', 'aria-hidden': 'true' },
    h('div', { class: 'sk sk-title' }), h('div', { class: 'sk' }), h('div', { class: 'sk' }), h('div', { class: 'sk sk-short' })));
}

function done(...children) {
  const m = main();
  m.removeAttribute('aria-busy');
  m.replaceChildren(...children.flat().filter(Boolean));
}

function errorState(err, retry) {
  let title = 'Something went wrong';
  let text = err.message;
  if (err.status === 0) {
    title = 'The newsfuse server cannot be reached';
    text = ['It may have stopped, or the network is down. Check that ', h('code', null, 'newsfuse serve'),
      ' is running, then try again.'];
  }
  return h('section', { class: 'error', role: 'alert' },
    h('h1', null, title), h('p', null, text),
    h('p', { class: 'actions' },
      retry ? h('button', { type: 'button', class: 'button', onclick: retry }, 'Try again') : null,
      h('a', { class: 'button ghost', href: '/' }, 'All stories')));
}

// ---- story list --------------------------------------------------------------------

const PAGE = 30;

async function listPage(params, token) {
  const sort = params.get('sort') === 'largest' ? 'largest' : 'recent';
  const q = params.get('q') || '';
  const entity = params.get('entity') || '';
  document.title = entity ? `${entity} — newsfuse` : q ? `“${q}” — newsfuse` : 'Stories — newsfuse';

  const hrefWith = (changes) => {
    const p = new URLSearchParams();
    const next = { sort, q, entity, ...changes };
    if (next.sort === 'largest') p.set('sort', 'largest');
    if (next.q) p.set('q', next.q);
    if (next.entity) p.set('entity', next.entity);
    const s = p.toString();
    return s ? `/?${s}` : '/';
  };

  // The box says what the list shows: after a name search, the name and
  // "A name" stay in it.
  const input = h('input', {
    type: 'search', name: 'q', value: entity || q,
    placeholder: entity ? 'A person, organisation or place' : 'Search headlines and articles',
    'aria-label': 'Search stories', autocomplete: 'off', enterkeyhint: 'search',
  });
  const mode = h('select', { 'aria-label': 'Search for', class: 'mode' },
    h('option', { value: 'text' }, 'Words'), h('option', { value: 'entity', selected: !!entity }, 'A name'));
  mode.value = entity ? 'entity' : 'text';
  mode.addEventListener('change', () => {
    input.placeholder = mode.value === 'entity' ? 'A person, organisation or place' : 'Search headlines and articles';
  });
  const form = h('form', {
    class: 'search', role: 'search',
    onsubmit: (e) => {
      e.preventDefault();
      const value = input.value.trim();
      navigate(hrefWith(mode.value === 'entity' ? { entity: value, q: '' } : { q: value, entity: '' }));
    },
  }, mode, input, h('button', { type: 'submit', class: 'button' }, 'Search'));

  const toggle = h('nav', { class: 'toggle', 'aria-label': 'Order' },
    h('a', { href: hrefWith({ sort: 'recent' }), 'aria-current': sort === 'recent' ? 'page' : null }, 'Latest'),
    h('a', { href: hrefWith({ sort: 'largest' }), 'aria-current': sort === 'largest' ? 'page' : null }, 'Largest'));

  const filters = [];
  if (entity) {
    filters.push(h('span', { class: 'chip' }, 'Mentions ', h('strong', null, entity),
      h('a', { class: 'chip-x', href: hrefWith({ entity: '' }), 'aria-label': `Stop filtering by ${entity}` }, '×')));
  }
  if (q) {
    filters.push(h('span', { class: 'chip' }, 'Text ', h('strong', null, `“${q}”`),
      h('a', { class: 'chip-x', href: hrefWith({ q: '' }), 'aria-label': 'Clear the search' }, '×')));
  }

  const list = h('ol', { class: 'stories' });
  const more = h('p', { class: 'more' });
  const heading = h('h1', { class: 'page-title' }, entity || q ? 'Matching stories' : sort === 'largest' ? 'Largest stories' : 'Latest stories');
  const body = h('div', { class: 'list-body' }, list, more);

  done(h('div', { class: 'list-head' }, heading, toggle), form,
    filters.length ? h('div', { class: 'filters' }, filters) : null, body);
  body.setAttribute('aria-busy', 'true');
  list.replaceChildren(h('li', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Loading stories…'));

  let offset = 0;
  const loadPage = async () => {
    const p = new URLSearchParams({ sort, limit: String(PAGE), offset: String(offset) });
    if (q) p.set('q', q);
    if (entity) p.set('entity', entity);
    try {
      const data = await getJson(`/api/stories?${p}`);
      if (!current(token)) return;
      body.removeAttribute('aria-busy');
      const rows = data.stories || [];
      if (offset === 0) list.replaceChildren();
      list.append(...rows.map(storyCard));
      offset += rows.length;
      if (offset === 0) {
        list.replaceChildren(h('li', { class: 'empty' }, entity || q
          ? h('p', null, 'No story matches. ', h('a', { href: '/' }, 'See all stories'), '.')
          : h('p', null, 'No stories yet. Post articles to ', h('code', null, 'POST /api/articles'),
            ' (a JSON array of {id, outlet, url, published, title, text}) and they will be grouped into stories here.')));
      }
      more.replaceChildren(...(rows.length === PAGE
        ? [h('button', { type: 'button', class: 'button ghost', onclick: (e) => { e.target.disabled = true; loadPage(); } }, 'Show more stories')]
        : []));
    } catch (err) {
      if (!current(token)) return;
      body.removeAttribute('aria-busy');
      if (offset === 0) body.replaceChildren(errorState(err, () => route()));
      else more.replaceChildren(h('span', { class: 'muted' }, err.message));
    }
  };
  await loadPage();
}

function storyCard(row) {
  const outlets = row.outlets || [];
  return h('li', { class: 'story-card' },
    h('h2', null, h('a', { href: `/story/${encodeURIComponent(row.id)}` }, row.headline || '(untitled story)')),
    h('p', { class: 'meta' },
      h('span', null, plural(row.articles || 0, 'article')),
      h('span', { class: 'outlet-count' }, outletCountText(outlets.length, row.articles || 0)),
      h('span', null, formatSpan(row.first_published, row.last_published)),
      row.updated ? h('span', { class: 'muted' }, `updated ${ago(row.updated)}`) : null),
    outlets.length ? h('p', { class: 'outlet-names' }, outlets.slice(0, 6).join(' · '),
      outlets.length > 6 ? h('span', { class: 'muted' }, ` and ${outlets.length - 6} more`) : null) : null);
}

// "12 outlets"; "outlets not named" when no article names its outlet (not
// "0 outlets"). The list and the story page say the same.
function outletCountText(named, articles) {
  if (named === 0 && articles > 0) return 'outlets not named';
  return plural(named, 'outlet');
}

// ---- story page ----------------------------------------------------------------------

async function storyPage(id, token) {
  document.title = 'Story — newsfuse';
  loading('the briefing');
  const base = `/api/stories/${encodeURIComponent(id)}`;
  let row;
  let brief;
  try {
    [row, brief] = await Promise.all([getJson(base), getJson(`${base}/brief`)]);
  } catch (err) {
    if (!current(token)) return;
    if (err.status === 404) {
      document.title = 'Story not found — newsfuse';
      done(h('section', { class: 'error', role: 'alert' },
        h('h1', null, 'Story not found'),
        h('p', null, `There is no story “${id}”. It may have been merged into another story as new articles arrived.`),
        h('p', { class: 'actions' }, h('a', { class: 'button', href: '/' }, 'All stories'))));
    } else {
      done(errorState(err, () => route()));
    }
    return;
  }
  if (!current(token)) return;
  const story = (brief.stories || [])[0];
  if (!story) {
    done(errorState(new ApiError(500, 'The briefing of this story is empty.'), () => route()));
    return;
  }
  document.title = `${storyHeadline(story, row)} — newsfuse`;
  done(renderStory(story, row));
  // A link to a section (/story/x#quotes) lands there once it exists.
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) target.scrollIntoView();
}

// One headline per story everywhere: the story list's (the store's), which
// the list showed before the briefing was built; the briefing's only when
// the store has none.
function storyHeadline(story, row) {
  return (row && row.headline) || story.headline || '(untitled story)';
}

// A long list shows its first `n` items and a "Show all (N)" button that
// adds the rest: the first screen is for what matters, and a 21-article
// story is not 37,000 px on a phone. Returns what to put on the page.
function foldList(list, items, n) {
  if (items.length <= n) return add(list, items);
  add(list, items.slice(0, n));
  const more = h('p', { class: 'more show-all' });
  more.append(h('button', {
    type: 'button', class: 'button ghost',
    onclick: () => { add(list, items.slice(n)); more.remove(); },
  }, `Show all (${items.length})`));
  return [list, more];
}

function section(id, title, count, ...body) {
  const content = body.flat().filter(Boolean);
  if (!content.length) return null;
  return h('section', { id, class: 'block', 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, title, count != null ? h('span', { class: 'count' }, String(count)) : null),
    content);
}

function renderStory(story, row) {
  const sources = new Sources(story.sources);
  const outlets = sources.outletsOf(sources.list.map((s) => s.id));
  const counts = sources.outletCounts();
  const changes = (row && row.changes) || [];
  const facts = story.facts || [];
  const consensus = facts.filter((f) => f.consensus);
  const shared = facts.filter((f) => !f.consensus && (f.sources || []).length > 1);
  const dates = sources.list.map((s) => s.published).filter(Boolean).sort();

  const parts = [
    ['summary', 'Summary', 'Summary', renderSummary(story.summary, sources), null],
    ['discrepancies', 'Where they differ', 'Differences', renderDiscrepancies(story.discrepancies, sources), (story.discrepancies || []).length],
    ['facts', 'What the outlets agree on', 'Agreed facts', renderFacts(consensus, shared, sources), consensus.length],
    ['quotes', 'Quotes', 'Quotes', renderQuotes(story.quotes, sources), (story.quotes || []).length],
    ['timeline', 'Timeline', 'Timeline', renderTimeline(story.timeline, sources), (story.timeline || []).length],
    ['people', 'Who’s who', 'Who’s who', renderEntities(story.entities, story.discrepancies), (story.entities || []).length],
    ['contributions', 'What each outlet alone adds', 'Each outlet', renderContributions(story.contributions, sources), null],
    ['corrections', 'Corrections', 'Corrections', renderChanges(changes, sources), changes.length],
    ['sources', 'Sources', 'Sources', renderSources(sources), sources.list.length],
  ].map(([id, title, short, content, count]) => ({ id, short, el: content ? section(id, title, count, content) : null }))
    .filter((p) => p.el);

  const header = h('header', { class: 'story-head' },
    h('p', { class: 'kicker' }, h('a', { href: '/' }, '← All stories')),
    h('h1', { class: 'headline' }, storyHeadline(story, row)),
    h('p', { class: 'meta' },
      h('span', null, plural(sources.list.length, 'article')),
      h('span', { class: 'outlet-count' }, outletCountText(counts.named, sources.list.length)),
      counts.unnamed && counts.named ? h('span', null, `${plural(counts.unnamed, 'article')} without a named outlet`) : null,
      h('span', null, dates.length ? formatSpan(dates[0], dates[dates.length - 1]) : 'date unknown'),
      row && row.updated ? h('span', { class: 'muted' }, `updated ${ago(row.updated)}`) : null),
    h('p', { class: 'legend' }, capped('badges', outlets.map((s) => badge(s)), 14)));

  const nav = h('nav', { class: 'toc', 'aria-label': 'Sections' },
    parts.map((p) => h('a', { href: `#${p.id}` }, p.short)));

  return h('article', { class: 'story' }, header, nav, parts.map((p) => p.el));
}

// Summary: each sentence followed by its citations; a citation shows the
// outlet's own sentence on hover, focus or tap.
function renderSummary(items, sources) {
  if (!items || !items.length) return h('p', { class: 'muted' }, 'No summary: the articles gave too little text.');
  const box = h('div', { class: 'summary' });
  for (const item of items) {
    const ids = item.sources || [];
    const sentences = item.source_sentences || [];
    box.append(h('p', null, h('span', { class: 'sentence' }, item.text), ' ',
      capped('cites', ids.map((id, i) => {
        const s = sources.get(id);
        return tipTrigger(h('button', {
          type: 'button', class: 'cite', style: { '--oc': s.colour },
          'aria-label': `Source ${s.n}: ${s.label}`,
        }, String(s.n)), s, sentences[i]);
      }), 10)));
  }
  return [box, h('p', { class: 'hint' }, 'Numbers are sources; point at one (or tab to it) to read that outlet’s own sentence.')];
}

// Outlet badges that show each outlet's own sentence (facts have
// `source_sentences` parallel to `sources`).
function sentenceBadges(ids, sentences, sources) {
  const seen = new Set();
  const out = [];
  (ids || []).forEach((id, i) => {
    const s = sources.get(id);
    if (seen.has(s.label)) return;
    seen.add(s.label);
    const b = h('button', { type: 'button', class: 'badge', style: { '--oc': s.colour } },
      h('span', { class: 'dot', 'aria-hidden': 'true' }), s.label);
    out.push(tipTrigger(b, s, sentences ? sentences[i] : null));
  });
  return capped('badges', out);
}

function renderFacts(consensus, shared, sources) {
  if (!consensus.length && !shared.length) return null;
  const item = (f) => h('li', null, h('p', null, f.text), sentenceBadges(f.sources, f.source_sentences, sources));
  return [
    consensus.length
      ? foldList(h('ul', { class: 'facts' }), consensus.map(item), 3)
      : h('p', { class: 'muted' }, 'No fact is reported by most of the outlets.'),
    shared.length
      ? h('details', { class: 'more-facts' },
        h('summary', null, `Reported by some of the outlets (${shared.length})`),
        h('ul', { class: 'facts' }, shared.map(item)))
      : null,
  ];
}

function renderDiscrepancies(list, sources) {
  if (!list || !list.length) return null;
  return foldList(h('div', { class: 'discrepancies' }), list.map((d) => {
    const variants = d.variants || [];
    return h('div', { class: 'discrepancy' },
      h('h3', null, d.subject || 'Versions differ',
        d.label ? h('span', { class: `tag tag-${String(d.kind || 'other').replace(/[^a-z]/g, '')}` }, d.label) : null),
      h('div', { class: 'versions', style: { '--cols': String(Math.min(variants.length, 3)) } },
        variants.map((v) => h('div', { class: 'version' },
          h('p', { class: 'value' }, v.value || '—'),
          v.text && v.text !== v.value ? h('blockquote', null, highlight(v.text, v.value)) : null,
          badges(sources, v.sources)))));
  }), 2);
}

// The sentence with the first occurrence of `part` marked (as text nodes).
function highlight(text, part) {
  const i = part ? text.indexOf(part) : -1;
  if (i < 0) return text;
  return [text.slice(0, i), h('mark', null, part), text.slice(i + part.length)];
}

// The quoted words without the comma that led back into the sentence
// ("... in Rafah," the statement said).
function quoteText(text) {
  return String(text || '').trim().replace(/[,;:]$/, '');
}

function renderQuotes(list, sources) {
  if (!list || !list.length) return null;
  return foldList(h('div', { class: 'quotes' }), list.map((q) => {
    const variants = q.variants || [];
    return h('figure', { class: 'quote' },
      h('blockquote', null, `“${quoteText(q.text)}”`),
      h('figcaption', null,
        h('span', { class: 'speaker' }, q.speaker ? `— ${q.speaker}` : '— speaker unknown'),
        h('span', { class: 'printed' }, 'printed by ', badges(sources, q.sources))),
      variants.length
        ? h('div', { class: 'variants' },
          h('p', { class: 'variants-h' }, variants.length === 1 ? 'Another wording' : `${variants.length} other wordings`),
          h('ul', null, variants.map((v) => h('li', null,
            h('q', null, quoteText(v.text)), ' ', badges(sources, v.sources)))))
        : null);
  }), 2);
}

function renderTimeline(list, sources) {
  if (!list || !list.length) return null;
  return foldList(h('ol', { class: 'timeline' }), list.map((t) => {
    const p = parseStamp(t.date);
    // A period ("last week", "in March") shows as one, not as its first day.
    let when;
    if (p && t.precision === 'week') when = ['week of ', formatDay(p)];
    else if (p && t.precision === 'month') when = formatMonth(p);
    else when = p ? [h('span', { class: 'wd' }, weekday(p)), ' ', formatDay(p)] : (t.date || 'undated');
    return h('li', { class: t.planned ? 'planned' : null },
      h('time', { datetime: t.precision === 'month' ? (t.date || '').slice(0, 7) : (t.date || null) }, when),
      h('div', null,
        h('p', null, t.planned ? h('span', { class: 'tag' }, 'planned') : null, t.text),
        badges(sources, t.sources)));
  }), 3);
}

const TYPE_NAMES = { PERSON: 'People', ORGANIZATION: 'Organisations', LOCATION: 'Places', OTHER: 'Other names' };

function renderEntities(list, discrepancies) {
  if (!list || !list.length) return null;
  // Spellings that an outlet got differently from the others are flagged.
  const misspelt = new Set();
  for (const d of discrepancies || []) {
    if (d.kind !== 'spelling') continue;
    const vs = d.variants || [];
    vs.slice(1).forEach((v) => misspelt.add(v.value));
    if (vs.length) misspelt.delete(vs[0].value);
  }
  const entityLink = (name) => h('a', { class: 'entity-link', href: `/?entity=${encodeURIComponent(name)}`, title: `Stories that mention ${name}` }, name);
  const groups = ['PERSON', 'ORGANIZATION', 'LOCATION', 'OTHER'].map((type) => {
    const members = list.filter((e) => (e.type || 'OTHER') === type || (type === 'OTHER' && !TYPE_NAMES[e.type]));
    if (!members.length) return null;
    const detailed = type === 'PERSON';
    return h('div', { class: `entities ${detailed ? 'detailed' : 'compact'}` },
      h('h3', null, TYPE_NAMES[type]),
      foldList(h('ul'), members.map((e) => {
        const variants = e.variants || [];
        const titles = e.titles || [];
        const n = (e.sources || []).length;
        return h('li', null,
          entityLink(e.name),
          detailed && titles.length ? h('span', { class: 'titles' }, titles.join(' · ')) : null,
          variants.length ? h('span', { class: 'variants-line' }, 'also ',
            variants.map((v, i) => [i ? ', ' : '', misspelt.has(v)
              ? h('mark', { class: 'misspelt', title: 'spelled differently by some outlets' }, `⚠ ${v}`)
              : h('span', null, v)])) : null,
          detailed ? h('span', { class: 'muted small' }, `${plural(e.mentions || 0, 'mention')}, ${plural(n, 'article')}`) : null);
      }), detailed ? 2 : 5));
  });
  return [h('p', { class: 'hint' }, 'Select a name to see every story that mentions it.'), groups];
}

function renderContributions(list, sources) {
  if (!list || !list.length) return null;
  // With many outlets, the one that adds the most comes first and the rest
  // wait behind a button.
  const MAX = 1;
  const ordered = list.length > MAX
    ? list.slice().sort((a, b) => (b.unique_facts || []).length - (a.unique_facts || []).length)
    : list;
  return foldList(h('div', { class: 'contribs' }), ordered.map((c) => contribution(c, sources)), MAX);
}

function contribution(c, sources) {
  const s = sources.get(c.source);
  const unique = c.unique_facts || [];
  const missing = c.missing_consensus || [];
  const first = unique.slice(0, 2);
  const rest = unique.slice(2);
  return h('div', { class: 'contrib', style: { '--oc': s.colour } },
    h('h3', null, h('span', { class: 'num' }, `[${s.n}]`), ' ', badge(s)),
    unique.length
      ? [h('p', { class: 'small muted' }, `${plural(unique.length, 'point')} no other outlet reports`),
        h('ul', null, first.map((t) => h('li', null, t))),
        rest.length ? h('details', null, h('summary', null, `${rest.length} more`), h('ul', null, rest.map((t) => h('li', null, t)))) : null]
      : h('p', { class: 'small muted' }, 'Nothing the others do not report.'),
    missing.length
      ? h('details', { class: 'missing' }, h('summary', null, `Leaves out ${plural(missing.length, 'point')} the others agree on`),
        h('ul', null, missing.map((t) => h('li', null, t))))
      : null);
}

function renderChanges(changes, sources) {
  if (!changes.length) return null;
  return foldList(h('ol', { class: 'changes' }), changes.map((c) => {
    const s = sources.get(c.article);
    return h('li', null,
      h('p', { class: 'small' }, badge(s), ' changed its ', h('strong', null, c.field || 'text'),
        c.at ? h('span', { class: 'muted' }, ` ${ago(c.at)}`) : null),
      renderDiff(c.before == null ? '' : String(c.before), c.after == null ? '' : String(c.after)));
  }), 3);
}

// Short values side by side (before → after); long ones (a whole body) as
// the changed stretch with a little context around it.
function renderDiff(before, after) {
  const none = (t) => (t === '' ? '(nothing)' : t);
  if (before.length + after.length <= 400) {
    return h('p', { class: 'diff' }, h('del', null, none(before)), h('span', { 'aria-hidden': 'true' }, ' → '), h('ins', null, none(after)));
  }
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  // Whole words: "38,000" → "39,000", not "3[8][9],000".
  while (p > 0 && /\S/.test(before[p - 1])) p--;
  while (s > 0 && /\S/.test(before[before.length - s])) s--;
  const CONTEXT = 80;
  const cut = (t, max) => (t.length > max ? `${t.slice(0, max)}…` : t);
  let from = Math.max(0, p - CONTEXT);
  if (from > 0) from = before.indexOf(' ', from) + 1 || from;
  const left = before.slice(from, p);
  let to = Math.min(before.length, before.length - s + CONTEXT);
  if (to < before.length) to = before.lastIndexOf(' ', to) > before.length - s ? before.lastIndexOf(' ', to) : to;
  const right = before.slice(before.length - s, to);
  return h('p', { class: 'diff' },
    from > 0 ? '…' : '', left,
    before.length - s > p ? h('del', null, cut(before.slice(p, before.length - s), 600)) : null,
    before.length - s > p && after.length - s > p ? ' ' : null,
    after.length - s > p ? h('ins', null, cut(after.slice(p, after.length - s), 600)) : null,
    right, to < before.length ? '…' : '');
}

function renderSources(sources) {
  if (!sources.list.length) return null;
  return foldList(h('ol', { class: 'sources' }), sources.list.map((s) => {
    const dropped = s.dropped || [];
    const text = h('details', { class: 'fulltext' }, h('summary', null, 'Read the extracted text'));
    let loaded = false;
    text.addEventListener('toggle', async () => {
      if (!text.open || loaded) return;
      loaded = true;
      const box = h('div', { class: 'paras', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading…'));
      text.append(box);
      try {
        const a = await getJson(`/api/articles/${encodeURIComponent(s.id)}`);
        box.replaceChildren(...(a.subtitle ? [h('p', { class: 'standfirst' }, a.subtitle)] : []),
          ...(a.paragraphs || []).map((p) => (p.heading ? h('h4', null, p.text)
            : h('p', { class: p.list_item ? 'list-item' : null }, p.text))));
      } catch (err) {
        box.replaceChildren(h('p', { class: 'muted' }, err.message));
        loaded = false;
      }
      box.removeAttribute('aria-busy');
    });
    const url = s.url ? safeHref(s.url) : null;
    return h('li', { id: `source-${s.n}`, style: { '--oc': s.colour } },
      h('span', { class: 'num' }, String(s.n)),
      h('div', null,
        h('p', { class: 'src-head' }, badge(s),
          s.published ? h('span', { class: 'muted' }, formatStamp(s.published)) : h('span', { class: 'muted' }, 'date not given'),
          s.unnamed ? h('span', { class: 'muted small' }, '(outlet not named in the text)') : null,
          h('span', { class: 'src-id', title: 'article id' }, s.id)),
        h('p', { class: 'src-title' },
          url ? h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, s.title || url)
            : s.title || h('span', { class: 'muted' }, 'No headline found')),
        dropped.length
          ? h('details', { class: 'dropped' }, h('summary', null, `Stripped as boilerplate (${dropped.length})`),
            h('ul', null, dropped.map((d) => h('li', null, h('span', { class: 'tag' }, d.kind || 'boilerplate'), ' ', d.text))))
          : h('p', { class: 'small muted' }, 'Nothing stripped as boilerplate.'),
        text));
  }), 3);
}

route();
