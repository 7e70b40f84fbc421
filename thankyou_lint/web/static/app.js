// The page draws what the server says; it never lints or fixes a letter itself.
// Every piece of letter text goes in with textContent or a text node, never as HTML.
"use strict";

const FAMILIES = {
  excuses: { label: "Excuses", icon: "!" },
  thanks: { label: "Thanks", icon: "♥" },
  strengths: { label: "Strengths", icon: "★" },
  tone: { label: "Tone", icon: "♪" },
  generic: { label: "Generic", icon: "≈" },
  structure: { label: "Structure", icon: "¶" },
  spelling: { label: "Spelling", icon: "✎" },
};
const REASONS = {
  "reinforces-strengths": "reinforces strengths",
  "shares-new-information": "new information",
  "confronts-objections": "answers objections",
  professional: "professional",
  "sets-apart": "specific details",
};
const CHECK_AFTER_MS = 250; // of quiet typing
const SAVED_FIELDS = ["letter", "company", "interviewer", "role"];

const $ = (id) => document.getElementById(id);
const state = { text: "", chars: [], report: null, rules: {}, undo: [], busy: false, timer: 0, fileName: "" };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

async function call(path, body) {
  const options = { method: body === undefined ? "GET" : "POST" };
  if (body instanceof Blob) {
    options.body = body;
  } else if (body !== undefined) {
    options.body = JSON.stringify(body);
    options.headers = { "Content-Type": "application/json" };
  }
  const response = await fetch(path, options);
  let data = null;
  try {
    data = await response.json();
  } catch (_) {
    // not JSON: the status says enough
  }
  if (!response.ok) {
    throw new Error((data && data.error) || `the server answered ${response.status}`);
  }
  return data;
}

// --- what the user wrote ----------------------------------------------------------------

function currentRequest() {
  const context = {};
  for (const key of ["company", "interviewer", "role"]) {
    const value = $(key).value.trim();
    if (value) context[key] = value;
  }
  return {
    text: $("letter").value,
    context: Object.keys(context).length ? context : null,
    markdown: $("markdown").checked,
  };
}

function save() {
  try {
    for (const id of SAVED_FIELDS) sessionStorage.setItem(`thankyou-lint.${id}`, $(id).value);
  } catch (_) {
    // storage full or disabled: the letter is still in the box
  }
}

function restore() {
  for (const id of SAVED_FIELDS) {
    const value = sessionStorage.getItem(`thankyou-lint.${id}`);
    if (value !== null && !$(id).value) $(id).value = value;
  }
}

function setLetter(text) {
  const current = $("letter").value;
  if (current !== text) {
    state.undo.push(current);
    $("undo").disabled = false;
  }
  $("letter").value = text;
  save();
}

// --- talking to the server --------------------------------------------------------------

function scheduleCheck() {
  save();
  clearTimeout(state.timer);
  state.timer = setTimeout(check, CHECK_AFTER_MS);
}

// One request at a time: when it ends and the letter has changed meanwhile, check again.
async function check() {
  if (state.busy) return;
  state.busy = true;
  try {
    for (let body = currentRequest(); ; ) {
      if (body.text.trim()) setStatus("Checking…");
      const report = body.text.trim() ? await call("/api/lint", body) : null;
      const now = currentRequest();
      if (JSON.stringify(now) === JSON.stringify(body)) {
        show(body.text, report);
        break;
      }
      body = now;
    }
  } catch (error) {
    fail(error);
  } finally {
    state.busy = false;
  }
}

async function applyFix(only) {
  const body = currentRequest();
  if (only) body.only = only;
  try {
    setStatus("Fixing…");
    const answer = await call("/api/fix", body);
    if ($("letter").value !== body.text) return check(); // typed meanwhile: keep their words
    setLetter(answer.text);
    show(answer.text, answer.report);
    $("letter").focus();
  } catch (error) {
    fail(error);
    check();
  }
}

async function openFile(file) {
  if (!file) return;
  setStatus(`Reading ${file.name}…`);
  try {
    const answer = await call(`/api/read?name=${encodeURIComponent(file.name)}`, file);
    state.fileName = file.name;
    $("markdown").checked = answer.markdown;
    setLetter(answer.text);
    check();
  } catch (error) {
    fail(error);
  } finally {
    $("file").value = "";
  }
}

function undo() {
  if (!state.undo.length) return;
  $("letter").value = state.undo.pop();
  $("undo").disabled = !state.undo.length;
  save();
  check();
}

async function copyLetter() {
  try {
    await navigator.clipboard.writeText($("letter").value);
    setStatus("Copied the letter.");
  } catch (_) {
    $("letter").select();
    setStatus("The letter is selected: press Ctrl+C (⌘C on a Mac) to copy it.");
  }
}

function downloadLetter() {
  const blob = new Blob([$("letter").value], { type: "text/plain;charset=utf-8" });
  const link = el("a");
  link.href = URL.createObjectURL(blob);
  link.download = (state.fileName.replace(/\.[^.]*$/, "") || "letter") +
    ($("markdown").checked ? ".md" : ".txt");
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// --- drawing a report -------------------------------------------------------------------

function setStatus(text) {
  $("status").textContent = text;
}

function fail(error) {
  $("error").textContent = error.message;
  $("error").hidden = false;
  setStatus("");
}

function show(text, report) {
  state.text = text;
  state.chars = Array.from(text); // code points, as the findings count them
  state.report = report;
  $("error").hidden = true;
  const findings = report ? report.findings : [];
  drawLetter(text, findings);
  drawFindings(findings);
  drawMetrics(report);
  drawReasons(report);
  drawLegend(findings);
  $("detail").hidden = true;
  const fixes = findings.filter((f) => f.fix).length;
  $("fix-all").disabled = fixes === 0;
  $("fix-all").textContent = `Apply all safe fixes (${fixes})`;
  setStatus(report ? summary(findings) : "Paste or type a letter to check it.");
}

function summary(findings) {
  if (!findings.length) return "No findings: this letter is ready to send.";
  const count = (severity) => findings.filter((f) => f.severity === severity).length;
  const parts = [["error", "error"], ["warning", "warning"], ["info", "hint"]]
    .filter(([severity]) => count(severity))
    .map(([severity, word]) => plural(count(severity), word));
  return `${plural(findings.length, "finding")}: ${parts.join(", ")}.`;
}

// Findings count characters as Python does (code points); JavaScript strings count UTF-16
// units, so without this map every emoji before a finding would shift it by one.
function utf16Offsets(text) {
  const offsets = [0];
  let unit = 0;
  for (const character of text) {
    unit += character.length;
    offsets.push(unit);
  }
  return offsets;
}

// Overlapping findings are cut at every boundary; each piece nests the marks of the
// findings that cover it, widest outermost, as the HTML report does.
function drawLetter(text, findings) {
  const at = utf16Offsets(text);
  const spans = findings.map((f, i) => ({ i, f, start: at[f.start], end: at[f.end] }));
  const widestFirst = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start));
  const edges = new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])]);
  const bounds = [...edges].sort((a, b) => a - b);
  const seen = new Set();
  const pre = $("checked");
  pre.replaceChildren();
  bounds.forEach((a, k) => {
    const b = k + 1 < bounds.length ? bounds[k + 1] : a;
    for (const s of widestFirst) {
      if (s.start === a && s.end === a) pre.append(mark(s, seen, "point"));
    }
    if (a === b) return;
    let parent = pre;
    for (const s of widestFirst) {
      if (s.start <= a && b <= s.end) {
        const node = mark(s, seen);
        parent.append(node);
        parent = node;
      }
    }
    parent.append(document.createTextNode(text.slice(a, b)));
  });
}

function mark(span, seen, extra) {
  const { f, i } = span;
  const node = el("mark", `fam-${f.family}${extra ? ` ${extra}` : ""}`);
  if (!seen.has(i)) node.classList.add("first"); // the family's icon, once per finding
  seen.add(i);
  node.dataset.finding = String(i);
  node.dataset.rule = f.rule;
  node.title = `${familyOf(f).label} (${f.severity}): ${f.message}` +
    (f.suggestion ? `\nSuggestion: ${f.suggestion}` : "");
  return node;
}

function familyOf(finding) {
  return FAMILIES[finding.family] || { label: finding.family, icon: "•" };
}

function tag(finding) {
  const family = familyOf(finding);
  const node = el("span", `tag fam-${finding.family}`);
  node.append(el("span", "icon", family.icon), ` ${family.label}`);
  node.firstChild.setAttribute("aria-hidden", "true");
  return node;
}

function quoted(text, limit = 80) {
  return `“${text.length > limit ? `${text.slice(0, limit)}…` : text}”`;
}

function describe(finding, i) {
  const parts = [];
  const head = el("p", "head");
  head.append(
    tag(finding),
    " ",
    el("span", `sev sev-${finding.severity}`, finding.severity),
    " ",
    el("code", "", finding.rule),
    " ",
    el("span", "where", `line ${finding.line}, column ${finding.column}`),
  );
  parts.push(head, el("p", "message", finding.message));
  const words = state.chars.slice(finding.start, finding.end).join("");
  if (words.trim()) parts.push(el("p", "quote", quoted(words)));
  if (finding.suggestion) parts.push(labelled("suggestion", "Try: ", finding.suggestion));
  const meta = state.rules[finding.rule];
  if (meta) {
    const why = el("details", "why");
    why.append(el("summary", "", "Why"), el("p", "", meta.rationale));
    if (meta.good && meta.good.length) {
      why.append(labelled("good", "Better: ", meta.good[0].text));
    }
    parts.push(why);
  }
  const buttons = el("p", "buttons");
  if (finding.fix) {
    const before = words || "here";
    const after = finding.fix.replacement ? quoted(finding.fix.replacement, 40) : "nothing";
    const fix = el("button", "fix", `Fix: ${quoted(before, 40)} → ${after}`);
    fix.type = "button";
    fix.addEventListener("click", () =>
      applyFix({ rule: finding.rule, start: finding.start, end: finding.end }));
    buttons.append(fix);
  }
  parts.push(buttons);
  return parts;
}

function labelled(className, label, text) {
  const node = el("p", className);
  node.append(el("strong", "", label), text);
  return node;
}

function drawFindings(findings) {
  const list = $("findings");
  list.replaceChildren();
  $("findings-title").textContent = `Findings (${findings.length})`;
  findings.forEach((finding, i) => {
    const item = el("li", `finding fam-${finding.family}`);
    item.id = `finding-${i}`;
    item.append(...describe(finding, i));
    const showButton = el("button", "show", "Show in letter");
    showButton.type = "button";
    showButton.setAttribute("aria-label", `Show ${finding.rule} in the letter`);
    showButton.addEventListener("click", () => select(i, true));
    item.lastChild.prepend(showButton, " ");
    list.append(item);
  });
}

function select(i, fromList) {
  for (const node of document.querySelectorAll(".active")) node.classList.remove("active");
  const marks = document.querySelectorAll(`#checked mark[data-finding="${i}"]`);
  for (const node of marks) node.classList.add("active");
  $(`finding-${i}`).classList.add("active");
  const detail = $("detail");
  detail.className = `detail fam-${state.report.findings[i].family}`;
  detail.replaceChildren(...describe(state.report.findings[i], i));
  detail.hidden = false;
  if (fromList && marks.length) marks[0].scrollIntoView({ block: "center" });
  if (!fromList) detail.scrollIntoView({ block: "nearest" });
  detail.focus({ preventScroll: true });
}

function drawMetrics(report) {
  const list = $("metrics");
  list.replaceChildren();
  if (!report) return;
  const m = report.metrics;
  const number = (value) => (value === null ? "n/a" : String(Math.round(value * 10) / 10));
  for (const [label, value] of [
    ["Words", String(m.words)],
    ["Sentences", String(m.sentences)],
    ["Reading ease", number(m.flesch_reading_ease)],
    ["Grade level", number(m.flesch_kincaid_grade)],
  ]) {
    const row = el("div");
    row.append(el("dt", "", label), el("dd", "", value));
    list.append(row);
  }
}

function drawReasons(report) {
  const list = $("reasons");
  list.replaceChildren();
  for (const check of report ? report.reasons : []) {
    // Nothing new to add, or no objection to answer, is no fault: the report says neutral.
    const kind = check.done ? "done" : check.neutral ? "none" : "todo";
    const symbol = { done: "✓", none: "–", todo: "✗" }[kind];
    const said = { done: "done", none: "none in this letter", todo: "not yet" }[kind];
    const item = el("li", kind);
    const icon = el("span", "icon", symbol);
    icon.setAttribute("aria-hidden", "true");
    item.append(icon, ` ${REASONS[check.reason] || check.reason}`,
      el("span", "visually-hidden", `: ${said}`));
    if (check.evidence) item.title = check.evidence;
    list.append(item);
  }
}

function drawLegend(findings) {
  const list = $("legend");
  list.replaceChildren();
  for (const family of Object.keys(FAMILIES)) {
    const count = findings.filter((f) => f.family === family).length;
    const item = el("li", count ? "" : "none");
    item.append(tag({ family }), ` ${count}`);
    list.append(item);
  }
}

// --- start ------------------------------------------------------------------------------

function start() {
  restore();
  $("letter").addEventListener("input", scheduleCheck);
  for (const id of ["company", "interviewer", "role"]) {
    $(id).addEventListener("input", scheduleCheck);
  }
  $("markdown").addEventListener("change", scheduleCheck);
  $("file").addEventListener("change", () => openFile($("file").files[0]));
  $("fix-all").addEventListener("click", () => applyFix(null));
  $("undo").addEventListener("click", undo);
  $("copy").addEventListener("click", copyLetter);
  $("download").addEventListener("click", downloadLetter);
  $("checked").addEventListener("click", (event) => {
    const target = event.target.closest("mark[data-finding]");
    if (target) select(Number(target.dataset.finding), false);
  });
  // A file dropped anywhere is read, not opened by the browser in place of the page.
  window.addEventListener("dragover", (event) => event.preventDefault());
  window.addEventListener("drop", (event) => {
    if (!event.dataTransfer || !event.dataTransfer.files.length) return;
    event.preventDefault();
    openFile(event.dataTransfer.files[0]);
  });
  call("/api/rules").then((rules) => {
    for (const rule of rules) state.rules[rule.id] = rule;
    if (state.report) show(state.text, state.report);
  }, fail);
  drawLegend([]);
  check();
}

start();
