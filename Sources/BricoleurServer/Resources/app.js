// The advisor's page: a form generated from a rulebook's vocabulary that asks only what still
// matters, and the verdict with its articles. Plain JavaScript, no build step.
"use strict";

const words = {
  nl: {
    skip: "Naar de uitkomst", tagline: "Toets een initiatief van bewoners aan de regels van de gemeente, met het artikel waarop elk oordeel rust.",
    basics: "Het initiatief", municipality: "Gemeente", choose: "Kies een gemeente", date: "Datum van het initiatief",
    municipalityHelp: "Alle gemeenten van Nederland. Een gemeente zonder eigen regelboek wordt getoetst aan de model-APV van de VNG en de landelijke regels.",
    fallbackMark: "getoetst aan de model-APV",
    fallback: (name) => `Voor ${name} is nog geen eigen regelboek: getoetst aan de model-APV van de VNG en de landelijke regels; de getallen van ${name} kunnen afwijken.`,
    questions: "Vragen die de uitkomst nog bepalen", answers: "Antwoorden", outcome: "Uitkomst", required: "Wat is nodig", findings: "Bevindingen per regel", room: "Ruimte binnen de regels",
    print: "Afdrukken", copy: "Markdown kopiëren", share: "Link naar dit geval", markdown: "Tekst voor het antwoord aan de bewoner (Markdown)",
    rulebooks: "Regelboeken", yes: "ja", no: "nee", unknown: "— nog onbekend —", copied: "Gekopieerd",
    open: (n) => n === 1 ? "Nog 1 vraag kan de uitkomst veranderen." : `Nog ${n} vragen kunnen de uitkomst veranderen.`,
    settled: "De uitkomst staat vast; andere antwoorden veranderen haar niet.",
    provisional: "Voorlopig", possible: "Mogelijk", nothingRequired: "Niets: geen melding, vergunning of ontheffing nodig.",
    notSettled: "Nog niet bepaald", paragraph: "lid",
    scheme: "Regeling",
    levels: { allowed: "toegestaan", allowed_with_conditions: "toegestaan onder voorwaarden", notification_required: "melding nodig", contact_municipality: "neem contact op met de gemeente", permit_required: "vergunning nodig", prohibited: "niet toegestaan" },
    assessed: "Door de gemeente te beoordelen",
    kinds: { adjustment: "Aanpassing", discretion: "Beleidsruimte", open_norm: "Open norm", alternative: "Alternatief", near_miss: "Krap", deciding_unknown: "Nog onbekend", deadline: "Termijn" },
    applies: "van toepassing", does_not_apply: "niet van toepassing", undetermined: "nog onbepaald", minutes: "bijv. 90 minuten of 2 uur",
  },
  en: {
    skip: "Skip to the outcome", tagline: "Check a residents' initiative against the municipality's rules, with the article behind every verdict.",
    basics: "The initiative", municipality: "Municipality", choose: "Choose a municipality", date: "Date of the initiative",
    municipalityHelp: "Every municipality in the Netherlands. A municipality without a rulebook of its own is checked against the VNG model APV and the national rules.",
    fallbackMark: "checked against the model APV",
    fallback: (name) => `${name} has no rulebook of its own yet: checked against the VNG model APV and the national rules; ${name}'s own numbers may differ.`,
    questions: "Questions that still decide the outcome", answers: "Answers", outcome: "Outcome", required: "What is needed", findings: "Findings per rule", room: "Room to manoeuvre",
    print: "Print", copy: "Copy Markdown", share: "Link to this case", markdown: "Text for the reply to the resident (Markdown)",
    rulebooks: "Rulebooks", yes: "yes", no: "no", unknown: "— not known yet —", copied: "Copied",
    open: (n) => n === 1 ? "1 question can still change the outcome." : `${n} questions can still change the outcome.`,
    settled: "The outcome is settled; other answers do not change it.",
    provisional: "Provisional", possible: "Possible", nothingRequired: "Nothing: no notification, permit or exemption needed.",
    notSettled: "Not settled yet", paragraph: "para.",
    scheme: "Scheme",
    levels: { allowed: "allowed", allowed_with_conditions: "allowed with conditions", notification_required: "notification required", contact_municipality: "contact the municipality", permit_required: "permit required", prohibited: "prohibited" },
    assessed: "For the municipality to assess",
    kinds: { adjustment: "Adjustment", discretion: "Discretion", open_norm: "Open norm", alternative: "Alternative", near_miss: "Near miss", deciding_unknown: "Deciding unknown", deadline: "Deadline" },
    applies: "applies", does_not_apply: "does not apply", undetermined: "undetermined", minutes: "e.g. 90 minutes or 2 hours",
  },
};
const reserved = new Set(["rulebook", "date", "lang"]);
const state = { lang: "nl", rulebook: "", date: "", facts: {}, vocabulary: null, choices: [], seq: 0 };
const $ = (id) => document.getElementById(id);
const t = (key) => words[state.lang][key];
const text = (localized) => (localized && (localized[state.lang] || localized.nl || Object.values(localized)[0])) || "";

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value; else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const where = body.diagnostics && body.diagnostics[0] && body.diagnostics[0].help ? ` (${body.diagnostics[0].help})` : "";
    const error = new Error(body.message ? body.message + where : `HTTP ${response.status}`);
    error.diagnostics = body.diagnostics || [];
    throw error;
  }
  return body;
}

function showError(error) {
  $("error").hidden = !error;
  $("error").textContent = error ? String(error.message || error) : "";
}

function translateStatic() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  for (const button of document.querySelectorAll("button.lang")) button.setAttribute("aria-pressed", String(button.dataset.lang === state.lang));
}

// The URL carries the case, so it can be shared: ?rulebook=borne&date=2026-08-29&visitors=60
function writeURL() {
  const params = new URLSearchParams();
  if (state.rulebook) params.set("rulebook", state.rulebook);
  if (state.date) params.set("date", state.date);
  if (state.lang !== "nl") params.set("lang", state.lang);
  for (const [name, value] of Object.entries(state.facts)) params.set(name, Array.isArray(value) ? value.join(",") : value);
  const url = `${location.pathname}?${params}`;
  history.replaceState(null, "", url);
  $("share").href = url;
}

function readURL() {
  const params = new URLSearchParams(location.search);
  state.lang = params.get("lang") === "en" ? "en" : "nl";
  state.rulebook = params.get("rulebook") || "";
  state.date = params.get("date") || new Date().toISOString().slice(0, 10);
  for (const [name, value] of params) if (!reserved.has(name) && value !== "") state.facts[name] = value;
}

function factValue(fact, value) {
  if (fact && fact.input === "list" && !Array.isArray(value)) return String(value).split(",").filter(Boolean);
  return value;
}

function currentFacts() {
  const facts = {};
  const byName = new Map((state.vocabulary ? state.vocabulary.facts : []).map((fact) => [fact.name, fact]));
  for (const [name, value] of Object.entries(state.facts)) facts[name] = factValue(byName.get(name), value);
  return facts;
}

// One input per fact, typed by the vocabulary, labelled with the question and its help.
function field(fact) {
  const id = `fact-${fact.name}`;
  const help = text(fact.help);
  const wrapper = el("div", { class: "field", "data-fact": fact.name });
  wrapper.append(el("label", { for: id }, text(fact.question) || fact.name));
  if (help) wrapper.append(el("p", { class: "help", id: `${id}-help`, text: help }));
  const described = help ? `${id}-help` : undefined;
  const current = state.facts[fact.name];
  let input;
  if (fact.input === "bool" || fact.input === "enum") {
    input = el("select", { id, name: fact.name, "aria-describedby": described });
    input.append(el("option", { value: "", text: t("unknown") }));
    const options = fact.input === "bool"
      ? [["ja", t("yes")], ["nee", t("no")]]
      : (fact.values || []).map((value) => [value.value, text(value.label) || value.value]);
    for (const [value, label] of options) input.append(el("option", { value, text: label, selected: String(current) === value }));
  } else if (fact.input === "list") {
    input = el("div", { class: "checks", id, role: "group", "aria-describedby": described });
    const chosen = new Set(factValue(fact, current || ""));
    for (const value of fact.values || []) {
      const box = el("input", { type: "checkbox", name: fact.name, value: value.value, checked: chosen.has(value.value) });
      input.append(el("label", {}, box, text(value.label) || value.value));
    }
  } else {
    // Times are typed as 24-hour text (14:00, 23:30): a browser's own time input follows the
    // system's locale and may show 02:00 PM to a Dutch advisor.
    const types = { integer: "number", date: "date" };
    const attributes = { id, name: fact.name, type: types[fact.input] || "text", "aria-describedby": described, value: current };
    if (fact.input === "integer") Object.assign(attributes, { min: fact.minimum, max: fact.maximum, step: 1, inputmode: "numeric" });
    if (["decimal", "money", "quantity"].includes(fact.input)) attributes.inputmode = "decimal";
    if (fact.input === "duration") attributes.placeholder = t("minutes");
    if (fact.input === "time") Object.assign(attributes, { inputmode: "numeric", pattern: "([01]?[0-9]|2[0-4])[:.][0-5][0-9]", placeholder: "14:00", size: 6 });
    input = el("input", attributes);
  }
  wrapper.append(input);
  if (fact.unit) wrapper.append(el("span", { class: "unit", text: fact.unit }));
  wrapper.classList.toggle("answered", current !== undefined);
  input.addEventListener("change", () => {
    let value;
    if (fact.input === "list") value = [...input.querySelectorAll("input:checked")].map((box) => box.value);
    else value = input.value.trim();
    if (value === "" || (Array.isArray(value) && value.length === 0)) delete state.facts[fact.name];
    else state.facts[fact.name] = value;
    wrapper.classList.toggle("answered", state.facts[fact.name] !== undefined);
    refresh();
  });
  return wrapper;
}

// Shows the answered facts and the questions that still matter, keeping existing inputs (and focus).
function renderQuestions(questions) {
  const byName = new Map(state.vocabulary.facts.map((fact) => [fact.name, fact]));
  const wanted = [...Object.keys(state.facts).filter((name) => byName.has(name)), ...questions.map((q) => q.name)];
  const unique = [...new Set(wanted)];
  const container = $("fields");
  const existing = new Map([...container.children].map((node) => [node.dataset.fact, node]));
  for (const [name, node] of existing) if (!unique.includes(name)) node.remove();
  let previous = null;
  for (const name of unique) {
    const node = existing.get(name) || field(byName.get(name));
    if (previous) previous.after(node); else container.prepend(node);
    previous = node;
  }
  $("questions").hidden = unique.length === 0;
  $("progress").textContent = questions.length ? t("open")(questions.length) : t("settled");
  $("questions-legend").textContent = questions.length ? t("questions") : t("answers");
}

function citation(cite) {
  if (!cite) return null;
  const regulation = state.vocabulary.regulations.find((r) => r.id === cite.regulation);
  const label = `${regulation ? text(regulation.title) : cite.regulation}, art. ${cite.article}${cite.paragraph ? ` ${t("paragraph")} ${cite.paragraph}` : ""}`;
  const url = cite.url || (regulation && regulation.url);
  return url ? el("a", { href: url, rel: "noopener", text: label }) : document.createTextNode(label);
}

// The verdict once it is settled; until then, the levels still possible.
function renderResult(evaluation, questions) {
  const verdict = evaluation.verdict;
  const box = $("verdict");
  box.replaceChildren();
  box.dataset.level = verdict.determined ? verdict.level : "open";
  box.dataset.determined = String(verdict.determined);
  // A municipality without a rulebook of its own: the model APV answered, and the page says so first.
  const fallback = evaluation.rulebook && evaluation.rulebook.fallback ? evaluation.rulebook.municipality : null;
  if (fallback) box.append(el("p", { class: "fallback", id: "fallback", text: t("fallback")(fallback.name) }));
  $("result").hidden = false;
  // The official judgements the verdict presumes: the municipality's to assess, never asked.
  const caveats = (evaluation.assumptions || []).map((assumption) =>
    el("p", { class: "caveat", "data-fact": assumption.fact }, el("strong", { text: `${t("assessed")}: ` }), assumption.caveat));
  // An imported rulebook names its source and licence with every answer.
  if (evaluation.notice) caveats.push(el("p", { class: "notice", text: evaluation.notice }));
  // A scheme (a grant, a Right to Challenge) decides on its own, next to the verdict.
  caveats.push(...(evaluation.schemes || []).map((scheme) =>
    el("div", { class: "scheme", "data-decision": scheme.decision },
      el("p", {}, el("strong", { text: `${t("scheme")}: ` }), scheme.headline),
      ...scheme.explanation.split("\n").filter((line) => line).map((line) => el("p", { text: line })))));
  if (!verdict.determined) {
    box.append(el("p", { class: "level", id: "verdict-label", text: t("notSettled") }));
    const levels = questions.possible_levels.map((level) => t("levels")[level] || level);
    // The adjustments hold as far as the answers go: shown while the verdict is still open.
    const adjustments = (evaluation.room || []).filter((item) => item.kind === "adjustment").map((item) =>
      el("p", { class: "adjustment", "data-kind": "adjustment" }, el("strong", { class: "kind", text: `${t("kinds").adjustment}: ` }), item.explanation));
    box.append(el("p", { text: `${t("possible")}: ${levels.join(", ")}` }), ...caveats, ...adjustments);
    $("details").hidden = true;
    return;
  }
  // An initiative that only asks for a scheme gets the scheme's decision, not a verdict level.
  const label = evaluation.asks_only_for_schemes ? `${t("scheme")}: ${evaluation.schemes.map((scheme) => scheme.label).join(", ")}` : verdict.label;
  box.append(el("p", { class: "level", id: "verdict-label", text: label }), ...caveats);
  const required = $("required");
  required.replaceChildren(...(verdict.required.length
    ? verdict.required.map((item) => el("li", {}, `${item.name || item.kind}${item.authority ? " — " + item.authority : ""} `, el("span", { class: "cite" }, citation(item.citation))))
    : [el("li", { text: t("nothingRequired") })]));
  const findings = $("findings");
  findings.replaceChildren(...evaluation.findings
    .filter((finding) => finding.status !== "does_not_apply")
    .map((finding) => el("li", { "data-rule": finding.rule, "data-status": finding.status },
      el("strong", { text: finding.title }), el("span", { class: "status", text: t(finding.status) }),
      el("p", { text: finding.explanation }), el("p", { class: "cite" }, citation(finding.citation)))));
  // Room to manoeuvre: adjustments, discretion, open norms, alternatives, near misses, deadlines.
  const room = $("room");
  room.replaceChildren(...(evaluation.room || []).map((item) => el("li", { "data-kind": item.kind },
    el("p", {}, el("strong", { class: "kind", text: `${t("kinds")[item.kind] || item.kind}: ` }), item.explanation),
    el("p", { class: "cite" }, citation(item.citation)))));
  $("room-heading").hidden = room.children.length === 0;
  $("details").hidden = false;
}

async function refresh() {
  writeURL();
  showError(null);
  if (!state.rulebook || !state.vocabulary) return;
  const seq = ++state.seq;
  try {
    const facts = currentFacts();
    const query = new URLSearchParams({ facts: JSON.stringify(facts), lang: state.lang });
    if (state.date) query.set("date", state.date);
    const questions = await api(`/api/v1/rulebooks/${encodeURIComponent(state.rulebook)}/questions?${query}`);
    const initiative = JSON.stringify({ id: "advies", municipality: state.rulebook, date: state.date, language: state.lang, facts });
    const post = (format) => api(`/api/v1/evaluate?lang=${state.lang}&format=${format}`, { method: "POST", headers: { "content-type": "application/json" }, body: initiative });
    const [evaluation, markdown] = await Promise.all([post("json"), post("markdown")]);
    if (seq !== state.seq) return;
    renderQuestions(questions.questions);
    renderResult(evaluation, questions);
    $("markdown").value = markdown;
    markInvalid([]);
  } catch (error) {
    if (seq !== state.seq) return;
    showError(error);
    // The form stays: the answered facts keep their fields, and the one at fault is marked.
    if (state.vocabulary) renderQuestions([]);
    $("progress").textContent = "";
    $("result").hidden = true;
    markInvalid(error.diagnostics || []);
  }
}

// Marks the fields a diagnostic names ("fact 'visitors': 'abc' is not a whole number") as
// invalid, tied to the error message; clears the marks of the others.
function markInvalid(diagnostics) {
  const faulty = new Set(diagnostics.map((d) => (/fact '([^']+)'/.exec(d.message || "") || [])[1]).filter(Boolean));
  for (const wrapper of document.querySelectorAll("#fields .field")) {
    const bad = faulty.has(wrapper.dataset.fact);
    wrapper.classList.toggle("invalid", bad);
    const input = wrapper.querySelector("input, select, .checks");
    if (!input) continue;
    if (bad) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
    const described = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== "error");
    if (bad) described.push("error");
    if (described.length) input.setAttribute("aria-describedby", described.join(" ")); else input.removeAttribute("aria-describedby");
  }
}

async function chooseRulebook(id) {
  state.rulebook = id;
  state.vocabulary = null;
  $("fields").replaceChildren();
  $("result").hidden = true;
  if (!id) return refresh();
  try {
    state.vocabulary = await api(`/api/v1/rulebooks/${encodeURIComponent(id)}`);
  } catch (error) {
    return showError(error);
  }
  await refresh();
}

// Every municipality of the register (by its own rulebook's id, or by its name when the model APV
// answers for it, marked so), and the municipal rulebooks the register does not cover.
function choices(municipalities, rulebooks) {
  const covered = new Set(municipalities.filter((m) => !m.fallback).map((m) => m.rulebook));
  const list = municipalities.map((m) => ({ value: m.fallback ? m.slug : m.rulebook, name: m.name, fallback: m.fallback }));
  for (const rulebook of rulebooks) {
    if (rulebook.municipality && !covered.has(rulebook.id)) list.push({ value: rulebook.id, name: null, rulebook, fallback: false });
  }
  return list;
}

function choiceLabel(choice) {
  const name = choice.name || text(choice.rulebook.name) || choice.value;
  return choice.fallback ? `${name} — ${t("fallbackMark")}` : name;
}

function fillChoices() {
  const select = $("rulebook");
  const collator = new Intl.Collator("nl");
  const options = state.choices.map((choice) => ({ choice, label: choiceLabel(choice) }))
    .sort((a, b) => collator.compare(a.label, b.label))
    .map(({ choice, label }) => el("option", { value: choice.value, text: label, selected: choice.value === state.rulebook, "data-fallback": choice.fallback ? "true" : null }));
  select.replaceChildren(el("option", { value: "", text: t("choose") }), ...options);
}

async function start() {
  readURL();
  translateStatic();
  $("date").value = state.date;
  try {
    const [municipalities, rulebooks] = await Promise.all([api("/api/v1/municipalities"), api("/api/v1/rulebooks")]);
    state.choices = choices(municipalities, rulebooks);
  } catch (error) {
    return showError(error);
  }
  const select = $("rulebook");
  fillChoices();
  select.addEventListener("change", () => { state.facts = {}; chooseRulebook(select.value); });
  $("date").addEventListener("change", () => { state.date = $("date").value; refresh(); });
  for (const button of document.querySelectorAll("button.lang")) {
    button.addEventListener("click", () => {
      state.lang = button.dataset.lang;
      translateStatic();
      $("fields").replaceChildren();
      fillChoices();
      refresh();
    });
  }
  $("print").addEventListener("click", () => window.print());
  $("copy").addEventListener("click", async () => {
    try { await navigator.clipboard.writeText($("markdown").value); } catch { $("markdown").select(); document.execCommand("copy"); }
    $("copied").textContent = t("copied");
  });
  await chooseRulebook(state.rulebook);
}

document.addEventListener("DOMContentLoaded", start);
