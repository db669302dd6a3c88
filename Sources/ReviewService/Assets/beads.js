// Pure logic of the review page: bead refs, merge, split, status changes, the undo history and the
// runs a bead's text is displayed in. No DOM here, so every rule can be read (and tried) on its own.
//
// A bead is a plain object as GET /api/alignments/DOC/PAIR sends it: {source, target, score, status,
// sourceText, targetText, sourceMentions, targetMentions, findings}. Beads are never changed in place:
// every edit makes new objects, so an undo snapshot is just a copy of the array, and the page can tell
// an unchanged bead (same object) from a changed one.

export const SIDES = ['source', 'target'];
const TEXT = { source: 'sourceText', target: 'targetText' };
const MENTIONS = { source: 'sourceMentions', target: 'targetMentions' };

// ---- Refs: "" (empty side), "n", or "a-b" (inclusive, 1-based sentence lines) ----

/** The sentence range a ref names, or null for an empty side ("" or the bead file's "-"). */
export function parseRef(ref) {
  if (ref === '' || ref === '-' || ref == null) return null;
  const match = /^(\d+)(?:-(\d+))?$/.exec(String(ref));
  if (!match) return undefined; // malformed: the page refuses to edit around it
  const first = Number(match[1]);
  return { first, last: match[2] === undefined ? first : Number(match[2]) };
}

/** A range written back as a ref: "" for null, "n" for one sentence, "a-b" for several. */
export function formatRef(range) {
  if (!range) return '';
  return range.first === range.last ? String(range.first) : `${range.first}-${range.last}`;
}

/** The union of two refs of one side: "2"+"3" → "2-3", ""+"4" → "4", ""+"" → "". */
export function unionRef(a, b) {
  const ra = parseRef(a);
  const rb = parseRef(b);
  if (!ra || !rb) return formatRef(ra || rb);
  return formatRef({ first: Math.min(ra.first, rb.first), last: Math.max(ra.last, rb.last) });
}

/** The sentences a ref names, or null when the sentence file's lines are not at hand. */
export function sentencesOf(ref, sentences) {
  const range = parseRef(ref);
  if (!range) return [];
  if (!Array.isArray(sentences) || range.last > sentences.length) return null;
  return sentences.slice(range.first - 1, range.last);
}

// ---- Mentions follow their text through merges and splits ----

/** Mentions shifted by `delta` UTF-16 units (start16/end16 only: code point offsets are the server's). */
function shifted(mentions, delta) {
  return mentions.map((m) => ({ ...m, start16: m.start16 + delta, end16: m.end16 + delta }));
}

/** The mentions lying wholly inside [from, to), moved so that `from` becomes 0. */
function mentionsWithin(mentions, from, to) {
  return shifted(mentions.filter((m) => m.start16 >= from && m.end16 <= to), -from);
}

// ---- Edits: each returns {beads} (a new array) or {message} saying why nothing changed ----

function isEmpty(bead, side) {
  return parseRef(bead[side]) === null;
}

/** A bead made by an edit: status auto, no score (the server computes it on save), no findings yet. */
function newBead(parts) {
  return {
    source: '', target: '', score: null, status: 'auto', sourceText: '', targetText: '',
    sourceMentions: [], targetMentions: [], findings: [], ...parts,
  };
}

/** Bead i with the given status; the same array when it already has it. */
export function setStatus(beads, i, status) {
  if (!beads[i]) return { message: 'No bead is selected.' };
  if (beads[i].status === status) return { beads };
  const copy = beads.slice();
  copy[i] = { ...beads[i], status };
  return { beads: copy };
}

/** Side `side` of two beads joined: refs united, text and mentions joined with one space. */
function joinSide(a, b, side, sentences) {
  const ref = unionRef(a[side], b[side]);
  const texts = [a[TEXT[side]], b[TEXT[side]]].filter((t) => t);
  const fromBeads = texts.join(' ');
  const lines = sentencesOf(ref, sentences);
  const text = lines ? lines.join(' ') : fromBeads;
  // The mentions can be kept only when the joined text is the two texts side by side.
  let mentions = [];
  if (text === fromBeads) {
    const offset = a[TEXT[side]] ? a[TEXT[side]].length + 1 : 0;
    mentions = [...(a[MENTIONS[side]] || []), ...shifted(b[MENTIONS[side]] || [], offset)];
  }
  return { [side]: ref, [TEXT[side]]: text, [MENTIONS[side]]: mentions };
}

/**
 * Bead i merged with bead i+1: each side's refs become their union ("2"+"3" → "2-3", ""+"4" → "4"),
 * the texts are the sentences of the new refs joined with a space, and the status is auto.
 */
export function mergeWithNext(beads, i, doc) {
  const a = beads[i];
  const b = beads[i + 1];
  if (!a) return { message: 'No bead is selected.' };
  if (!b) return { message: 'The last bead has no next bead to merge with.' };
  for (const side of SIDES) {
    if (parseRef(a[side]) === undefined || parseRef(b[side]) === undefined) {
      return { message: `Cannot merge: a ${side} ref is malformed ("${a[side]}", "${b[side]}").` };
    }
  }
  const merged = newBead({
    ...joinSide(a, b, 'source', doc.source?.sentences),
    ...joinSide(a, b, 'target', doc.target?.sentences),
  });
  const copy = beads.slice();
  copy.splice(i, 2, merged);
  return { beads: copy };
}

/**
 * One side of a bead cut after its first sentence: {head, rest}, each {ref, text, mentions}, or
 * {cannot} when the side has several sentences that the page does not have the lines of.
 */
function cutSide(bead, side, sentences) {
  const range = parseRef(bead[side]);
  const whole = { ref: bead[side], text: bead[TEXT[side]] || '', mentions: bead[MENTIONS[side]] || [] };
  const none = { ref: '', text: '', mentions: [] };
  if (range === undefined) return { cannot: `the ${side} ref "${bead[side]}" is malformed` };
  if (!range || range.first === range.last) return { single: true, head: whole, rest: none };
  const lines = sentencesOf(bead[side], sentences);
  if (!lines) return { cannot: `the ${side} sentences are not available` };
  const headText = lines[0];
  const restText = lines.slice(1).join(' ');
  // Mentions are kept when the bead's text is its sentences joined by one space (as the file requires).
  const aligned = whole.text === lines.join(' ');
  const cut = headText.length;
  return {
    single: false,
    head: { ref: String(range.first), text: headText,
      mentions: aligned ? mentionsWithin(whole.mentions, 0, cut) : [] },
    rest: { ref: formatRef({ first: range.first + 1, last: range.last }), text: restText,
      mentions: aligned ? mentionsWithin(whole.mentions, cut + 1, whole.text.length) : [] },
  };
}

/**
 * Bead i split at a sentence: each side with more than one sentence gives its first sentence to a new
 * bead of its own and keeps the rest in the bead after it. A side with one sentence (or none) stays
 * whole in the first bead, leaving that side empty in the second ("s"); with `singleGoesLast` it goes to
 * the second bead instead, leaving the first bead's side empty ("S"). Both beads get status auto.
 */
export function splitBead(beads, i, doc, { singleGoesLast = false } = {}) {
  const bead = beads[i];
  if (!bead) return { message: 'No bead is selected.' };
  const cuts = {};
  for (const side of SIDES) {
    cuts[side] = cutSide(bead, side, doc[side]?.sentences);
    if (cuts[side].cannot) return { message: `Cannot split: ${cuts[side].cannot}.` };
  }
  if (cuts.source.single && cuts.target.single) {
    return { message: 'Nothing to split: neither side of this bead has more than one sentence.' };
  }
  const part = (side, which) => {
    const cut = cuts[side];
    let piece = cut[which];
    if (cut.single && singleGoesLast) piece = which === 'head' ? cut.rest : cut.head;
    return { [side]: piece.ref, [TEXT[side]]: piece.text, [MENTIONS[side]]: piece.mentions };
  };
  const first = newBead({ ...part('source', 'head'), ...part('target', 'head') });
  const second = newBead({ ...part('source', 'rest'), ...part('target', 'rest') });
  const copy = beads.slice();
  copy.splice(i, 1, first, second);
  return { beads: copy };
}

// ---- What changed since the last load or save ----

/** What the server reads of a bead: its refs and status. */
export function beadKey(bead) {
  return `${bead.source}\t${bead.target}\t${bead.status}`;
}

/**
 * The beads that differ from the saved file: those whose refs and status are not a saved bead's.
 * A status change counts 1, a merge 1 (the new bead), a split 2; undoing back to the saved state gives 0.
 */
export function changedIndexes(beads, savedKeys) {
  const out = [];
  beads.forEach((bead, i) => {
    if (!savedKeys.has(beadKey(bead))) out.push(i);
  });
  return out;
}

/** Beads counted by status, with the low-scoring ones (score below 0.5). */
export function tally(beads) {
  const counts = { auto: 0, reviewed: 0, rejected: 0, low: 0, total: beads.length };
  for (const bead of beads) {
    if (bead.status in counts) counts[bead.status] += 1;
    if (isLow(bead)) counts.low += 1;
  }
  return counts;
}

/** A score below 0.5 is low; a bead made by an edit has no score until it is saved. */
export function isLow(bead) {
  return typeof bead.score === 'number' && bead.score < 0.5;
}

// ---- Undo: snapshots of the bead array (cheap, since beads are never changed in place) ----

export class History {
  constructor(limit = 1000) {
    this.limit = limit;
    this.stack = [];
  }

  /** Remembers a state to come back to. */
  push(beads, current) {
    this.stack.push({ beads, current });
    if (this.stack.length > this.limit) this.stack.shift();
  }

  /** The last state remembered, or null when there is none. */
  pop() {
    return this.stack.pop() ?? null;
  }

  get size() {
    return this.stack.length;
  }

  clear() {
    this.stack = [];
  }
}

// ---- Entities on one side only ----

/** Ids tagged on one side of a two-sided bead and not the other (rejected beads are not checked). */
export function unpairedIds(bead) {
  const unpaired = new Set();
  if (isEmpty(bead, 'source') || isEmpty(bead, 'target') || bead.status === 'rejected') return unpaired;
  const src = new Set((bead.sourceMentions || []).map((m) => m.id));
  const tgt = new Set((bead.targetMentions || []).map((m) => m.id));
  for (const id of src) if (!tgt.has(id)) unpaired.add(id);
  for (const id of tgt) if (!src.has(id)) unpaired.add(id);
  return unpaired;
}

// ---- Display runs: mentions, and runs of the other direction that need bidi isolation ----

// Inside right-to-left text, Latin runs and numbers are isolated so that their neutral characters
// (spaces, hyphens, dots, colons) cannot be reordered by the surrounding Arabic script.
const RTL_FOREIGN = new RegExp(
  [
    String.raw`\p{Script=Latin}(?:[\p{Script=Latin}\p{Nd}\p{M}]|[ \-'’.&/](?=[\p{Script=Latin}\p{Nd}]))*`,
    String.raw`\p{Nd}(?:\p{Nd}|[.,:/\-٫٬](?=\p{Nd}))*`,
  ].join('|'),
  'gu',
);
// Inside left-to-right text, runs of Arabic script (Dari or Pashto words quoted in English).
const LTR_FOREIGN = /[\p{Script=Arabic}](?:[\p{Script=Arabic}\p{M}\u200c]|[ ](?=\p{Script=Arabic}))*/gu;

/** Mentions that can be shown: inside the text, not empty, not overlapping an earlier one. */
function usableMentions(text, mentions) {
  const sorted = (mentions || [])
    .filter((m) => Number.isInteger(m.start16) && Number.isInteger(m.end16))
    .filter((m) => m.start16 >= 0 && m.end16 <= text.length && m.start16 < m.end16)
    .sort((a, b) => a.start16 - b.start16 || b.end16 - a.end16);
  const out = [];
  let end = 0;
  for (const m of sorted) {
    if (m.start16 < end) continue;
    out.push(m);
    end = m.end16;
  }
  return out;
}

/** Plain text cut into {kind:'text'} and {kind:'isolate', dir} runs for a side written in `dir`. */
function plainRuns(text, dir) {
  const pattern = dir === 'rtl' ? RTL_FOREIGN : LTR_FOREIGN;
  const runs = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) runs.push({ kind: 'text', text: text.slice(at, match.index) });
    runs.push({ kind: 'isolate', dir: dir === 'rtl' ? 'ltr' : 'rtl', text: match[0] });
    at = match.index + match[0].length;
  }
  if (at < text.length) runs.push({ kind: 'text', text: text.slice(at) });
  return runs;
}

/**
 * A side's text as runs to display: {kind:'mention', text, mention}, {kind:'isolate', dir, text} for
 * a run in the other direction, and {kind:'text', text}. Offsets are start16/end16 (UTF-16 units).
 */
export function textRuns(text, mentions, dir) {
  const runs = [];
  let at = 0;
  for (const mention of usableMentions(text, mentions)) {
    runs.push(...plainRuns(text.slice(at, mention.start16), dir));
    runs.push({ kind: 'mention', text: text.slice(mention.start16, mention.end16), mention });
    at = mention.end16;
  }
  runs.push(...plainRuns(text.slice(at), dir));
  return runs;
}
