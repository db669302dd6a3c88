// The review page of `lexalign serve`: the list of alignments (#/) and one pair's beads
// (#/DOCUMENT/PAIR), reviewed from the keyboard and saved with PUT. The texts come from files people
// and machines wrote, so every text goes into the DOM as textContent, never as HTML.
import {
  History, beadKey, changedIndexes, isLow, mergeWithNext, parseRef, setStatus, splitBead, tally,
  textRuns, unpairedIds,
} from './beads.js';

const LANGUAGES = {
  en: { name: 'English', dir: 'ltr' },
  prs: { name: 'Dari', dir: 'rtl' },
  fa: { name: 'Dari', dir: 'rtl' },
  'fa-AF': { name: 'Dari', dir: 'rtl' },
  ps: { name: 'Pashto', dir: 'rtl' },
  pus: { name: 'Pashto', dir: 'rtl' },
  pbt: { name: 'Pashto', dir: 'rtl' },
};
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

const $ = (selector) => document.querySelector(selector);

/** The page's state: which view is shown, and the pair being reviewed (null on the index). */
const state = {
  route: 0, // bumped on every navigation, so a late answer for a page left meanwhile is dropped
  shownHash: location.hash,
  pair: null,
};

// ---------------------------------------------------------------------------------------------
// DOM helpers

/** An element with attributes and children; strings become text nodes (never parsed as HTML). */
function h(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...[children].flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

function languageOf(code) {
  return LANGUAGES[code] || { name: code || '?', dir: 'ltr' };
}

/** What the page needs to show one side of a pair: language code and name, direction, file. */
function sideInfo(side) {
  const code = side?.language || '';
  return { lang: code, name: languageOf(code).name, dir: side?.direction || languageOf(code).dir,
    path: side?.path || '' };
}

// ---------------------------------------------------------------------------------------------
// Messages (#message): outcome of saves and edits; class `error` on failure

function showMessage(content, kind = 'info') {
  const box = $('#message');
  box.className = kind;
  box.replaceChildren(...[content].flat());
}

function clearMessage() {
  showMessage([], '');
}

/** Findings as a list: severity, rule, where, and the message (isolated: it may quote Dari or Pashto). */
function findingsList(findings) {
  return h('ul', { class: 'findings' }, findings.map((f) => h('li', { class: `finding ${f.severity}` }, [
    h('span', { class: `severity ${f.severity}`, text: f.severity || 'note' }), ' ',
    h('code', { class: 'rule', text: f.rule || '' }), ' ',
    h('bdi', { class: 'finding-message', text: f.message || '' }),
    f.line ? h('span', { class: 'where', text: ` line ${f.line}${f.column ? `:${f.column}` : ''}` }) : null,
    // A finding on a bead (the server names it by index): a button that makes that bead current.
    Number.isInteger(f.bead) && state.pair ? h('button', {
      type: 'button', class: 'quiet go-to-bead', 'data-bead': f.bead, text: `bead ${f.bead + 1}`,
    }) : null,
  ])));
}

function countSeverities(findings) {
  const count = (severity) => findings.filter((f) => f.severity === severity).length;
  return { errors: count('error'), warnings: count('warning') };
}

// ---------------------------------------------------------------------------------------------
// Server

/** GET or PUT returning {response, body}; body is the parsed JSON, or {error} when there is none. */
async function request(url, options = {}) {
  const response = await fetch(url, { cache: 'no-store', ...options });
  let body;
  try {
    body = await response.json();
  } catch {
    body = { error: `${response.status} ${response.statusText || 'no JSON answer'}` };
  }
  return { response, body };
}

function pairUrl(documentName, pairName) {
  return `/api/alignments/${encodeURIComponent(documentName)}/${encodeURIComponent(pairName)}`;
}

function pairHash(documentName, pairName) {
  return `#/${encodeURIComponent(documentName)}/${encodeURIComponent(pairName)}`;
}

// ---------------------------------------------------------------------------------------------
// Routing: #/ (or no hash) is the index, #/DOCUMENT/PAIR a pair

function parseHash(hash) {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((part) => part !== '');
  if (parts.length !== 2) return { view: 'index' };
  try {
    return { view: 'pair', document: decodeURIComponent(parts[0]), pair: decodeURIComponent(parts[1]) };
  } catch {
    return { view: 'index' };
  }
}

function route() {
  state.shownHash = location.hash;
  state.route += 1;
  clearMessage();
  const target = parseHash(location.hash);
  if (target.view === 'pair') openPair(target.document, target.pair);
  else openIndex();
}

/** Leaving a pair with unsaved changes asks first; a refusal puts the address back. */
function onHashChange() {
  const unsaved = unsavedCount();
  if (unsaved > 0 && !confirm(`${plural(unsaved, 'unsaved change')} will be lost. Leave this pair?`)) {
    history.replaceState(null, '', state.shownHash || location.pathname + location.search);
    return;
  }
  route();
}

function showView(view) {
  $('#index-view').hidden = view !== 'index';
  $('#pair-view').hidden = view !== 'pair';
  $('#pair-heading').hidden = view !== 'pair';
  $('#pair-tools').hidden = view !== 'pair';
  $('#columns').hidden = view !== 'pair';
}

// ---------------------------------------------------------------------------------------------
// Index: every document and pair with its review progress

async function openIndex() {
  const ticket = state.route;
  state.pair = null;
  showView('index');
  document.title = 'Alignments — Lexalign review';
  $('#index-summary').textContent = 'Loading…';
  let answer;
  try {
    answer = await request('/api/alignments');
  } catch (error) {
    answer = { response: null, body: { error: `could not reach the server (${error.message})` } };
  }
  if (ticket !== state.route) return;
  if (!answer.response?.ok || !Array.isArray(answer.body.alignments)) {
    $('#index-summary').textContent = '';
    showMessage(`Could not load the alignments: ${answer.body.error || 'unexpected answer'}`, 'error');
    return;
  }
  renderIndex(answer.body.alignments);
}

function renderIndex(alignments) {
  const documents = new Map();
  for (const item of alignments) {
    if (!documents.has(item.document)) documents.set(item.document, []);
    documents.get(item.document).push(item);
  }
  $('#index-summary').textContent = indexSummary(alignments, documents.size);
  if (alignments.length === 0) {
    $('#alignments').replaceChildren(h('p', { text: 'No bead files were found under Alignments/.' }));
    return;
  }
  const head = h('thead', {}, h('tr', {}, ['Document', 'Pair', 'Beads', 'Checked (reviewed + rejected)', 'Auto',
    'Reviewed', 'Rejected', 'Errors', 'Warnings'].map((title) => h('th', { scope: 'col', text: title }))));
  const groups = [...documents].map(([name, pairs]) => h('tbody', {}, pairs.map((item, i) =>
    indexRow(item, i === 0 ? pairs.length : 0, name))));
  $('#alignments').replaceChildren(h('table', { class: 'pairs' }, [head, ...groups]));
}

function indexSummary(alignments, documentCount) {
  let beads = 0;
  let checked = 0;
  let errors = 0;
  let warnings = 0;
  for (const item of alignments) {
    beads += item.beads || 0;
    checked += (item.statuses?.reviewed || 0) + (item.statuses?.rejected || 0);
    errors += item.errors || 0;
    warnings += item.warnings || 0;
  }
  return `${plural(documentCount, 'document')}, ${plural(alignments.length, 'pair')}: ` +
    `${checked} of ${plural(beads, 'bead')} checked; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`;
}

/** One pair's row; the first row of a document carries the document's name across its pairs. */
function indexRow(item, documentRows, documentName) {
  const statuses = item.statuses || {};
  const total = item.beads || 0;
  const checked = (statuses.reviewed || 0) + (statuses.rejected || 0);
  const source = languageOf(item.sourceLanguage).name;
  const target = languageOf(item.targetLanguage).name;
  const percent = total ? Math.round((100 * checked) / total) : 100;
  const count = (value, kind) => h('td', { class: `num ${value ? kind : ''}`, text: String(value || 0) });
  return h('tr', {}, [
    documentRows ? h('th', { scope: 'rowgroup', rowspan: documentRows, class: 'doc-name', text: documentName }) : null,
    h('td', {}, h('a', { class: 'pair-link', href: pairHash(item.document, item.pair) }, [
      `${source} → ${target}`, ' ', h('code', { text: item.pair }),
    ])),
    h('td', { class: 'num', text: String(total) }),
    h('td', { class: 'progress-cell' }, [
      h('progress', { max: total || 1, value: total ? checked : 1, 'aria-label': `${item.pair}: ${percent}% checked` }),
      h('span', { class: 'fraction', text: `${checked} / ${total}` }),
    ]),
    count(statuses.auto, 'todo'),
    count(statuses.reviewed, ''),
    count(statuses.rejected, ''),
    count(item.errors, 'has-errors'),
    count(item.warnings, 'has-warnings'),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Pair view: loading and the whole view

async function openPair(documentName, pairName) {
  const ticket = state.route;
  state.pair = null;
  showView('pair');
  document.title = `${documentName}/${pairName} — Lexalign review`;
  $('#pair-title').textContent = `${documentName} · ${pairName}`;
  $('#pair-stats').textContent = 'Loading…';
  $('#beads').replaceChildren();
  $('#file-findings').hidden = true;
  let answer;
  try {
    answer = await request(pairUrl(documentName, pairName));
  } catch (error) {
    answer = { response: null, body: { error: `could not reach the server (${error.message})` } };
  }
  if (ticket !== state.route) return;
  if (!answer.response?.ok || !Array.isArray(answer.body.beads)) {
    $('#pair-stats').textContent = '';
    showMessage([`Could not load ${documentName}/${pairName}: ${answer.body.error || 'unexpected answer'}. `,
      h('a', { href: '#/', text: 'Back to all alignments' })], 'error');
    return;
  }
  state.pair = newPairState(answer.body, answer.response.headers.get('ETag'));
  renderPair();
}

/** Beads as the page keeps them: refs "" for an empty side (the file's "-"), arrays always present. */
function normalizeBead(bead) {
  const ref = (value) => (value === '-' || value === null || value === undefined ? '' : String(value));
  return {
    ...bead,
    source: ref(bead.source),
    target: ref(bead.target),
    sourceText: bead.sourceText || '',
    targetText: bead.targetText || '',
    sourceMentions: bead.sourceMentions || [],
    targetMentions: bead.targetMentions || [],
    findings: bead.findings || [],
  };
}

/**
 * How this server writes an empty side: the contract says "", the bead file "-". A PUT writes it back
 * the same way; when no bead has an empty side, "-" (the file's own spelling) is the safe choice.
 */
function emptyRefSpelling(beads) {
  const sides = beads.flatMap((bead) => [bead.source, bead.target]);
  return sides.includes('') && !sides.includes('-') ? '' : '-';
}

function newPairState(body, etagHeader) {
  const { beads, warnings, ...doc } = body;
  const normalized = beads.map(normalizeBead);
  return {
    doc,
    emptyRef: emptyRefSpelling(beads),
    etag: etagHeader || `"${doc.etag}"`,
    beads: normalized,
    savedKeys: new Set(normalized.map(beadKey)),
    current: 0,
    history: new History(),
    saving: false,
    elements: new WeakMap(), // bead object → its element, so an unchanged bead is never rebuilt
    source: sideInfo(doc.source),
    target: sideInfo(doc.target),
  };
}

function renderPair() {
  const pair = state.pair;
  $('#pair-title').replaceChildren(pair.doc.document, ' ',
    h('span', { class: 'pair-name', text: `${pair.source.name} → ${pair.target.name} (${pair.doc.pair})` }));
  $('#column-source').replaceChildren(...columnHead('Source', pair.source));
  $('#column-target').replaceChildren(...columnHead('Target', pair.target));
  $('#column-source').classList.toggle('rtl', pair.source.dir === 'rtl');
  $('#column-target').classList.toggle('rtl', pair.target.dir === 'rtl');
  renderFileFindings(pair.doc.findings || []);
  updateBeads();
  updateStatus();
}

function columnHead(role, side) {
  return [`${role}: `, h('strong', { text: side.name }), ' ', side.path ? h('code', { text: side.path }) : null];
}

function renderFileFindings(findings) {
  const box = $('#file-findings');
  box.hidden = findings.length === 0;
  if (!findings.length) return;
  const { errors, warnings } = countSeverities(findings);
  $('#file-findings-summary').textContent =
    `Findings about the whole file: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  $('#file-findings-list').replaceWith(Object.assign(findingsList(findings), { id: 'file-findings-list' }));
  box.open = errors > 0 || findings.length <= 3;
}

/** The counts line, the unsaved-changes note and the window title, after any change. */
function updateStatus() {
  const pair = state.pair;
  const counts = tally(pair.beads);
  const findings = [...(pair.doc.findings || []), ...pair.beads.flatMap((bead) => bead.findings)];
  const { errors, warnings } = countSeverities(findings);
  const checked = counts.reviewed + counts.rejected;
  $('#pair-stats').replaceChildren(
    h('progress', { max: counts.total || 1, value: counts.total ? checked : 1,
      'aria-label': `${checked} of ${counts.total} beads checked` }),
    ` ${checked} / ${plural(counts.total, 'bead')} checked · ${counts.reviewed} reviewed · ` +
      `${counts.rejected} rejected · ${counts.auto} auto · `,
    h('span', { class: counts.low ? 'stat-low' : '', text: `${counts.low} low` }), ' · ',
    h('span', { class: errors ? 'stat-errors' : '', text: plural(errors, 'error') }),
    `, ${plural(warnings, 'warning')}`,
  );
  const unsaved = unsavedCount();
  const dirty = $('#dirty');
  dirty.textContent = unsaved ? `${plural(unsaved, 'unsaved change')}` : 'No unsaved changes';
  dirty.classList.toggle('pending', unsaved > 0);
  document.title = `${unsaved ? '● ' : ''}${pair.doc.document}/${pair.doc.pair} — Lexalign review`;
}

function unsavedCount() {
  return state.pair ? changedIndexes(state.pair.beads, state.pair.savedKeys).length : 0;
}

// ---------------------------------------------------------------------------------------------
// Beads: building one element, and keeping the list in step with the bead array

/** Puts the elements in `wanted` order into `list`, moving only what is out of place. */
function reconcile(list, wanted) {
  let node = list.firstElementChild;
  for (const element of wanted) {
    if (node === element) {
      node = node.nextElementSibling;
    } else {
      list.insertBefore(element, node);
    }
  }
  while (node) {
    const next = node.nextElementSibling;
    node.remove();
    node = next;
  }
}

function updateBeads() {
  const pair = state.pair;
  const list = $('#beads');
  const hadFocus = list.contains(document.activeElement) || document.activeElement === document.body;
  const changed = new Set(changedIndexes(pair.beads, pair.savedKeys));
  const elements = pair.beads.map((bead, i) => {
    let element = pair.elements.get(bead);
    if (!element) {
      element = buildBead(bead, pair);
      pair.elements.set(bead, element);
    }
    // Written only when different: rewriting an unchanged number would make the browser lay out
    // every bead again (seconds on a long document).
    if (element.dataset.index !== String(i)) {
      element.dataset.index = String(i);
      element.querySelector('.bead-no').textContent = String(i + 1);
    }
    if (element.classList.contains('changed') !== changed.has(i)) element.classList.toggle('changed');
    setCurrentMark(element, i === pair.current);
    return element;
  });
  reconcile(list, elements);
  if (hadFocus) focusCurrent();
}

function setCurrentMark(element, current) {
  if (element.classList.contains('current') === current) return;
  element.classList.toggle('current', current);
  if (current) element.setAttribute('aria-current', 'true');
  else element.removeAttribute('aria-current');
}

function currentElement() {
  return $('#beads').children[state.pair.current] || null;
}

function focusCurrent() {
  const element = currentElement();
  if (!element) return;
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: 'nearest' });
}

function buildBead(bead, pair) {
  const unpaired = unpairedIds(bead);
  const element = h('li', { class: 'bead bead-grid', 'data-status': bead.status, tabindex: '-1' }, [
    beadMeta(bead),
    beadSide(bead, 'source', pair.source, unpaired),
    beadSide(bead, 'target', pair.target, unpaired),
    bead.findings.length ? findingsList(bead.findings) : null,
  ]);
  return element;
}

function beadMeta(bead) {
  const ref = (value) => (parseRef(value) === null ? '–' : value);
  const low = isLow(bead);
  let score;
  if (typeof bead.score !== 'number') {
    score = h('span', { class: 'score new', title: 'A new bead: the server scores it on save', text: 'new' });
  } else {
    score = h('span', { class: `score${low ? ' low' : ''}`, title: low ? 'Score below 0.5' : 'Aligner score' },
      low ? `▼ ${bead.score.toFixed(2)} low` : bead.score.toFixed(2));
  }
  return h('div', { class: 'bead-meta' }, [
    h('span', { class: 'visually-hidden', text: 'Bead ' }),
    h('span', { class: 'bead-no' }),
    h('span', { class: 'refs', title: 'Source lines ↔ target lines' }, [
      h('bdi', { text: ref(bead.source) }), ' ↔ ', h('bdi', { text: ref(bead.target) }),
    ]),
    score,
    h('span', { class: `status status-${bead.status}`, text: statusText(bead.status) }),
    h('span', { class: 'changed-flag', text: 'unsaved' }),
  ]);
}

function statusText(status) {
  return { reviewed: '✓ reviewed', rejected: '✗ rejected', auto: 'auto' }[status] || status;
}

/** One side's text in its own language and direction, with mentions and bidi isolates. */
function beadSide(bead, side, info, unpaired) {
  const text = side === 'source' ? bead.sourceText : bead.targetText;
  const mentions = side === 'source' ? bead.sourceMentions : bead.targetMentions;
  if (parseRef(bead[side]) === null) {
    return h('div', { class: `side ${side} empty` }, `no ${info.name} sentence`);
  }
  const runs = textRuns(text, mentions, info.dir).map((run) => renderRun(run, unpaired));
  return h('div', { class: `side ${side}`, dir: info.dir, lang: info.lang }, runs);
}

function renderRun(run, unpaired) {
  if (run.kind === 'text') return run.text;
  if (run.kind === 'isolate') return h('bdi', { dir: run.dir, text: run.text });
  return mentionElement(run, unpaired.has(run.mention.id));
}

/** A highlighted mention: its text, its canonical label as a visible chip, the id in the tooltip. */
function mentionElement(run, unpaired) {
  const m = run.mention;
  const label = m.label || m.id || '';
  const title = `${m.id}${m.label ? ` — ${m.label}` : ''}${m.kind ? ` (${m.kind})` : ''}` +
    (unpaired ? ' — tagged on this side only' : '');
  // A label that only repeats the name (Taliban on the English side) is shown quieter.
  const same = label.trim().toLowerCase() === run.text.trim().toLowerCase();
  return h('mark', { class: `mention${unpaired ? ' unpaired' : ''}`, 'data-entity': m.id, title }, [
    h('bdi', { class: 'mention-text', text: run.text }),
    h('bdi', { class: `mention-label${same ? ' same' : ''}`, lang: ARABIC_SCRIPT.test(label) ? null : 'en' },
      (unpaired ? '≠ ' : '') + label),
    unpaired ? h('span', { class: 'visually-hidden', text: ' (tagged on this side only)' }) : null,
  ]);
}

// ---------------------------------------------------------------------------------------------
// Moving and editing

function moveTo(index) {
  const pair = state.pair;
  if (!pair || index < 0 || index >= pair.beads.length) return;
  const old = currentElement();
  if (old) setCurrentMark(old, false);
  pair.current = index;
  const element = currentElement();
  if (element) setCurrentMark(element, true);
  focusCurrent();
}

function moveBy(step) {
  moveTo(Math.min(Math.max(state.pair.current + step, 0), state.pair.beads.length - 1));
}

function nextAuto() {
  const { beads, current } = state.pair;
  for (let step = 1; step <= beads.length; step += 1) {
    const i = (current + step) % beads.length;
    if (beads[i].status === 'auto') return moveTo(i);
  }
  return showMessage('No bead is auto any more: every bead is reviewed or rejected.');
}

/** Applies an edit's result: a new bead array goes on top of the undo history; a message is shown. */
function apply(result) {
  const pair = state.pair;
  if (result.message) {
    showMessage(result.message);
    return false;
  }
  if (result.beads === pair.beads) return true;
  pair.history.push(pair.beads, pair.current);
  pair.beads = result.beads;
  pair.current = Math.min(pair.current, pair.beads.length - 1);
  updateBeads();
  updateStatus();
  return true;
}

/** Edits wait while a save is on its way: its answer replaces the beads. */
function editable() {
  if (!state.pair) return false;
  if (state.pair.saving) showMessage('Saving… wait for the answer before changing beads.');
  return !state.pair.saving;
}

function mark(status, advance) {
  if (!editable()) return;
  const pair = state.pair;
  if (apply(setStatus(pair.beads, pair.current, status)) && advance) moveBy(1);
}

function merge() {
  if (!editable()) return;
  const pair = state.pair;
  const i = pair.current;
  if (apply(mergeWithNext(pair.beads, i, pair.doc))) {
    const bead = pair.beads[i];
    showMessage(`Merged beads ${i + 1} and ${i + 2}: source ${bead.source || '–'}, target ${bead.target || '–'}.`);
  }
}

function split(singleGoesLast) {
  if (!editable()) return;
  const pair = state.pair;
  const i = pair.current;
  if (apply(splitBead(pair.beads, i, pair.doc, { singleGoesLast }))) {
    const [a, b] = pair.beads.slice(i, i + 2);
    showMessage(`Split bead ${i + 1}: ${a.source || '–'} ↔ ${a.target || '–'} and ` +
      `${b.source || '–'} ↔ ${b.target || '–'}.`);
  }
}

function undo() {
  if (!editable()) return;
  const pair = state.pair;
  const last = pair.history.pop();
  if (!last) {
    showMessage('Nothing to undo.');
    return;
  }
  pair.beads = last.beads;
  pair.current = Math.min(last.current, pair.beads.length - 1);
  updateBeads();
  updateStatus();
  showMessage(`Undone (${plural(pair.history.size, 'more step')} to undo).`);
}

// ---------------------------------------------------------------------------------------------
// Saving: PUT with If-Match; 200 saved, 409 changed on disk, 422 refused with findings

/** The object GET returned, with the beads as they are now (the server reads refs and status). */
function savePayload(pair) {
  const beads = pair.beads.map((bead) => ({
    source: bead.source || pair.emptyRef,
    target: bead.target || pair.emptyRef,
    score: typeof bead.score === 'number' ? bead.score : 0,
    status: bead.status,
    sourceText: bead.sourceText,
    targetText: bead.targetText,
    sourceMentions: bead.sourceMentions,
    targetMentions: bead.targetMentions,
    findings: bead.findings,
  }));
  return { ...pair.doc, beads };
}

async function save() {
  const pair = state.pair;
  if (!pair || pair.saving) return;
  pair.saving = true;
  $('#save').disabled = true;
  showMessage('Saving…');
  let answer;
  try {
    answer = await request(pairUrl(pair.doc.document, pair.doc.pair), {
      method: 'PUT',
      headers: { 'If-Match': pair.etag, 'Content-Type': 'application/json' },
      body: JSON.stringify(savePayload(pair)),
    });
  } catch (error) {
    answer = { response: null, body: { error: `could not reach the server (${error.message})` } };
  } finally {
    pair.saving = false;
    $('#save').disabled = false;
  }
  if (state.pair !== pair) return; // the page went elsewhere meanwhile
  showSaveOutcome(pair, answer);
}

function showSaveOutcome(pair, { response, body }) {
  const status = response?.status;
  if (status === 200 && Array.isArray(body.beads)) return saved(pair, body, response.headers.get('ETag'));
  if (status === 200) {
    route(); // saved, but the answer is not the pair: read it again
    return showMessage('Saved; the answer had no beads, so the pair is read again.', 'success');
  }
  if (status === 409) return showConflict(pair, body);
  if (status === 422) {
    const findings = body.findings || [];
    return showMessage([h('p', { text: `Not saved: ${serverError(body, 'the server refused the beads')}. ` +
      'Nothing was written; your changes are still here.' }), findingsList(findings)], 'error');
  }
  const code = status ? ` (HTTP ${status})` : '';
  return showMessage(`Not saved${code}: ${serverError(body, 'unexpected answer')}. Your changes are still here.`,
    'error');
}

/** The server's `error` text, without a "not saved:" of its own (the page says that already). */
function serverError(body, fallback) {
  const text = typeof body.error === 'string' && body.error.trim() ? body.error.trim() : fallback;
  return text.replace(/^not saved[:.]?\s*/i, '').replace(/\.$/, '');
}

/** After a 200: the server's beads (texts, scores, findings recomputed) become the saved state. */
function saved(pair, body, etagHeader) {
  const fresh = newPairState(body, etagHeader);
  const { current, history } = pair;
  Object.assign(pair, fresh, { current: Math.min(current, Math.max(fresh.beads.length - 1, 0)), history });
  renderPair();
  const warnings = body.warnings || [];
  const time = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const text = `Saved ${pair.doc.path || `${pair.doc.document}/${pair.doc.pair}`} at ${time}` +
    ` — ${plural(warnings.length, 'warning')}.`;
  showMessage(warnings.length ? [h('p', { text }), findingsList(warnings)] : text, 'success');
}

function showConflict(pair, body) {
  const unsaved = unsavedCount();
  const reload = h('button', { type: 'button', class: 'primary', text: 'Reload from disk' });
  reload.addEventListener('click', () => {
    route();
  });
  showMessage([
    h('p', { text: `Not saved: ${serverError(body, 'the bead file changed on disk since this page read it')}.` }),
    h('p', {}, [reload, ` shows the file as it is now and discards your ${plural(unsaved, 'unsaved change')}.`]),
  ], 'error');
}

// ---------------------------------------------------------------------------------------------
// Keyboard

const PAIR_KEYS = {
  j: () => moveBy(1),
  k: () => moveBy(-1),
  n: () => nextAuto(),
  r: () => mark('reviewed', true),
  x: () => mark('rejected', true),
  a: () => mark('auto', false),
  m: () => merge(),
  s: () => split(false),
  S: () => split(true),
  u: () => undo(),
};
// Holding a key down repeats only what cannot change beads by accident.
const REPEATABLE = new Set(['j', 'k', 'n', 'u']);

/**
 * The key pressed, as the key table names it. A Latin letter counts as typed, so that other Latin
 * layouts keep their letters; with a Dari or Pashto layout active the j key gives "ت", so a letter is
 * then taken from the key's place (event.code KeyJ). Shift, not Caps Lock, decides "s" or "S".
 */
function keyName(event) {
  let key = event.key;
  const place = /^Key([A-Z])$/.exec(event.code);
  if (!/^[a-z]$/i.test(key) && place && [...key].length === 1) key = place[1];
  if (/^[a-z]$/i.test(key)) return event.shiftKey ? key.toUpperCase() : key.toLowerCase();
  if (key === '؟' || (event.code === 'Slash' && event.shiftKey)) return '?';
  return key;
}

function isTyping(target) {
  return target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function onKeyDown(event) {
  if (event.defaultPrevented || event.isComposing || isTyping(event.target)) return;
  const key = keyName(event);
  if ((event.ctrlKey || event.metaKey) && !event.altKey && key.toLowerCase() === 's') {
    if (!state.pair) return;
    event.preventDefault(); // not the browser's "save page as"
    if (!event.repeat) save();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const help = $('#help');
  if (key === '?') {
    event.preventDefault();
    if (help.open) help.close();
    else help.showModal();
    return;
  }
  if (help.open || !state.pair || !PAIR_KEYS[key]) return;
  event.preventDefault();
  if (event.repeat && !REPEATABLE.has(key)) return;
  PAIR_KEYS[key]();
}

// ---------------------------------------------------------------------------------------------
// Pointer: clicks select beads, toolbar buttons, and hovering a mention shows its partner

const BUTTON_ACTIONS = {
  reviewed: () => mark('reviewed', true),
  rejected: () => mark('rejected', true),
  merge: () => merge(),
  split: () => split(false),
  undo: () => undo(),
};

function onBeadClick(event) {
  const element = event.target.closest('.bead');
  if (!element || !state.pair || event.target.closest('a, button')) return;
  // Selecting text to copy it should not jump anywhere; a plain click makes the bead current.
  if (String(getSelection()).length > 0) return;
  moveTo(Number(element.dataset.index));
}

/** Hovering a mention outlines the mentions of the same entity in the same bead (both sides). */
function onMentionHover(event) {
  const mention = event.target.closest('.mention');
  const bead = mention?.closest('.bead');
  for (const old of document.querySelectorAll('.mention.linked')) old.classList.remove('linked');
  if (!mention || !bead || event.type === 'mouseout') return;
  const selector = `.mention[data-entity="${CSS.escape(mention.dataset.entity || '')}"]`;
  for (const partner of bead.querySelectorAll(selector)) partner.classList.add('linked');
}

/** The sticky header's height, so that scrolling a bead into view never hides it under the header. */
function trackHeaderHeight() {
  const header = $('#top');
  const set = () => document.documentElement.style.setProperty('--sticky-height', `${header.offsetHeight}px`);
  new ResizeObserver(set).observe(header);
  set();
}

function start() {
  document.addEventListener('keydown', onKeyDown);
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('beforeunload', (event) => {
    if (unsavedCount() === 0) return;
    event.preventDefault();
    event.returnValue = ''; // older browsers need it set to show the prompt
  });
  $('#beads').addEventListener('click', onBeadClick);
  $('#beads').addEventListener('mouseover', onMentionHover);
  $('#beads').addEventListener('mouseout', onMentionHover);
  $('#save').addEventListener('click', () => save());
  // "bead N" beside a finding (a refused save lists them in #message) makes that bead current.
  document.addEventListener('click', (event) => {
    const button = event.target.closest('.go-to-bead');
    if (button) moveTo(Number(button.dataset.bead));
  });
  $('#help-button').addEventListener('click', () => $('#help').showModal());
  for (const button of document.querySelectorAll('#pair-tools [data-action]')) {
    button.addEventListener('click', () => BUTTON_ACTIONS[button.dataset.action]());
  }
  trackHeaderHeight();
  route();
}

start();
