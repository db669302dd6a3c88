#!/usr/bin/env python3
"""Browser test of the review page of `lexalign serve`, driven as a reviewer would drive it.

scripts/browser-test.sh runs it against a server on a copy of Alignments/ in which one bead of
qosh-tepa-canal/prs-en is set to `auto`:

    review_page_check.py --url http://127.0.0.1:PORT/ --root ROOT --binary LEXALIGN
                         --bead-file ROOT/Alignments/qosh-tepa-canal/prs-en.tsv
                         --before COPY --line N [--screenshot PATH] [--chromium PATH]

--root is the folder the server serves, --binary the lexalign it runs, --before the bead file as it
was before the test, --line the 1-based line of the bead set to auto. It starts its own headless
Chromium and talks to it over the DevTools protocol (websocket-client is the only package it needs).
Every change is made with real key events, as a reviewer makes it; then, in this order:

1. qosh-tepa-canal/prs-en: text direction and entity highlighting; the auto bead selected with `j`,
   marked with `r`, saved with Ctrl+S; on disk that bead's status alone changed, pins kept.
2. Merge and undo: `m` shows one bead fewer, whose refs are the union of the two; `u` brings back
   the beads as they were (refs, statuses) and "No unsaved changes".
3. Merge and save: `m`, Ctrl+S; on disk the two rows are one row, refs united, status auto, texts
   the sentences joined by a space, a score in [0, 1] as `align rescore` gives it (and the page
   shows); every other line unchanged; `lexalign validate` exits 0 on the file.
4. 409: torkham-border-trade/prs-en is rewritten on disk after the page loaded it; `x` and Ctrl+S
   give an error that says the file changed, the file keeps what the test wrote, and the page's
   "Reload from disk" shows that version.
5. 422: a line is appended to kabul-daesh-neighbours' prs.txt after the page loaded the pair (its
   pin goes stale); `x` and Ctrl+S give an error listing the server's findings, the bead file is
   unchanged and the page keeps the unsaved change.

One `ok:` line per check; exit 1 at the first failure; Chromium is always killed.
"""

import argparse
import base64
import hashlib
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

PAIR = "qosh-tepa-canal/prs-en"
TIMEOUT = 20.0  # seconds, for every wait on the browser or the page
POLL = 0.1
VIEWPORT = (1280, 900)
MENTION = ".mention"  # the class the contract gives mentions; review.js uses it too
CONTROL = 2  # the DevTools protocol's modifier bit for Ctrl
# DOM key code and Windows virtual key code of each key pressed; the page reads `key`.
KEYS = {letter: (f"Key{letter.upper()}", ord(letter.upper())) for letter in "jkmrsux"}
# The merge checks' beads of PAIR (0-based). Check 2 merges "11 ↔ -" with "12 ↔ 11": a union with
# an empty side. Check 3 saves the merge of "8 ↔ 9" with "9-10 ↔ 10": a range joins a single line,
# and `validate` finds nothing in the result (merging bead 8 or 9 with the next would leave an
# entity-mismatch warning: Kazakhstan named in Dari only).
UNDO_MERGE_BEAD = 9
SAVED_MERGE_BEAD = 7
# Other pairs, so that the 409 and 422 checks start from a file this run has not saved.
CONFLICT_PAIR = "torkham-border-trade/prs-en"
REFUSAL_PAIR = "kabul-daesh-neighbours/prs-en"


class CheckFailed(Exception):
    pass


class EvaluationFailed(CheckFailed):
    """The page's JavaScript threw, or its context went away mid-navigation."""


def ok(message):
    print(f"ok: {message}", flush=True)


def fail(message):
    raise CheckFailed(message)


# ---------------------------------------------------------------------------------------- Chromium


class Chromium:
    """A headless Chromium with a throwaway profile, in a process group of its own so that
    close() ends it and every helper process it started, and nothing else."""

    def __init__(self, executable):
        self.profile = tempfile.mkdtemp(prefix="review-page-check-")
        self.log_path = os.path.join(self.profile, "chromium.log")
        arguments = [
            executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
            f"--user-data-dir={self.profile}", "--no-first-run", "--no-default-browser-check",
            f"--window-size={VIEWPORT[0]},{VIEWPORT[1]}", "about:blank",
        ]
        with open(self.log_path, "wb") as log:
            try:
                self.process = subprocess.Popen(arguments, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                                start_new_session=True)
            except OSError as error:
                shutil.rmtree(self.profile, ignore_errors=True)
                fail(f"could not start {executable}: {error}")

    def log_tail(self, lines=15):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as log:
                return "".join(log.readlines()[-lines:])
        except OSError:
            return ""

    def devtools_port(self):
        """Chromium writes the port it chose for --remote-debugging-port=0 into DevToolsActivePort."""
        path = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                fail(f"chromium exited with status {self.process.returncode} at start:\n{self.log_tail()}")
            try:
                with open(path, encoding="ascii") as file:
                    first_line = file.readline().strip()
                if first_line.isdigit():
                    return int(first_line)
            except OSError:
                pass
            time.sleep(POLL)
        fail(f"chromium wrote no {path} within {TIMEOUT:.0f} s:\n{self.log_tail()}")

    def page_websocket(self, port):
        """The DevTools websocket of the tab Chromium opened on about:blank."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=TIMEOUT) as answer:
                targets = json.load(answer)
            pages = [target for target in targets if target.get("type") == "page"]
            if pages:
                return pages[0]["webSocketDebuggerUrl"]
            time.sleep(POLL)
        fail(f"chromium on port {port} opened no page target within {TIMEOUT:.0f} s")

    def close(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


# ---------------------------------------------------------------------------------- DevTools


class DevTools:
    """One page target's DevTools session: commands answered in order, events noted on the way."""

    def __init__(self, websocket_url):
        # No Origin header: Chromium refuses DevTools websockets from origins it was not told to allow.
        self.socket = websocket.create_connection(websocket_url, timeout=TIMEOUT, suppress_origin=True)
        self.last_id = 0
        self.exceptions = []  # uncaught exceptions of the page, reported at the end or on failure
        self.console_errors = []

    def call(self, method, **params):
        self.last_id += 1
        self.socket.send(json.dumps({"id": self.last_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.last_id:
                break
            self.note_event(message)
        if "error" in message:
            fail(f"DevTools {method} failed: {message['error'].get('message')}")
        return message.get("result", {})

    def note_event(self, message):
        params = message.get("params", {})
        if message.get("method") == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.exceptions.append(details.get("exception", {}).get("description") or details.get("text", "?"))
        elif message.get("method") == "Runtime.consoleAPICalled" and params.get("type") == "error":
            words = [str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])]
            self.console_errors.append(" ".join(words))

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text", "?")
            raise EvaluationFailed(f"page script failed: {text}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression, what):
        """Polls until the expression is truthy; while a page loads, evaluation may fail for a moment."""
        deadline = time.monotonic() + TIMEOUT
        last_error = ""
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
                if value:
                    return value
            except EvaluationFailed as error:
                last_error = f" (last error: {error})"
            time.sleep(POLL)
        fail(f"timed out after {TIMEOUT:.0f} s waiting for {what}{last_error}")

    def press(self, key):
        """Types a letter as a keyboard does. rawKeyDown, not keyDown: a keyDown with text would fire
        keypress itself, and the char event after it would fire a second one."""
        code, key_code = KEYS[key]
        fields = {"key": key, "code": code, "windowsVirtualKeyCode": key_code, "nativeVirtualKeyCode": key_code}
        self.call("Input.dispatchKeyEvent", type="rawKeyDown", **fields)
        self.call("Input.dispatchKeyEvent", type="char", text=key, unmodifiedText=key, **fields)
        self.call("Input.dispatchKeyEvent", type="keyUp", **fields)

    def press_with_control(self, key):
        """Ctrl+key as a keyboard sends it: Control goes down first and up last, and no char event,
        since a Control chord types no character."""
        control = {"key": "Control", "code": "ControlLeft", "windowsVirtualKeyCode": 17,
                   "nativeVirtualKeyCode": 17}
        code, key_code = KEYS[key]
        fields = {"key": key, "code": code, "windowsVirtualKeyCode": key_code, "nativeVirtualKeyCode": key_code,
                  "modifiers": CONTROL}
        self.call("Input.dispatchKeyEvent", type="rawKeyDown", modifiers=CONTROL, **control)
        self.call("Input.dispatchKeyEvent", type="rawKeyDown", **fields)
        self.call("Input.dispatchKeyEvent", type="keyUp", **fields)
        self.call("Input.dispatchKeyEvent", type="keyUp", modifiers=0, **control)

    def close(self):
        self.socket.close()


# --------------------------------------------------------------------------------- bead file


def bead_rows(data):
    """(line number, fields) of each bead line: neither a comment, nor the column header, nor empty."""
    rows = []
    header_seen = False
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line or line.startswith(b"#"):
            continue
        if header_seen:
            rows.append((number, line.decode("utf-8").split("\t")))
        header_seen = True
    return rows


def with_status(line, status):
    fields = line.split(b"\t")
    fields[3] = status
    return b"\t".join(fields)


def check_bead_file(path, before, line_number):
    """The save must rewrite that bead's status and leave every other byte of the file alone."""
    after = read_bytes(path)
    before_lines, after_lines = before.split(b"\n"), after.split(b"\n")
    if len(after_lines) != len(before_lines):
        fail(f"{path} has {len(after_lines)} lines after saving, {len(before_lines)} before")
    expected = with_status(before_lines[line_number - 1], b"reviewed")
    actual = after_lines[line_number - 1]
    if actual != expected:
        fail(f"line {line_number} of {path} after saving:\n  {shown(actual)}\nexpected:\n  {shown(expected)}")
    ok(f"line {line_number} of the bead file now says reviewed, and the rest of that line is unchanged")
    changed = [number for number, (old, new) in enumerate(zip(before_lines, after_lines), start=1)
               if number != line_number and old != new]
    if changed:
        first = changed[0]
        fail(f"saving changed other lines of {path}: {changed}; line {first} was\n  "
             f"{shown(before_lines[first - 1])}\nand is\n  {shown(after_lines[first - 1])}")
    line_count = len(before_lines) - 1 if before.endswith(b"\n") else len(before_lines)
    ok(f"the other {line_count - 1} lines of the bead file are byte-for-byte unchanged")
    check_pins(path, after)


def check_pins(path, data):
    """The pins must still be there and still match the sentence files beside the bead file."""
    folder = os.path.dirname(path)
    for side, (name, digest) in read_pins(path, data).items():
        actual = hashlib.sha256(read_bytes(os.path.join(folder, name))).hexdigest()
        if actual != digest:
            fail(f"the {side} pin of {path} says {digest}, but {name} has sha256 {actual}")
    ok("the bead file keeps its source and target pins, and both match the sentence files")


def read_pins(path, data):
    """{side: (sentence file name, sha256)} from the `# source:` and `# target:` lines."""
    pins = {}
    for side in ("source", "target"):
        prefix = f"# {side}: ".encode()
        lines = [line for line in data.split(b"\n") if line.startswith(prefix)]
        if len(lines) != 1 or b" sha256=" not in lines[0]:
            fail(f"{path} lost its {side} pin (found {lines!r})")
        pins[side] = tuple(lines[0][len(prefix):].decode().rsplit(" sha256=", 1))
    return pins


def sentence_file(bead_file, data, side):
    """The path of the sentence file the bead file pins on that side."""
    return os.path.join(os.path.dirname(bead_file), read_pins(bead_file, data)[side][0])


def sentences_of(ref, lines):
    """The text a bead file holds for a ref: its sentence lines joined by one space ("" for "-")."""
    span = parse_ref(ref)
    return "" if span is None else " ".join(lines[span[0] - 1:span[1]])


def parse_ref(ref):
    """(first, last) line of a ref such as "9-10", or None for an empty side ("-", or "–" as the page
    shows it)."""
    if ref in ("-", "–", ""):
        return None
    first, _, last = ref.partition("-")
    return int(first), int(last or first)


def union_ref(a, b):
    """One side of two merged beads, as FORMATS.md writes refs: "8"+"9-10" is "8-10", "-"+"11" is "11"."""
    spans = [span for span in (parse_ref(a), parse_ref(b)) if span]
    if not spans:
        return "-"
    first, last = min(span[0] for span in spans), max(span[1] for span in spans)
    return str(first) if first == last else f"{first}-{last}"


def write_behind_the_page(path, data):
    """Replaces a served file as an editor or `git checkout` would: a temporary file, then a rename."""
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".browser-test-")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    shutil.copymode(path, temporary)  # mkstemp makes it 0600
    os.replace(temporary, path)


def shown(line):
    """A line as Python writes a string: tabs and invisible marks such as ZWNJ escaped, Dari readable."""
    return repr(line.decode("utf-8", "backslashreplace"))


def read_bytes(path):
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError as error:
        fail(f"cannot read {path}: {error}")


# -------------------------------------------------------------------------------------- page


def open_pair_view(devtools, url, pair, bead_count):
    """A fresh load of the pair view: about:blank first, so that a hash-only change cannot reuse the
    page already shown."""
    devtools.call("Page.navigate", url="about:blank")
    started = time.monotonic()
    devtools.call("Page.navigate", url=f"{url}#/{pair}")
    devtools.wait_for("location.hash === '#/%s' && document.querySelectorAll('.bead').length > 0" % pair,
                      f".bead elements on {url}#/{pair}")
    shown = devtools.evaluate("document.querySelectorAll('.bead').length")
    if shown != bead_count:
        fail(f"the pair view shows {shown} .bead elements; the bead file has {bead_count} beads")
    ok(f"{url}#/{pair} shows all {bead_count} beads ({time.monotonic() - started:.1f} s)")


def save_screenshot(devtools, path):
    # Fonts load after the beads appear; without waiting, Dari may be drawn in a fallback font.
    devtools.evaluate("document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => "
                      "requestAnimationFrame(r)))).then(() => true)")
    data = base64.b64decode(devtools.call("Page.captureScreenshot", format="png")["data"])
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("Page.captureScreenshot returned no PNG")
    width, height = struct.unpack(">II", data[16:24])
    if (width, height) != VIEWPORT:
        fail(f"the screenshot is {width}x{height}, not {VIEWPORT[0]}x{VIEWPORT[1]}")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "wb") as file:
        file.write(data)
    ok(f"screenshot of the pair view saved to {path} ({width}x{height}, {len(data)} bytes)")


# For each bead, the direction that applies to the smallest element holding each side's text. The
# page may decorate a side (a mention shows its entity's label beside it) and may show the sentences
# of "9-10" apart, so a side holds its text when it has the text's characters in order, white space
# left out.
SIDE_DIRECTIONS = r"""
((texts) => {
  const squash = (s) => s.replace(/\s+/g, '');
  const holds = (haystack, needle) => {
    let found = 0;
    for (let i = 0; i < haystack.length && found < needle.length; i++) {
      if (haystack[i] === needle[found]) found++;
    }
    return found === needle.length;
  };
  const direction = (bead, text) => {
    const key = squash(text);
    const holders = [bead, ...bead.querySelectorAll('*')].filter((e) => holds(squash(e.textContent), key));
    if (holders.length === 0) return 'text not shown';
    const smallest = holders[holders.length - 1];
    const marked = smallest.closest('[dir]');
    return marked ? marked.getAttribute('dir') : 'no dir attribute';
  };
  return texts.map(([source, target], index) => {
    const bead = document.querySelector(`.bead[data-index="${index}"]`);
    if (!bead) return ['no .bead with this data-index', ''];
    return [source ? direction(bead, source) : 'rtl', target ? direction(bead, target) : 'ltr'];
  });
})
"""


def check_directions(devtools, rows):
    texts = [[fields[4], fields[5]] for _, fields in rows]
    found = devtools.evaluate(f"({SIDE_DIRECTIONS})({json.dumps(texts)})")
    for index, (source, target) in enumerate(found):
        if source != "rtl":
            fail(f"bead {index}: its Dari text should be under dir=\"rtl\", found: {source}")
        if target != "ltr":
            fail(f"bead {index}: its English text should be under dir=\"ltr\", found: {target}")
    ok(f"all {len(rows)} beads show their Dari text under dir=\"rtl\" and their English text under dir=\"ltr\"")


# review.js shows the entity's label inside the mention beside its text (.mention-text); the
# examples printed are the text alone when it is marked so.
MENTIONS = r"""
(() => {
  const side = (dir) => [...document.querySelectorAll('.bead %s')]
    .filter((m) => m.closest('[dir]')?.getAttribute('dir') === dir)
    .map((m) => (m.querySelector('.mention-text') || m).textContent.trim()).filter((text) => text !== '');
  return {rtl: side('rtl'), ltr: side('ltr')};
})()
""" % MENTION


def check_mentions(devtools):
    """Dari and English mentions both: the Dari ones go through the UTF-16 offsets (start16/end16)."""
    mentions = devtools.evaluate(MENTIONS)
    if not mentions["rtl"] and not mentions["ltr"]:
        fail(f"no entity mention is highlighted: no non-empty {MENTION} element inside a .bead")
    for direction, language in (("rtl", "Dari"), ("ltr", "English")):
        if not mentions[direction]:
            fail(f"no {language} mention is highlighted: no {MENTION} inside a .bead's dir=\"{direction}\" side")
    ok(f"entity mentions are highlighted ({MENTION}): {len(mentions['rtl'])} Dari, e.g. "
       f"\"{mentions['rtl'][0]}\"; {len(mentions['ltr'])} English, e.g. \"{mentions['ltr'][0]}\"")


def bead_state(devtools, index):
    return devtools.evaluate(
        "(() => { const b = document.querySelector('.bead[data-index=\"%d\"]');"
        " return b && {status: b.dataset.status, current: b.classList.contains('current')}; })()" % index)


def current_index(devtools):
    indices = devtools.evaluate("[...document.querySelectorAll('.bead.current')].map((b) => Number(b.dataset.index))")
    if len(indices) > 1:
        fail(f"several beads are .current at once: {indices}")
    return indices[0] if indices else None


def check_only_auto_bead(devtools, index):
    autos = devtools.evaluate(
        "[...document.querySelectorAll('.bead[data-status=\"auto\"]')].map((b) => Number(b.dataset.index))")
    if autos != [index]:
        fail(f"the beads with data-status=\"auto\" are {autos}; the bead file has only bead {index} auto")
    ok(f"bead {index} alone has data-status=\"auto\", as in the bead file")


def select_bead(devtools, index):
    """Moves to the auto bead with `j` alone (the page must start above it)."""
    start = current_index(devtools)
    if start is not None and start > index:
        fail(f"the page starts at bead {start}, past bead {index}, so `j` cannot reach it")
    presses = go_to_bead(devtools, index)
    state = bead_state(devtools, index)
    if state["status"] != "auto":
        fail(f"bead {index} is .current but has data-status=\"{state['status']}\", not auto")
    ok(f"{presses} made bead {index} .current, with data-status=\"auto\"")


def go_to_bead(devtools, index):
    """Moves the .current mark to a bead with `j` or `k` and says which keys it pressed. With no bead
    current at first, the first `j` is taken to select bead 0 (the contract does not say where the
    page starts)."""
    start = current_index(devtools)
    first = -1 if start is None else start
    key = "j" if index >= first else "k"
    for _ in range(abs(index - first)):
        devtools.press(key)
    presses = f"pressing {key} {abs(index - first)} times"
    try:
        devtools.wait_for("document.querySelector('.bead.current')?.dataset.index === '%d'" % index,
                          f"bead {index} to be .current")
    except CheckFailed:
        fail(f"after {presses} from bead {'none' if start is None else start}, "
             f"the .current bead is {current_index(devtools)}, not {index}")
    return presses


def mark_reviewed(devtools, index, bead_file, before):
    devtools.press("r")
    devtools.wait_for("document.querySelector('.bead[data-index=\"%d\"]')?.dataset.status === 'reviewed'" % index,
                      f"bead {index} to get data-status=\"reviewed\" after pressing r")
    if read_bytes(bead_file) != before:
        fail("the bead file changed on disk before Ctrl+S: changes must be held in the page until saved")
    ok(f"r marked bead {index} reviewed in the page; the file on disk is unchanged until saved")


# The outcome of a save once #message shows one: "Saved" in its text, or its class error. The text is
# read as shown (innerText), its lines joined, since an error lists its findings as paragraphs.
SAVE_OUTCOME = r"""
(() => {
  const message = document.querySelector('#message');
  if (!message) return null;
  const error = message.classList.contains('error');
  if (!error && !message.textContent.includes('Saved')) return null;
  return {error, text: message.innerText.trim().replace(/\s*\n\s*/g, ' | ')};
})()
"""


def save(devtools):
    message = save_outcome(devtools)
    if message["error"]:
        fail(f"saving failed; #message (class error) says: {message['text']}")
    ok(f"Ctrl+S saved: #message says \"{message['text']}\"")
    return message


def save_outcome(devtools):
    """Ctrl+S, then what #message says once the server has answered: {error, text}."""
    devtools.press_with_control("s")
    return devtools.wait_for(SAVE_OUTCOME, "#message to say \"Saved\" or get class error after Ctrl+S")


# ------------------------------------------------------------------------- merge, undo, refusals


# Every bead as the page shows it: [source ref, target ref, status]. The page writes an empty side
# as "–"; it is read back as the file's "-", so that the lists compare with bead file rows.
PAGE_BEADS = r"""
[...document.querySelectorAll('#beads > .bead')].map((bead) => {
  const refs = [...bead.querySelectorAll('.refs bdi')].map((r) => (r.textContent === '–' ? '-' : r.textContent));
  return [...refs, bead.dataset.status];
})
"""

# What tells a reviewer whether there is something to save: #dirty, the .changed beads, the title.
UNSAVED = r"""
({dirty: document.querySelector('#dirty')?.textContent.trim(),
  changed: document.querySelectorAll('#beads > .bead.changed').length,
  title: document.title})
"""

# The findings #message lists, as [severity, rule].
MESSAGE_FINDINGS = r"""
[...document.querySelectorAll('#message .finding')].map((f) =>
  [f.querySelector('.severity')?.textContent.trim(), f.querySelector('.rule')?.textContent.trim()])
"""


def beads_in_page(devtools, count, what):
    """The beads shown once there are `count` of them (edits re-render the list)."""
    devtools.wait_for("document.querySelectorAll('#beads > .bead').length === %d" % count,
                      f"{count} beads to be shown {what}")
    return devtools.evaluate(PAGE_BEADS)


def first_difference(shown, expected):
    for index, (actual, wanted) in enumerate(zip(shown, expected)):
        if actual != wanted:
            return f"bead {index} shows {actual}, expected {wanted}"
    return f"{len(shown)} beads shown, {len(expected)} expected"


def bead_status_is(devtools, index, status, what):
    devtools.wait_for("document.querySelector('.bead[data-index=\"%d\"]')?.dataset.status === '%s'" % (index, status),
                      f"bead {index} to get data-status=\"{status}\" {what}")


def check_nothing_unsaved(devtools, what):
    unsaved = devtools.evaluate(UNSAVED)
    if unsaved["dirty"] != "No unsaved changes" or unsaved["changed"] or unsaved["title"].startswith("●"):
        fail(f"{what}, the page still shows unsaved changes: #dirty says \"{unsaved['dirty']}\", "
             f"{unsaved['changed']} beads are .changed, the title is \"{unsaved['title']}\"")
    return unsaved["dirty"]


def merge_current(devtools, index):
    """Presses m on bead `index`; returns the beads shown before, and what the merge must show."""
    go_to_bead(devtools, index)
    before = devtools.evaluate(PAGE_BEADS)
    if index + 1 >= len(before):
        fail(f"bead {index} is the last of {len(before)} beads: it has no next bead to merge with")
    (source_a, target_a, _), (source_b, target_b, _) = before[index:index + 2]
    merged = [union_ref(source_a, source_b), union_ref(target_a, target_b), "auto"]
    devtools.press("m")
    shown = beads_in_page(devtools, len(before) - 1, "after pressing m")
    expected = before[:index] + [merged] + before[index + 2:]
    if shown != expected:
        fail(f"after m on bead {index}: {first_difference(shown, expected)}")
    return before, merged


def check_merge_and_undo(devtools, index):
    """m merges in the page; u must put back exactly the beads there were, with nothing left to save."""
    before, merged = merge_current(devtools, index)
    dirty = devtools.evaluate(UNSAVED)["dirty"]
    ok(f"m merged beads {index} and {index + 1}: {len(before) - 1} beads shown, bead {index} is "
       f"{merged[0]} ↔ {merged[1]} ({merged[2]}); #dirty says \"{dirty}\"")
    devtools.press("u")
    shown = beads_in_page(devtools, len(before), "after pressing u")
    if shown != before:
        fail(f"after u the beads are not as before the merge: {first_difference(shown, before)}")
    dirty = check_nothing_unsaved(devtools, "after u undid the only change")
    ok(f"u undid the merge: all {len(before)} beads are back with their refs and statuses; #dirty says \"{dirty}\"")


def check_merge_and_save(devtools, index, bead_file, binary):
    """m, then Ctrl+S: the file gets one row for the two, built by the server from the sentence files."""
    before = read_bytes(bead_file)
    _, merged = merge_current(devtools, index)
    save(devtools)
    score = devtools.evaluate("document.querySelector('.bead[data-index=\"%d\"] .score')?.textContent" % index)
    check_nothing_unsaved(devtools, "after saving")
    check_merged_row(bead_file, before, index, merged, score, binary)
    check_validate(binary, bead_file)


def check_merged_row(path, before, index, merged, page_score, binary):
    after = read_bytes(path)
    rows = bead_rows(before)
    first_line, second_line = rows[index][0], rows[index + 1][0]
    before_lines, after_lines = before.split(b"\n"), after.split(b"\n")
    # The two rows become one at the first one's place; every other line stays as it was, byte for byte.
    expected_others = before_lines[:first_line - 1] + before_lines[second_line:]
    others = after_lines[:first_line - 1] + after_lines[first_line:]
    if second_line != first_line + 1 or len(others) != len(expected_others):
        fail(f"{path} has {len(after_lines)} lines after saving the merge, {len(before_lines)} before")
    changed = [number for number, (old, new) in enumerate(zip(expected_others, others), start=1) if old != new]
    if changed:
        fail(f"saving the merge changed other lines of {path}, e.g. {shown(expected_others[changed[0] - 1])} "
             f"became {shown(others[changed[0] - 1])}")
    row = after_lines[first_line - 1].decode("utf-8").split("\t")
    source = read_lines(sentence_file(path, after, "source"))
    target = read_lines(sentence_file(path, after, "target"))
    expected = [merged[0], merged[1], row[2] if len(row) > 2 else "?", "auto",
                sentences_of(merged[0], source), sentences_of(merged[1], target)]
    if row != expected:
        wanted = "\t".join(expected).encode()
        fail(f"line {first_line} of {path} after saving the merge:\n  {shown(after_lines[first_line - 1])}\n"
             f"expected (score aside):\n  {shown(wanted)}")
    score = check_score(row[2], page_score, path, first_line, index, binary)
    ok(f"lines {first_line} and {second_line} are now line {first_line}: {row[0]} ↔ {row[1]}, auto, score {score} "
       f"(as `align rescore` gives it and the page shows), texts = the sentence lines joined by a space; "
       f"the other {len(others) - 1} lines are byte-for-byte unchanged")


def check_score(text, page_score, path, line, index, binary):
    """The score must be the server's: a number in [0, 1], what `align rescore` gives the merged bead
    (the page sends 0 for a new bead; the server must not keep it), and what the page shows after saving."""
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", text) or not 0 <= float(text) <= 1:
        fail(f"line {line} of {path} has score {text!r}, not a number in [0, 1]")
    rescored = rescored_score(binary, path, index)
    if rescored != text:
        fail(f"line {line} of {path} has score {text}; `lexalign align rescore` gives that bead {rescored}")
    if page_score is None or f"{float(text):.2f}" not in page_score:
        fail(f"line {line} of {path} has score {text}, the page shows {page_score!r} for that bead")
    return text


def rescored_score(binary, path, index):
    """The score `align rescore` gives bead `index`, in a copy of the bead file and its sentence files
    (rescore rewrites the file it is given)."""
    data = read_bytes(path)
    with tempfile.TemporaryDirectory(prefix="review-page-rescore-") as folder:
        copy = os.path.join(folder, os.path.basename(path))
        shutil.copy(path, copy)
        for name, _ in read_pins(path, data).values():
            os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
            shutil.copy(os.path.join(os.path.dirname(path), name), os.path.join(folder, name))
        run_lexalign(binary, "align", "rescore", copy)
        return bead_rows(read_bytes(copy))[index][1][2]


def run_lexalign(binary, *arguments):
    """Runs lexalign; fails unless it exits 0; returns what it printed."""
    command = " ".join(("lexalign",) + arguments)
    try:
        result = subprocess.run([binary, *arguments], capture_output=True, text=True, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as error:
        fail(f"could not run {command}: {error}")
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        fail(f"{command} exited {result.returncode}, not 0:\n{output}")
    return output


def check_validate(binary, path):
    """Exit 0: no error (warnings, shown if any, do not fail `validate`); exit 1 would mean errors."""
    output = run_lexalign(binary, "validate", path)
    ok(f"lexalign validate exits 0 on the saved file: \"{output.splitlines()[-1] if output else ''}\"")


def check_conflict(devtools, url, root, pair):
    """A file changed on disk after the page read it: the save is refused (409), nothing is overwritten,
    and "Reload from disk" shows the file as it is now."""
    path = pair_file(root, pair)
    original = read_bytes(path)
    rows = bead_rows(original)
    open_pair_view(devtools, url, pair, len(rows))
    # Behind the page's back: the last bead's status changes on disk.
    last_line, last_fields = rows[-1]
    new_status = "rejected" if last_fields[3] != "rejected" else "reviewed"
    lines = original.split(b"\n")
    lines[last_line - 1] = with_status(lines[last_line - 1], new_status.encode())
    ours = b"\n".join(lines)
    write_behind_the_page(path, ours)
    go_to_bead(devtools, 0)
    devtools.press("x")
    bead_status_is(devtools, 0, "rejected", "after pressing x")
    message = save_outcome(devtools)
    if not message["error"]:
        fail(f"saving over a file changed on disk was not refused: #message says \"{message['text']}\"")
    if "changed" not in message["text"]:
        fail(f"#message (class error) does not say that the file changed: \"{message['text']}\"")
    if read_bytes(path) != ours:
        fail(f"{path} is no longer what the test wrote: the refused save changed it")
    if not devtools.evaluate("!!document.querySelector('#message button')"):
        fail("#message offers no button to reload the file after the 409")
    ok(f"409: #message (class error) says \"{message['text']}\"; the file on disk is still the test's version")
    click(devtools, "#message button")
    devtools.wait_for("document.querySelector('.bead[data-index=\"%d\"]')?.dataset.status === '%s' && "
                      "document.querySelector('.bead[data-index=\"0\"]')?.dataset.status === '%s'"
                      % (len(rows) - 1, new_status, rows[0][1][3]), "the page to show the file as written on disk")
    check_nothing_unsaved(devtools, "after Reload from disk")
    ok(f"\"Reload from disk\" shows the file as the test wrote it (bead {len(rows) - 1} {new_status}, "
       f"bead 0 {rows[0][1][3]}), with no unsaved changes")


def check_refusal(devtools, url, root, pair):
    """A save the server must refuse (422): the bead file's source pin no longer matches its sentence
    file, so validation finds errors; the page lists them and keeps the change."""
    path = pair_file(root, pair)
    original = read_bytes(path)
    open_pair_view(devtools, url, pair, len(bead_rows(original)))
    with open(sentence_file(path, original, "source"), "ab") as file:
        file.write("جمله‌ای که پس از بار شدن صفحه افزوده شد.\n".encode())
    go_to_bead(devtools, 0)
    devtools.press("x")
    bead_status_is(devtools, 0, "rejected", "after pressing x")
    message = save_outcome(devtools)
    if not message["error"]:
        fail(f"a save with a stale pin was not refused: #message says \"{message['text']}\"")
    findings = devtools.evaluate(MESSAGE_FINDINGS)
    errors = sorted({rule for severity, rule in findings if severity == "error"})
    if "stale-pin" not in errors:
        fail(f"#message (class error) lists no stale-pin error (errors listed: {errors}): \"{message['text']}\"")
    if read_bytes(path) != original:
        fail(f"{path} changed although the save was refused")
    unsaved = devtools.evaluate(UNSAVED)
    if unsaved["dirty"] != "1 unsaved change":
        fail(f"after the refused save #dirty says \"{unsaved['dirty']}\", not \"1 unsaved change\"")
    ok(f"422: #message (class error) lists {len(findings)} findings, errors {', '.join(errors)}; the bead file "
       f"is unchanged and the page keeps \"{unsaved['dirty']}\"")


def click(devtools, selector):
    """A left click at the middle of the element, as a mouse makes it."""
    middle = devtools.evaluate("(() => { const r = document.querySelector(%s)?.getBoundingClientRect();"
                               " return r && [r.x + r.width / 2, r.y + r.height / 2]; })()" % json.dumps(selector))
    if not middle:
        fail(f"no {selector} to click")
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        devtools.call("Input.dispatchMouseEvent", type=kind, x=middle[0], y=middle[1], button="left", clickCount=1)


def pair_file(root, pair):
    return os.path.join(root, "Alignments", f"{pair}.tsv")


def read_lines(path):
    return read_bytes(path).decode("utf-8").split("\n")


# -------------------------------------------------------------------------------------- main


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="the server's address, http://HOST:PORT/")
    parser.add_argument("--root", required=True, help="the folder the server serves (its Alignments/ a copy)")
    parser.add_argument("--binary", required=True, help="the lexalign the server runs, for `validate`")
    parser.add_argument("--bead-file", required=True, help=f"the served copy of {PAIR}.tsv")
    parser.add_argument("--before", required=True, help="a copy of that file made before the server started")
    parser.add_argument("--line", required=True, type=int, help="1-based line of the bead set to auto")
    parser.add_argument("--screenshot", help="also save a PNG of the pair view here")
    parser.add_argument("--chromium", default="chromium", help="the browser to run (default: chromium)")
    return parser.parse_args()


def chosen_bead(before, line_number):
    """The bead index of the line set to auto, and every bead's fields."""
    rows = bead_rows(before)
    for index, (number, fields) in enumerate(rows):
        if number == line_number:
            if len(fields) < 6 or fields[3] != "auto":
                fail(f"line {line_number} of the bead file is not a bead with status auto: {fields[:4]}")
            return index, rows
    fail(f"line {line_number} of the bead file is not a bead line")


def run_checks(devtools, arguments):
    before = read_bytes(arguments.before)
    if read_bytes(arguments.bead_file) != before:
        fail(f"{arguments.bead_file} differs from {arguments.before} before the test started")
    index, rows = chosen_bead(before, arguments.line)
    for domain in ("Page", "Runtime"):
        devtools.call(f"{domain}.enable")
    devtools.call("Emulation.setDeviceMetricsOverride", width=VIEWPORT[0], height=VIEWPORT[1],
                  deviceScaleFactor=1, mobile=False)
    open_pair_view(devtools, arguments.url, PAIR, len(rows))
    if arguments.screenshot:
        save_screenshot(devtools, arguments.screenshot)
    check_directions(devtools, rows)
    check_mentions(devtools)
    check_only_auto_bead(devtools, index)
    select_bead(devtools, index)
    mark_reviewed(devtools, index, arguments.bead_file, before)
    save(devtools)
    check_bead_file(arguments.bead_file, before, arguments.line)
    check_merge_and_undo(devtools, UNDO_MERGE_BEAD)
    check_merge_and_save(devtools, SAVED_MERGE_BEAD, arguments.bead_file, arguments.binary)
    check_conflict(devtools, arguments.url, arguments.root, CONFLICT_PAIR)
    check_refusal(devtools, arguments.url, arguments.root, REFUSAL_PAIR)
    if devtools.exceptions:
        fail(f"the page threw {len(devtools.exceptions)} uncaught exception(s), listed below")
    ok("the page threw no uncaught JavaScript exception")


def report_page_errors(devtools):
    for text in devtools.exceptions:
        print(f"  page exception: {text}", file=sys.stderr)
    for text in devtools.console_errors:
        print(f"  console.error: {text}", file=sys.stderr)


def main():
    arguments = parse_arguments()
    # A SIGTERM from the calling script must still reach the `finally` that kills Chromium.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    browser = None
    devtools = None
    try:
        browser = Chromium(arguments.chromium)
        port = browser.devtools_port()
        devtools = DevTools(browser.page_websocket(port))
        version = devtools.call("Browser.getVersion").get("product", "chromium")
        ok(f"{version} headless, driven over the DevTools protocol on port {port}")
        run_checks(devtools, arguments)
    except (CheckFailed, OSError, websocket.WebSocketException) as error:
        print(f"FAIL: {error}", file=sys.stderr)
        if devtools:
            report_page_errors(devtools)
        return 1
    finally:
        if devtools:
            devtools.close()
        if browser:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
