#!/usr/bin/env python3
"""Browser test of the review page of `lexalign serve`, driven as a reviewer would drive it.

scripts/browser-test.sh runs it against a server on a copy of Alignments/ in which one bead of
qosh-tepa-canal/prs-en is set to `auto`:

    review_page_check.py --url http://127.0.0.1:PORT/ --bead-file ROOT/Alignments/qosh-tepa-canal/prs-en.tsv
                         --before COPY --line N [--screenshot PATH] [--chromium PATH]

--before is the bead file as it was before the test, --line the 1-based line of the bead set to auto.
It starts its own headless Chromium and talks to it over the DevTools protocol (websocket-client is
the only package it needs), loads the pair view, checks text direction and entity highlighting,
selects the auto bead with `j`, marks it with `r`, saves with Ctrl+S, and checks on disk that that
line alone changed. One `ok:` line per check; exit 1 at the first failure; Chromium is always killed.
"""

import argparse
import base64
import hashlib
import json
import os
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
KEYS = {"j": ("KeyJ", 74), "r": ("KeyR", 82), "s": ("KeyS", 83)}


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
    for side in ("source", "target"):
        prefix = f"# {side}: ".encode()
        pins = [line for line in data.split(b"\n") if line.startswith(prefix)]
        if len(pins) != 1 or b" sha256=" not in pins[0]:
            fail(f"{path} lost its {side} pin (found {pins!r})")
        name, digest = pins[0][len(prefix):].decode().rsplit(" sha256=", 1)
        actual = hashlib.sha256(read_bytes(os.path.join(folder, name))).hexdigest()
        if actual != digest:
            fail(f"the {side} pin of {path} says {digest}, but {name} has sha256 {actual}")
    ok("the bead file keeps its source and target pins, and both match the sentence files")


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


def open_pair_view(devtools, url, bead_count):
    """A fresh load of the pair view: about:blank first, so that a hash-only change cannot reuse the
    page already shown."""
    devtools.call("Page.navigate", url="about:blank")
    started = time.monotonic()
    devtools.call("Page.navigate", url=f"{url}#/{PAIR}")
    devtools.wait_for("location.hash === '#/%s' && document.querySelectorAll('.bead').length > 0" % PAIR,
                      f".bead elements on {url}#/{PAIR}")
    shown = devtools.evaluate("document.querySelectorAll('.bead').length")
    if shown != bead_count:
        fail(f"the pair view shows {shown} .bead elements; the bead file has {bead_count} beads")
    ok(f"{url}#/{PAIR} shows all {bead_count} beads ({time.monotonic() - started:.1f} s)")


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
    """Moves to the bead with `j` alone. With no bead current at first, the first `j` is taken to
    select bead 0 (the contract does not say where the page starts)."""
    start = current_index(devtools)
    first = -1 if start is None else start
    if first > index:
        fail(f"the page starts at bead {first}, past bead {index}, so `j` cannot reach it")
    for _ in range(index - first):
        devtools.press("j")
    try:
        devtools.wait_for("document.querySelector('.bead.current')?.dataset.index === '%d'" % index,
                          f"bead {index} to be .current")
    except CheckFailed:
        fail(f"after pressing j {index - first} times from bead {'none' if start is None else start}, "
             f"the .current bead is {current_index(devtools)}, not {index}")
    state = bead_state(devtools, index)
    if state["status"] != "auto":
        fail(f"bead {index} is .current but has data-status=\"{state['status']}\", not auto")
    ok(f"pressing j {index - first} times made bead {index} .current, with data-status=\"auto\"")


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
    devtools.press_with_control("s")
    message = devtools.wait_for(SAVE_OUTCOME, "#message to say \"Saved\" after Ctrl+S")
    if message["error"]:
        fail(f"saving failed; #message (class error) says: {message['text']}")
    ok(f"Ctrl+S saved: #message says \"{message['text']}\"")


# -------------------------------------------------------------------------------------- main


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="the server's address, http://HOST:PORT/")
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
    open_pair_view(devtools, arguments.url, len(rows))
    if arguments.screenshot:
        save_screenshot(devtools, arguments.screenshot)
    check_directions(devtools, rows)
    check_mentions(devtools)
    check_only_auto_bead(devtools, index)
    select_bead(devtools, index)
    mark_reviewed(devtools, index, arguments.bead_file, before)
    save(devtools)
    check_bead_file(arguments.bead_file, before, arguments.line)
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
