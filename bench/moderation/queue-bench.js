// Measurements for bench/moderation-queue.sh. Three modes, each printing one JSON object per
// result line on stdout (the shell script turns them into the table):
//
//   node queue-bench.js circuits --nodes URL[,URL2] --counts 100,500,1000 --rounds 30 --label one-node
//       opens moderator circuits on /moderation (split evenly across the nodes), and at each count
//       submits items on the first node and times submit -> arrival of the render batch carrying the
//       item's title at every circuit; forces a full GC on every node at each count for the heap.
//   node queue-bench.js browser --nodes URL --pages 20 --rounds 20
//       the same with Chromium pages: submit -> the title is in the DOM.
//   node queue-bench.js first-render --nodes URL --circuits 20
//       circuits opened one after another on a large queue: time until the first page of rows arrives.
'use strict';
const { openCircuit } = require('./circuit');

const args = Object.fromEntries(process.argv.slice(3).reduce((pairs, value, i, all) =>
  (i % 2 === 0 ? pairs.concat([[value.replace(/^--/, ''), all[i + 1]]]) : pairs), []));
const mode = process.argv[2];
const nodes = (args.nodes || 'http://127.0.0.1:5191').split(',');
const label = args.label || mode;
const sleep = ms => new Promise(r => setTimeout(r, ms));
const emit = obj => console.log(JSON.stringify({ label, ...obj }));
const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

function percentiles(values) {
  const s = [...values].sort((a, b) => a - b);
  const at = p => s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] : NaN;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] };
}

async function post(base, path, expectJson = true) {
  const res = await fetch(base + path, { method: 'POST' });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return expectJson ? res.json() : res;
}

async function signIn(base) {
  const res = await post(base, '/bench/moderation/signin', false);
  const cookies = res.headers.getSetCookie().map(c => c.split(';')[0]);
  if (!cookies.length) throw new Error('sign-in set no cookie');
  return cookies.join('; ');
}

// Server CPU time (user + system, ms) of the node processes given with --pids, read from /proc.
const fs = require('fs');
const pids = (args.pids || '').split(',').filter(Boolean);
const tick = 1000 / 100; // USER_HZ is 100 on Linux
function cpuMs() {
  return pids.map(pid => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * tick;
    } catch { return NaN; }
  });
}

async function gc(base) {
  // Twice: the first may still see garbage from the circuits just opened.
  await post(base, '/bench/gc');
  return post(base, '/bench/gc');
}

async function gcStats(bases) {
  return Promise.all(bases.map(async base => {
    const res = await fetch(base + '/bench/gc-stats');
    if (!res.ok) throw new Error(`GET /bench/gc-stats: ${res.status}`);
    return res.json();
  }));
}

let seq = 0;
const tag = () => `${Date.now().toString(36)}x${(seq++).toString(36)}`;

// Waits until no render batch has arrived anywhere for `quietMs` (at most `maxMs`).
async function quiet(state, quietMs = 300, maxMs = 10000) {
  const until = performance.now() + maxMs;
  while (performance.now() < until && performance.now() - state.lastBatch < quietMs) await sleep(50);
}

async function circuitsMode() {
  const counts = (args.counts || '100,500,1000').split(',').map(Number);
  const rounds = Number(args.rounds || 30);
  const cookie = await signIn(nodes[0]);
  const state = { lastBatch: 0 };
  const circuits = [];
  const heapAt = {};

  const g0 = await Promise.all(nodes.map(gc));
  heapAt[0] = g0;
  for (const count of counts) {
    // Open the circuits this count still lacks, round-robin over the nodes, a few at a time.
    const opening = [];
    const started = performance.now();
    for (let i = circuits.length; i < count; i++) opening.push(nodes[i % nodes.length]);
    const openTimes = [];
    const concurrency = Number(args.concurrency || 8);
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < opening.length) {
        const base = opening[next++];
        const c = await openCircuit(base, '/moderation', { cookie });
        openTimes.push(c.timings.totalMs);
        c.onBatch((buf, now) => {
          state.lastBatch = now;
          if (c.want && c.seenAt === undefined && buf.includes(c.want)) { c.seenAt = now; c.batchBytes = buf.length; }
        });
        circuits.push(c);
      }
    }));
    log(`${label}: ${circuits.length} circuits open (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    await sleep(2000);
    await quiet(state, 500, 20000);

    const heaps = await Promise.all(nodes.map(gc));
    heapAt[count] = heaps;

    // Submit on the first node; every circuit on every node should show the new row.
    const latencies = [];
    const perNode = nodes.map(() => []);
    const submitMs = [], submitServerMs = [], bytes = [];
    let missing = 0;
    // The first rounds at each count are not measured: the JIT's second tier and the new circuits'
    // first updates would otherwise land in the tail.
    let cpuBefore = cpuMs();
    let gcBefore = null;
    let clientBefore = process.cpuUsage();
    const warmup = Number(args.warmup ?? 3);
    for (let r = -warmup; r < rounds; r++) {
      if (r === 0) gcBefore = await gcStats(nodes);
      if (r === 0) { cpuBefore = cpuMs(); clientBefore = process.cpuUsage(); latencies.length = 0; perNode.forEach(p => { p.length = 0; }); submitMs.length = 0; submitServerMs.length = 0; bytes.length = 0; missing = 0; }
      const draft = await post(nodes[0], `/bench/moderation/draft?tag=${tag()}`);
      const want = Buffer.from(draft.title);
      for (const c of circuits) { c.want = want; c.seenAt = undefined; }
      await quiet(state, 200, 5000);
      const t0 = performance.now();
      const answer = await post(nodes[0], `/bench/moderation/submit/${draft.id}`);
      submitMs.push(performance.now() - t0);
      submitServerMs.push(answer.serverMs);
      const deadline = performance.now() + 15000;
      while (performance.now() < deadline && circuits.some(c => c.seenAt === undefined)) await sleep(5);
      for (const c of circuits) {
        if (c.seenAt === undefined) { missing++; continue; }
        latencies.push(c.seenAt - t0);
        perNode[nodes.indexOf(c.base)].push(c.seenAt - t0);
        bytes.push(c.batchBytes);
        c.want = undefined;
      }
      await post(nodes[0], `/bench/moderation/withdraw/${draft.id}`, false);
      await quiet(state, 300, 10000);
    }

    const cpuAfter = cpuMs();
    const gcAfter = await gcStats(nodes);
    // Collections and pause time per round on each node, to tell a GC pause from other tails.
    const gcPerRound = gcAfter.map((g, i) => ({
      collections: (g.gen0 + g.gen1 + g.gen2 - gcBefore[i].gen0 - gcBefore[i].gen1 - gcBefore[i].gen2) / rounds,
      gen2: (g.gen2 - gcBefore[i].gen2) / rounds,
      pauseMs: (g.pauseMs - gcBefore[i].pauseMs) / rounds,
    }));
    const client = process.cpuUsage(clientBefore);
    // Per round: one submit and one withdraw reach every circuit (plus the "new" mark fading 6 s later).
    const serverCpuPerRound = cpuAfter.map((v, i) => (v - cpuBefore[i]) / rounds);
    const clientCpuPerRound = (client.user + client.system) / 1000 / rounds;
    const closed = circuits.filter(c => c.closed()).length;
    emit({
      kind: 'latency', circuits: circuits.length, nodes: nodes.length, rounds,
      ...percentiles(latencies), missing, closed,
      perNode: perNode.map(percentiles).map(p => ({ p50: p.p50, p99: p.p99 })),
      submit: percentiles(submitMs), submitServer: percentiles(submitServerMs),
      batchBytes: percentiles(bytes).p50,
      open: percentiles(openTimes),
      heapBytes: heaps.map(h => h.totalBytes),
      serverCpuPerRound, clientCpuPerRound, gcPerRound,
    });
  }

  // Heap slope per node between the smallest and the largest count.
  const first = counts[0], last = counts[counts.length - 1];
  const slopes = nodes.map((_, n) => {
    const onNode = c => Math.ceil((c - n) / nodes.length);
    return (heapAt[last][n].totalBytes - heapAt[first][n].totalBytes) / 1024 / (onNode(last) - onNode(first));
  });
  emit({ kind: 'heap', from: first, to: last, kbPerCircuit: slopes, heapAt: Object.fromEntries(Object.entries(heapAt).map(([k, v]) => [k, v.map(h => h.totalBytes)])) });

  if (args.hold) { log(`holding ${circuits.length} circuits for ${args.hold} s`); await sleep(Number(args.hold) * 1000); }
  await Promise.all(circuits.map(c => c.stop().catch(() => {})));
}

async function browserMode() {
  const { chromium } = require('playwright-core');
  const pages = Number(args.pages || 20);
  const rounds = Number(args.rounds || 20);
  const base = nodes[0];
  const cookie = await signIn(base);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
  });
  try {
    const context = await browser.newContext();
    await context.addCookies(cookie.split('; ').map(pair => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
    }));
    const open = [];
    for (let i = 0; i < pages; i++) {
      const page = await context.newPage();
      await page.goto(base + '/moderation');
      await page.waitForSelector('.moderation[data-interactive="true"] [data-testid="queue-row"]', { timeout: 60000 });
      // Notes when a row title equal to window.__want enters the DOM (epoch ms, like the script's clock).
      await page.evaluate(() => {
        const check = () => {
          if (!window.__want || window.__seen) return;
          for (const b of document.querySelectorAll('.queue-row__title')) {
            if (b.textContent === window.__want) { window.__seen = performance.timeOrigin + performance.now(); return; }
          }
        };
        new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      open.push(page);
    }
    log(`browser: ${pages} pages open`);
    const latencies = [];
    let missing = 0;
    for (let r = 0; r < rounds; r++) {
      const draft = await post(base, `/bench/moderation/draft?tag=${tag()}`);
      await Promise.all(open.map(p => p.evaluate(want => { window.__want = want; window.__seen = undefined; }, draft.title)));
      await sleep(300);
      const t0 = performance.timeOrigin + performance.now();
      await post(base, `/bench/moderation/submit/${draft.id}`);
      const deadline = Date.now() + 15000;
      let seen = [];
      while (Date.now() < deadline) {
        seen = await Promise.all(open.map(p => p.evaluate(() => window.__seen)));
        if (seen.every(s => s !== undefined)) break;
        await sleep(20);
      }
      for (const s of seen) { if (s === undefined) missing++; else latencies.push(s - t0); }
      await post(base, `/bench/moderation/withdraw/${draft.id}`, false);
      await sleep(500);
    }
    emit({ kind: 'browser', pages, rounds, ...percentiles(latencies), missing });
  } finally {
    await browser.close();
  }
}

async function firstRenderMode() {
  const n = Number(args.circuits || 20);
  const cookie = await signIn(nodes[0]);
  const page = [], render = [];
  for (let i = 0; i < n; i++) {
    const c = await openCircuit(nodes[0], '/moderation', { cookie });
    page.push(c.timings.pageMs);
    render.push(c.timings.renderMs);
    await c.stop();
  }
  emit({ kind: 'first-render', circuits: n, shell: percentiles(page), rows: percentiles(render) });
}

({ circuits: circuitsMode, browser: browserMode, 'first-render': firstRenderMode })[mode]()
  .then(() => process.exit(0))
  .catch(err => { console.error(err); process.exit(1); });
