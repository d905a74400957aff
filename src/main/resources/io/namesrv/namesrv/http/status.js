// The status page: fetches /status every few seconds and renders it with DOM calls only
// (textContent only, nothing parsed as HTML), so names coming from brokers cannot inject markup.
'use strict';

const REFRESH_MS = 3000;
let last = null;

function $(id) { return document.getElementById(id); }

function cell(row, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) { td.className = cls; }
  row.appendChild(td);
  return td;
}

function fill(tableId, rows) {
  const body = $(tableId).tBodies[0];
  body.replaceChildren(...rows);
}

function duration(ms) {
  if (ms === null || ms === undefined) { return '–'; }
  if (ms < 1000) { return ms + ' ms'; }
  const s = Math.round(ms / 1000);
  if (s < 120) { return s + ' s'; }
  const m = Math.floor(s / 60);
  return m < 120 ? m + ' min' : Math.floor(m / 60) + ' h';
}

// RocketMQ's PermName bits: 4 read, 2 write, 1 inherit.
function perm(p) {
  return ((p & 4) ? 'R' : '-') + ((p & 2) ? 'W' : '-') + ((p & 1) ? ' inherit' : '');
}

function renderClusters(s) {
  fill('clusters', s.clusters.map(c => {
    const tr = document.createElement('tr');
    cell(tr, c.name);
    cell(tr, c.brokerNames.join(', '));
    return tr;
  }));
}

function renderBrokers(s) {
  fill('brokers', s.brokers.map(b => {
    const tr = document.createElement('tr');
    tr.dataset.addr = b.addr;
    cell(tr, b.cluster);
    cell(tr, b.brokerName);
    cell(tr, String(b.brokerId), 'n');
    cell(tr, b.role);
    cell(tr, b.addr);
    cell(tr, b.zone || '');
    cell(tr, b.live ? duration(b.lastHeartbeatAgeMillis) + ' ago' : '–', 'n');
    cell(tr, b.live ? duration(b.heartbeatTimeoutMillis) : '–', 'n');
    let state = 'not live';
    let cls = 'down';
    if (b.live) {
      // Brokers heartbeat every 30 s by default: past half the timeout something is wrong.
      const late = b.lastHeartbeatAgeMillis > b.heartbeatTimeoutMillis / 2;
      state = late ? 'late' : 'live';
      cls = late ? 'late' : 'ok';
    }
    cell(tr, state, cls);
    return tr;
  }));
}

function renderTopics(s) {
  const needle = $('filter').value.trim().toLowerCase();
  const rows = [];
  for (const t of s.topics) {
    if (needle && !t.topic.toLowerCase().includes(needle)) { continue; }
    t.queues.forEach((q, i) => {
      const tr = document.createElement('tr');
      cell(tr, i === 0 ? t.topic : '');
      cell(tr, q.brokerName);
      cell(tr, String(q.readQueueNums), 'n');
      cell(tr, String(q.writeQueueNums), 'n');
      cell(tr, perm(q.perm));
      rows.push(tr);
    });
  }
  fill('topics', rows);
  $('topics-note').textContent = s.topics.length < s.topicsTotal
    ? 'Showing the first ' + s.topics.length + ' of ' + s.topicsTotal + ' topics.' : '';
}

function render(s) {
  last = s;
  $('summary').textContent = 'Remoting port ' + s.listenPort + ' · up ' + duration(s.uptimeMillis)
    + ' · ' + (s.ready ? 'ready' : 'not ready (' + s.readiness + ')')
    + ' · updated ' + new Date(s.now).toLocaleTimeString();
  $('count-clusters').textContent = s.clusters.length;
  $('count-groups').textContent = s.brokerGroups;
  $('count-live').textContent = s.liveBrokers;
  $('count-topics').textContent = s.topicsTotal;
  renderClusters(s);
  renderBrokers(s);
  renderTopics(s);
  document.body.dataset.loaded = 'true';
}

async function refresh() {
  try {
    const response = await fetch('/status', { cache: 'no-store' });
    if (!response.ok) { throw new Error('HTTP ' + response.status); }
    render(await response.json());
    $('error').hidden = true;
  } catch (e) {
    $('error').textContent = 'Cannot reach the name server: ' + e.message;
    $('error').hidden = false;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('filter').addEventListener('input', () => { if (last) { renderTopics(last); } });
  refresh();
  setInterval(refresh, REFRESH_MS);
});
