/*
 * app.js — the dashboard of `mizan serve`: one page over the JSON API (docs/API.md).
 *
 * State is the selected dyad, period and date range; every change asks the API again and
 * redraws what depends on it: the dyad timeline (uPlot) with the change points of
 * /api/watch?dyad, the signed network (Cytoscape.js) for the date range, the exchange
 * profile, and the list of events, whose sentences are the evidence.  Text from the store is
 * only ever put in the page as text (textContent), never as markup.
 */
"use strict";

const $ = (id) => document.getElementById(id);
const state = { a: "", b: "", by: "month", months: [], from: "", to: "", names: {} };
const BLOC_COLOURS = ["#3b6fb6", "#d9822b", "#6a9f3a", "#8e5ea2", "#c2474f", "#2a9d8f", "#9c7a3c", "#5c6773"];
let plot = null;
let graph = null;
let evidenceQuery = null;

/* Fetches an API path with its parameters (empty ones left out) and returns the JSON. */
async function api(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) q.set(k, v);
  const res = await fetch(path + (q.toString() ? "?" + q : ""));
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

/* A new element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

const fmt = (x) => (x === null || x === undefined ? "–" : Math.round(x * 100) / 100);
const label = (code) => (state.names[code] ? `${code} (${state.names[code]})` : code);

/* The months from the first to the last dated event, for the range sliders. */
function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

function readRange() {
  let i = Number($("from").value), j = Number($("to").value);
  if (i > j) [i, j] = [j, i];
  state.from = state.months[i] || "";
  state.to = state.months[j] || "";
  $("from-out").textContent = state.from;
  $("to-out").textContent = state.to;
}

/* ---- the timeline ------------------------------------------------------------------------ */

/* The last day a period covers, as the events filter's inclusive `to` takes it. */
function periodEnd(row, by) {
  if (by === "month" || by === "year") return row.period;
  const d = new Date(row.start + "T00:00:00Z");
  if (by === "week") d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(0, 10);
}

async function drawTimeline() {
  const { a, b, by } = state;
  $("timeline-title").textContent = `${label(a)} – ${label(b)}, by ${by}`;
  const [dyad, watch] = await Promise.all([
    api("/api/dyad", { a, b, by, from: state.from, to: state.to }),
    api("/api/watch", { dyad: `${a},${b}`, by, from: state.from, to: state.to }),
  ]);
  const periods = [], xs = [], ab = [], ba = [], coop = [], conf = [];
  for (const r of dyad.periods) {
    let i = periods.length - 1;
    if (i < 0 || periods[i].period !== r.period) {
      periods.push(r);
      xs.push(Date.parse(r.start + "T00:00:00Z") / 1000);
      ab.push(null); ba.push(null); coop.push(0); conf.push(0);
      i++;
    }
    if (r.source === a) ab[i] = r.goldstein_sum; else ba[i] = r.goldstein_sum;
    coop[i] += r.quad[0] + r.quad[1];
    conf[i] += r.quad[2] + r.quad[3];
  }
  const changes = watch.changes.map((c) => ({ x: Date.parse(c.date + "T00:00:00Z") / 1000, c }));
  const box = $("timeline");
  box.textContent = "";
  if (plot) plot.destroy();
  plot = null;
  box.dataset.points = String(xs.length);
  box.dataset.changes = String(changes.length);
  if (!xs.length) {
    box.append(el("p", { class: "muted" }, "No dated events between these two."));
    return;
  }
  const opts = {
    width: Math.max(box.clientWidth, 600),
    height: 300,
    scales: { x: { time: true }, n: { auto: true } },
    axes: [{}, { label: "Goldstein sum" }, { side: 1, scale: "n", label: "events", grid: { show: false } }],
    series: [
      { label: by },
      { label: `${a}→${b} Goldstein`, stroke: "#3b6fb6", width: 2, value: (u, v) => fmt(v) },
      { label: `${b}→${a} Goldstein`, stroke: "#d9822b", width: 2, value: (u, v) => fmt(v) },
      { label: "cooperative events", stroke: "#16794a", scale: "n", dash: [4, 3] },
      { label: "conflictual events", stroke: "#b3261e", scale: "n", dash: [4, 3] },
    ],
    hooks: {
      draw: [(u) => {
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = "#7a3ea8";
        ctx.setLineDash([6, 4]);
        ctx.lineWidth = 2;
        for (const { x } of changes) {
          const px = u.valToPos(x, "x", true);
          ctx.beginPath();
          ctx.moveTo(px, u.bbox.top);
          ctx.lineTo(px, u.bbox.top + u.bbox.height);
          ctx.stroke();
        }
        ctx.restore();
      }],
    },
  };
  plot = new uPlot(opts, [xs, ab, ba, coop, conf], box);
  plot.over.addEventListener("click", () => {
    const i = plot.cursor.idx;
    if (i === null || i === undefined) return;
    const p = periods[i];
    showEvents({ dyad: `${a},${b}`, from: p.start, to: periodEnd(p, by) }, `${a}–${b}, ${p.period}`);
  });
  if (changes.length) {
    box.append(el("p", { class: "muted" }, "Change points: " + changes.map(({ c }) =>
      `${c.source}→${c.target} from ${c.period}: ${fmt(c.before)} → ${fmt(c.after)} (p ${c.p})`).join("; ")));
  }
}

/* ---- the network ------------------------------------------------------------------------- */

async function drawNetwork() {
  const net = await api("/api/network", { from: state.from, to: state.to });
  const box = $("network");
  box.dataset.nodes = String(net.nodes.length);
  box.dataset.edges = String(net.edges.length);
  const maxEv = Math.max(1, ...net.nodes.map((n) => n.events));
  const maxW = Math.max(1, ...net.edges.map((e) => Math.abs(e.weight)));
  const elements = [
    ...net.nodes.map((n) => ({ data: { id: n.id, bloc: n.bloc, events: n.events,
      colour: BLOC_COLOURS[(n.bloc - 1) % BLOC_COLOURS.length], size: 18 + 42 * Math.sqrt(n.events / maxEv) } })),
    ...net.edges.map((e) => ({ data: { id: `${e.a}-${e.b}`, source: e.a, target: e.b, weight: e.weight,
      events: e.events, colour: e.weight >= 0 ? "#16794a" : "#b3261e", width: 1 + 7 * Math.abs(e.weight) / maxW } })),
  ];
  if (graph) graph.destroy();
  graph = cytoscape({
    container: box,
    elements,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", label: "data(id)", width: "data(size)",
        height: "data(size)", "font-size": 11, "text-valign": "center", color: "#fff",
        "text-outline-color": "data(colour)", "text-outline-width": 2 } },
      { selector: "edge", style: { "line-color": "data(colour)", width: "data(width)", opacity: 0.75,
        "curve-style": "bezier" } },
      { selector: ":selected", style: { "border-width": 3, "border-color": "#111", "line-color": "#111" } },
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 },
    wheelSensitivity: 0.3,
  });
  graph.on("tap", "edge", (evt) => {
    const d = evt.target.data();
    showEvents({ dyad: `${d.source},${d.target}`, from: state.from, to: state.to },
      `${d.source}–${d.target}: ${d.events} events, Goldstein ${fmt(d.weight)}`);
  });
  graph.on("tap", "node", (evt) => selectDyad(evt.target.id(), state.a === evt.target.id() ? state.b : state.a));
  drawLegend(net);
}

function drawLegend(net) {
  const blocs = [...new Set(net.nodes.map((n) => n.bloc))].sort((x, y) => x - y);
  const lg = $("legend");
  lg.textContent = "";
  for (const b of blocs) {
    lg.append(el("span", {}, el("span", { class: "sw", style: `background:${BLOC_COLOURS[(b - 1) % BLOC_COLOURS.length]}` }), `bloc ${b}`));
  }
  lg.append(el("span", {}, el("span", { class: "ln", style: "background:#16794a" }), "cooperation (Goldstein > 0)"));
  lg.append(el("span", {}, el("span", { class: "ln", style: "background:#b3261e" }), "conflict"));
  lg.append(el("span", { class: "muted" }, `node size: events; edge width: |Goldstein sum|; unbalanced edges ${fmt(net.unbalanced * 100)}%`));
}

/* ---- events and their evidence ----------------------------------------------------------- */

function eventItem(ev) {
  const rtl = ev.lang === "ar";
  const text = el("p", { class: "ev-text", dir: rtl ? "rtl" : "auto", lang: ev.lang || "und" }, ev.text);
  const evid = ev.evidence || {};
  const parts = [evid.source, evid.verb, evid.target].filter(Boolean);
  const meta = el("div", { class: "ev-meta" },
    el("strong", { class: `q${ev.quad}` }, `${ev.source} → ${ev.target}`),
    ` · ${ev.code} (root ${ev.root}, Goldstein ${ev.goldstein}) · ${ev.date || "undated"} · ${ev.outlet || ev.doc}`);
  if (parts.length) meta.append(" · ", el("span", { dir: "auto" }, parts.join(" | ")));
  if (ev.url && /^https?:\/\//.test(ev.url)) {
    meta.append(" · ", el("a", { href: ev.url, rel: "noopener noreferrer", target: "_blank" }, "article"));
  }
  return el("li", {}, text, meta);
}

async function showEvents(params, title, more = false) {
  const list = $("evidence");
  if (!more) {
    evidenceQuery = { params, title, offset: 0 };
    list.textContent = "";
  }
  const page = await api("/api/events", { ...params, offset: evidenceQuery.offset, limit: 50 });
  for (const ev of page.events) list.append(eventItem(ev));
  evidenceQuery.offset += page.events.length;
  list.dataset.total = String(page.total);
  $("evidence-title").textContent = `${title} — ${page.total} events`;
  $("more").hidden = evidenceQuery.offset >= page.total;
}

/* ---- profile and alarms ------------------------------------------------------------------ */

async function drawProfile() {
  const { a, b } = state;
  const p = await api("/api/profile", { a, b, from: state.from, to: state.to });
  $("profile-title").textContent = `${a} – ${b}`;
  const box = $("profile");
  box.textContent = "";
  const t = el("table", {}, el("tr", {}, el("th", {}, ""), el("th", {}, "events"), el("th", {}, "Goldstein"), el("th", {}, "most given")));
  for (const g of p.gives) {
    const top = g.roots.slice(0, 3).map((r) => `${r.name} (${r.events})`).join(", ");
    t.append(el("tr", {}, el("td", {}, `${g.source} → ${g.target}`), el("td", {}, g.events), el("td", {}, fmt(g.goldstein)), el("td", {}, top)));
  }
  box.append(t);
  box.append(el("p", {}, `asymmetry ${fmt(p.asymmetry)} · reciprocity ${fmt(p.reciprocity)}`));
  if (p.enemies && p.enemies.length) {
    box.append(el("p", {}, "shared opponents: " + p.enemies.map((e) => e.id).join(", ")));
  }
}

async function drawAlarms() {
  const w = await api("/api/watch", { by: state.by, from: state.from, to: state.to });
  const box = $("alarms");
  box.textContent = "";
  if (!w.breaks.length) {
    box.append(el("p", { class: "muted" }, `No dyad's latest ${state.by} breaks its trend.`));
    return;
  }
  const ul = el("ul");
  for (const x of w.breaks) {
    const li = el("li", {}, el("a", { href: "#" }, `${x.source}→${x.target}`),
      ` ${x.period}: ${fmt(x.observed)} against ${fmt(x.expected)} expected (p ${x.p})`);
    li.firstChild.addEventListener("click", (e) => { e.preventDefault(); selectDyad(x.source, x.target); });
    ul.append(li);
  }
  box.append(ul);
}

/* ---- wiring ------------------------------------------------------------------------------ */

function report(err) {
  console.error(err);
  $("stats").textContent = "error: " + err.message;
}

async function refreshDyad() {
  await Promise.all([drawTimeline(), drawProfile(),
    showEvents({ dyad: `${state.a},${state.b}`, from: state.from, to: state.to }, `${state.a}–${state.b}`)]);
}

async function selectDyad(a, b) {
  if (!a || !b || a === b) return;
  state.a = a; state.b = b;
  $("dyad-a").value = a; $("dyad-b").value = b;
  await refreshDyad().catch(report);
}

async function refreshAll() {
  readRange();
  await Promise.all([drawNetwork(), drawAlarms(), refreshDyad()]).catch(report);
}

async function start() {
  const [stats, actors] = await Promise.all([api("/api/stats"), api("/api/actors")]);
  $("stats").textContent = `${stats.documents} documents · ${stats.events} events · ` +
    `${stats.first || "?"} to ${stats.last || "?"} · ${stats.languages.ar} Arabic, ${stats.languages.en} English`;
  for (const x of actors.actors) {
    state.names[x.code] = x.name;
    for (const sel of [$("dyad-a"), $("dyad-b")]) {
      sel.append(el("option", { value: x.code }, `${x.code}${x.name ? " — " + x.name : ""} (${x.events})`));
    }
  }
  state.months = stats.first ? monthsBetween(stats.first.slice(0, 7), stats.last.slice(0, 7)) : [];
  for (const id of ["from", "to"]) $(id).max = String(Math.max(0, state.months.length - 1));
  $("to").value = $("to").max;
  if (actors.actors.length >= 2) {
    state.a = actors.actors[0].code;
    state.b = actors.actors[1].code;
    $("dyad-a").value = state.a;
    $("dyad-b").value = state.b;
  }
  $("dyad-a").addEventListener("change", () => selectDyad($("dyad-a").value, state.b));
  $("dyad-b").addEventListener("change", () => selectDyad(state.a, $("dyad-b").value));
  $("by").addEventListener("change", () => { state.by = $("by").value; Promise.all([drawTimeline(), drawAlarms()]).catch(report); });
  for (const id of ["from", "to"]) {
    $(id).addEventListener("input", readRange);
    $(id).addEventListener("change", refreshAll);
  }
  $("more").addEventListener("click", () => showEvents(evidenceQuery.params, evidenceQuery.title, true).catch(report));
  $("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const q = $("search").value.trim();
    if (q) showEvents({ search: q, from: state.from, to: state.to }, `“\u2068${q}\u2069”`).catch(report);
  });
  await refreshAll();
  /* a link may carry a search: /#search=WORDS */
  const q = new URLSearchParams(location.hash.slice(1)).get("search");
  if (q) {
    $("search").value = q;
    await showEvents({ search: q, from: state.from, to: state.to }, `“\u2068${q}\u2069”`);
  }
  document.body.dataset.ready = "1";
}

start().catch(report);
