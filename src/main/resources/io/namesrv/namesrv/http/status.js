// The status console: fetches /status, /history, /events and /topics and renders them with DOM
// calls only (textContent, never markup parsed from data), so names chosen by brokers and clients
// cannot inject anything. Charts are drawn by the vendored uPlot (/static/uPlot.iife.min.js).
'use strict';

const REFRESH_MS = 3000;
const TOPIC_PAGE = 50;
/** Requests one click may chain to fill a page of a rare match (each looks at up to 100,000 names). */
const TOPIC_CHAIN = 10;
const EVENTS_SHOWN = 100;
const PALETTE = ['#0969da', '#1a7f37', '#9a6700', '#a4161a', '#8250df', '#bf3989', '#1b7c83', '#57606a'];

const state = { status: null, history: null, lastSeq: 0, events: [], charts: {}, topics: [], topicNext: null,
  topicQuery: '', topicSearches: 0, loaded: { status: false, history: false, events: false, topics: false } };

function $(id) { return document.getElementById(id); }

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) { e.textContent = String(text); }
  if (cls) { e.className = cls; }
  return e;
}

function cell(row, text, cls) {
  const td = el('td', text, cls);
  row.appendChild(td);
  return td;
}

function fill(tableId, rows) {
  $(tableId).tBodies[0].replaceChildren(...rows);
}

function duration(ms) {
  if (ms === null || ms === undefined) { return '–'; }
  if (ms < 1000) { return ms + ' ms'; }
  const s = Math.round(ms / 1000);
  if (s < 120) { return s + ' s'; }
  const m = Math.floor(s / 60);
  if (m < 120) { return m + ' min'; }
  const h = Math.floor(m / 60);
  return h < 48 ? h + ' h ' + (m % 60) + ' min' : Math.floor(h / 24) + ' d ' + (h % 24) + ' h';
}

function clock(ms) { return new Date(ms).toLocaleTimeString(); }

// RocketMQ's PermName bits: 4 read, 2 write, 1 inherit.
function perm(p) {
  return ((p & 4) ? 'R' : '-') + ((p & 2) ? 'W' : '-') + ((p & 1) ? ' inherit' : '');
}

async function getJson(url) {
  const response = await fetch(url, { cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.error || ('HTTP ' + response.status));
    error.body = body;
    error.status = response.status;
    throw error;
  }
  return body;
}

function showError(e) {
  $('error').textContent = 'Cannot reach the name server: ' + e.message;
  $('error').hidden = false;
}

function markLoaded(part) {
  state.loaded[part] = true;
  if (Object.values(state.loaded).every(Boolean)) { document.body.dataset.loaded = 'true'; }
}

// ---------------------------------------------------------------- who this is

function renderIdentity(s) {
  const id = s.server;
  $('host').textContent = id.host || '';
  document.title = 'Name server ' + (id.host || '') + ' status';
  const badge = $('readiness');
  badge.textContent = s.ready ? 'ready' : 'not ready: ' + s.readiness;
  badge.className = 'badge ' + (s.ready ? 'ok' : 'down');
  const facts = [
    ['version', id.version], ['speaks RocketMQ', id.speaks], ['remoting', id.remoting], ['HTTP', id.http],
    ['pid', id.pid], ['started', new Date(id.startedAtMillis).toLocaleString()], ['up', duration(id.uptimeMillis)],
    ['Java', id.java], ['updated', clock(s.now)],
  ];
  $('identity').replaceChildren(...facts.map(([label, value]) => {
    const div = el('div');
    div.appendChild(el('dt', label));
    div.appendChild(el('dd', value));
    return div;
  }));
}

// Sections other parts of the server contribute (none unless a capability adds one).
function renderSections(s) {
  $('sections').replaceChildren(...s.sections.map(section => {
    const box = el('section', null, 'section');
    box.appendChild(el('h2', section.title));
    if (section.fields.length) {
      const dl = el('dl', null, 'identity');
      section.fields.forEach(f => {
        const div = el('div');
        div.appendChild(el('dt', f.label));
        div.appendChild(el('dd', f.value));
        dl.appendChild(div);
      });
      box.appendChild(dl);
    }
    if (section.columns.length) {
      const table = el('table');
      const head = el('tr');
      section.columns.forEach(c => head.appendChild(el('th', c)));
      table.appendChild(el('thead')).appendChild(head);
      const body = table.appendChild(el('tbody'));
      section.rows.forEach(r => {
        const tr = el('tr');
        r.forEach(v => cell(tr, v));
        body.appendChild(tr);
      });
      box.appendChild(table);
    }
    return box;
  }));
}

// ---------------------------------------------------------------- brokers and clusters

const STATE_CLASS = { live: 'ok', late: 'late' };

function renderBrokers(s) {
  let gone = 0;
  fill('brokers', s.brokers.map(b => {
    const tr = el('tr');
    tr.dataset.addr = b.addr;
    tr.dataset.state = b.state;
    const departed = b.goneAgoMillis !== null && b.goneAgoMillis !== undefined;
    if (departed) { tr.className = 'gone'; gone++; }
    cell(tr, b.cluster);
    cell(tr, b.brokerName || '(not known)');
    cell(tr, b.brokerId === null || b.brokerId === undefined ? '' : String(b.brokerId), 'n');
    cell(tr, b.role || '');
    cell(tr, b.addr);
    cell(tr, b.zone || '');
    cell(tr, b.lastHeartbeatAgeMillis === null || b.lastHeartbeatAgeMillis === undefined ? '–'
      : duration(b.lastHeartbeatAgeMillis) + ' ago', 'n');
    cell(tr, duration(b.heartbeatTimeoutMillis), 'n');
    const text = departed ? b.state + ' ' + duration(b.goneAgoMillis) + ' ago: ' + b.detail : b.state;
    cell(tr, text, STATE_CLASS[b.state] || 'down');
    return tr;
  }));
  $('count-gone').textContent = gone;
}

function renderClusters(s) {
  fill('clusters', s.clusters.map(c => {
    const tr = el('tr');
    cell(tr, c.name);
    cell(tr, c.brokerNames.join(', '));
    return tr;
  }));
}

function renderStatus(s) {
  state.status = s;
  renderIdentity(s);
  renderSections(s);
  $('count-clusters').textContent = s.clusters.length;
  $('count-groups').textContent = s.brokerGroups;
  $('count-live').textContent = s.liveBrokers;
  $('count-topics').textContent = s.topicsTotal.toLocaleString();
  renderBrokers(s);
  renderClusters(s);
}

async function refreshStatus() {
  // limit=0: no topics here (the topic search has its own requests).
  renderStatus(await getJson('/status?limit=0'));
  markLoaded('status');
}

// ---------------------------------------------------------------- charts

// rightScaleIndex: the line drawn against a second axis on the right; dots: mark every value
// (for lines with gaps, where an isolated value would otherwise not show).
function drawChart(figureId, time, list, emptyText, rightScaleIndex, dots) {
  const figure = $(figureId);
  const plotBox = figure.querySelector('.plot');
  figure.dataset.points = String(time.length);
  figure.dataset.series = String(list.length);
  const old = state.charts[figureId];
  if (time.length === 0 || list.length === 0) {
    if (old) { old.plot.destroy(); delete state.charts[figureId]; }
    plotBox.replaceChildren(el('div', emptyText, 'empty'));
    return;
  }
  const data = [time, ...list.map(s => s.values)];
  const key = list.map(s => s.label).join('\n');
  if (old && old.key === key) {
    old.plot.setData(data);
    return;
  }
  if (old) { old.plot.destroy(); }
  plotBox.replaceChildren();
  const series = [{}];
  list.forEach((s, i) => series.push({
    label: s.label, stroke: PALETTE[i % PALETTE.length], width: 1.5,
    scale: i === rightScaleIndex ? 'right' : 'y',
    points: dots ? { show: true, size: 5 } : {},
  }));
  const axes = [{}, { scale: 'y' }];
  if (rightScaleIndex !== undefined) { axes.push({ scale: 'right', side: 1, grid: { show: false } }); }
  const width = Math.max(280, plotBox.clientWidth || figure.clientWidth - 20);
  // The legend names the lines; live values would widen it at every move of the cursor.
  const plot = new uPlot({ width, height: 180, series, axes, scales: { x: { time: true } }, legend: { live: false } },
    data, plotBox);
  state.charts[figureId] = { plot, key };
}

function renderHistory(h) {
  state.history = h;
  const empty = 'No samples yet: one every ' + h.intervalSeconds + ' s.';
  drawChart('chart-requests', h.timeSeconds, h.requests, h.timeSeconds.length ? 'No requests in the last hour.' : empty);
  drawChart('chart-answers', h.timeSeconds, h.answers, empty);
  // No requests in a sample, no p99: a gap, not a zero.
  drawChart('chart-latency', h.timeSeconds, h.latency, empty, undefined, true);
  drawChart('chart-tables', h.timeSeconds, h.tables, empty, 1);
  $('history-note').textContent = h.timeSeconds.length + ' of ' + h.capacity + ' samples, one every '
    + h.intervalSeconds + ' s';
}

async function refreshHistory() {
  renderHistory(await getJson('/history'));
  markLoaded('history');
}

window.addEventListener('resize', () => {
  Object.values(state.charts).forEach(c => {
    const box = c.plot.root.parentElement;
    c.plot.setSize({ width: Math.max(280, box.clientWidth), height: 180 });
  });
});

// ---------------------------------------------------------------- events

const EVENT_TEXT = {
  registered: 'registered', expired: 'expired', closed: 'connection closed', failed: 'connection failed',
  idle: 'connection idle', unregistered: 'unregistered',
};

function renderEvents() {
  fill('events', state.events.map(e => {
    const tr = el('tr');
    tr.dataset.kind = e.kind;
    tr.dataset.addr = e.addr;
    cell(tr, clock(e.timeMillis), 'n');
    cell(tr, EVENT_TEXT[e.kind] || e.kind, e.kind === 'registered' ? 'ok' : 'down');
    const who = e.brokerName === null || e.brokerName === undefined ? '(not known)'
      : e.brokerName + (e.brokerId === null || e.brokerId === undefined ? '' : (e.brokerId === 0 ? ' master' : ' slave ' + e.brokerId));
    cell(tr, who);
    cell(tr, e.addr);
    cell(tr, e.cluster);
    cell(tr, e.detail);
    return tr;
  }));
  $('events-empty').hidden = state.events.length > 0;
}

async function refreshEvents() {
  const answer = await getJson('/events?after=' + state.lastSeq);
  if (answer.events.length) {
    answer.events.forEach(e => {
      state.lastSeq = Math.max(state.lastSeq, e.seq);
      state.events.unshift(e);
    });
    state.events = state.events.slice(0, EVENTS_SHOWN);
  }
  // Names are learnt shortly after a broker first registers: take them when they come.
  const recent = (state.status ? state.status.now : Date.now()) - 60000;
  if (state.events.some(e => (e.brokerName === null || e.brokerName === undefined) && e.timeMillis > recent)) {
    const all = await getJson('/events?after=0');
    const byseq = new Map(all.events.map(e => [e.seq, e]));
    state.events = state.events.map(e => byseq.get(e.seq) || e);
  }
  renderEvents();
  markLoaded('events');
}

// ---------------------------------------------------------------- topics and routes

function topicRows(topics) {
  const rows = [];
  topics.forEach(t => {
    const queues = t.queues.length ? t.queues : [null];
    queues.forEach((q, i) => {
      const tr = el('tr');
      if (i === 0) {
        tr.dataset.topic = t.topic;
        const td = el('td');
        const open = el('button', t.topic, 'link');
        open.type = 'button';
        open.addEventListener('click', () => showRoute(t.topic));
        td.appendChild(open);
        tr.appendChild(td);
      } else {
        cell(tr, '');
      }
      cell(tr, q ? q.brokerName : '(no route now)');
      cell(tr, q ? String(q.readQueueNums) : '', 'n');
      cell(tr, q ? String(q.writeQueueNums) : '', 'n');
      cell(tr, q ? perm(q.perm) : '');
      rows.push(tr);
    });
  });
  return rows;
}

function sleep(ms) { return new Promise(resolve => setTimeout(resolve, ms)); }

// A large table's names are sorted on the server's console thread the first time they are
// searched: until then the answer says "indexing" and is asked again every second.
async function topicPage(params) {
  for (let wait = 0; ; wait++) {
    const page = await getJson('/topics?' + params);
    if (!page.indexing || wait >= 120) { return page; }
    $('topics-note').textContent = 'Sorting the topic names for the search…';
    await sleep(1000);
  }
}

async function searchTopics(fromStart) {
  const mine = ++state.topicSearches;
  if (fromStart) {
    state.topics = [];
    state.topicNext = null;
    state.topicQuery = $('filter').value.trim();
  }
  let after = fromStart ? '' : state.topicNext;
  const found = [];
  let page;
  for (let i = 0; i < TOPIC_CHAIN; i++) {
    const params = new URLSearchParams({ q: state.topicQuery, limit: String(TOPIC_PAGE - found.length) });
    if (after) { params.set('after', after); }
    page = await topicPage(params);
    found.push(...page.topics);
    after = page.next;
    if (!after || found.length >= TOPIC_PAGE) { break; }
  }
  if (mine !== state.topicSearches) { return; } // a newer search started meanwhile: its answer counts
  state.topics.push(...found);
  state.topicNext = page.next;
  fill('topics', topicRows(state.topics));
  const what = state.topicQuery ? ' containing "' + state.topicQuery + '"' : '';
  $('topics-note').textContent = state.topics.length.toLocaleString() + ' topic(s)' + what + ' shown; '
    + (page.next ? 'searched ' + page.searchedTo.toLocaleString() + ' of ' : 'searched all ')
    + page.indexed.toLocaleString() + ' topics'
    + (page.indexAgeMillis > 1000 ? ' (index from ' + duration(page.indexAgeMillis) + ' ago)' : '') + '.';
  $('topics-more').hidden = !page.next;
  markLoaded('topics');
}

function renderRoute(route) {
  fill('route-brokers', (route.brokerDatas || []).map(b => {
    const tr = el('tr');
    cell(tr, b.brokerName);
    cell(tr, b.cluster);
    cell(tr, b.zoneName || '');
    cell(tr, Object.entries(b.brokerAddrs || {}).map(([id, addr]) => id + ': ' + addr).join(', '));
    return tr;
  }));
  fill('route-queues', (route.queueDatas || []).map(q => {
    const tr = el('tr');
    cell(tr, q.brokerName);
    cell(tr, String(q.readQueueNums), 'n');
    cell(tr, String(q.writeQueueNums), 'n');
    cell(tr, perm(q.perm));
    cell(tr, String(q.topicSysFlag), 'n');
    return tr;
  }));
}

async function showRoute(topic) {
  const url = '/routes/' + encodeURIComponent(topic);
  $('route').hidden = false;
  $('route-topic').textContent = topic;
  $('route-link').href = url;
  $('route-link').textContent = url;
  try {
    const route = await getJson(url);
    $('route-error').hidden = true;
    $('route-tables').hidden = false;
    renderRoute(route);
    $('route-json').textContent = JSON.stringify(route, null, 2);
  } catch (e) {
    $('route-error').textContent = (e.body && e.body.code !== undefined ? 'code ' + e.body.code + ': ' : '') + e.message;
    $('route-error').hidden = false;
    $('route-tables').hidden = true;
    $('route-json').textContent = '';
  }
  $('route').scrollIntoView();
}

// ---------------------------------------------------------------- wiring

function every(ms, task) {
  const run = () => task().then(() => { $('error').hidden = true; }, showError);
  run();
  return setInterval(run, ms);
}

document.addEventListener('DOMContentLoaded', () => {
  let typing = null;
  $('topic-search').addEventListener('submit', e => { e.preventDefault(); searchTopics(true).catch(showError); });
  $('filter').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => searchTopics(true).catch(showError), 300);
  });
  $('topics-more').addEventListener('click', () => searchTopics(false).catch(showError));
  $('route-close').addEventListener('click', () => { $('route').hidden = true; });
  every(REFRESH_MS, refreshStatus);
  every(REFRESH_MS, refreshEvents);
  searchTopics(true).catch(showError);
  // Charts follow the sampling interval, which the first answer tells.
  getJson('/history').then(h => every(Math.max(2, h.intervalSeconds) * 1000, refreshHistory), showError);
});
