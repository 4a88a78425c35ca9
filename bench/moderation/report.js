// Turns the JSON lines of queue-bench.js into the table bench/moderation-queue.sh prints.
'use strict';
const fs = require('fs');
const lines = fs.readFileSync(process.argv[2], 'utf8').replace(/}{/g, '}\n{').split('\n').filter(l => l.startsWith('{')).map(l => JSON.parse(l));
const f = v => (v === undefined || v === null || Number.isNaN(v) ? '-' : Number(v).toFixed(v < 10 ? 1 : 0));
const pad = (s, n) => String(s).padEnd(n);
const padl = (s, n) => String(s).padStart(n);

console.log(`\n${pad('submit -> arrival', 30)}${padl('circuits', 9)}${padl('p50 ms', 9)}${padl('p95 ms', 9)}${padl('p99 ms', 9)}${padl('missed', 8)}${padl('batch B', 9)}${padl('submit ms', 11)}`);
for (const r of lines.filter(l => l.kind === 'latency')) {
  console.log(`${pad(r.label, 30)}${padl(r.circuits, 9)}${padl(f(r.p50), 9)}${padl(f(r.p95), 9)}${padl(f(r.p99), 9)}${padl(r.missing, 8)}${padl(r.batchBytes, 9)}${padl(f(r.submitServer.p50), 11)}`);
  if (r.nodes > 1) r.perNode.forEach((p, i) => console.log(`${pad(`  node ${'AB'[i]}`, 30)}${padl('', 9)}${padl(f(p.p50), 9)}${padl('', 9)}${padl(f(p.p99), 9)}`));
}
for (const r of lines.filter(l => l.kind === 'browser')) {
  console.log(`${pad(`${r.label} (in the DOM)`, 30)}${padl(`${r.pages} pages`, 9)}${padl(f(r.p50), 9)}${padl(f(r.p95), 9)}${padl(f(r.p99), 9)}${padl(r.missing, 8)}`);
}
console.log('("submit ms": server time of the author\'s submit, median; "batch B": bytes of the render batch with the new row)');

const cpu = lines.filter(l => l.kind === 'latency' && l.serverCpuPerRound && l.serverCpuPerRound.some(v => !Number.isNaN(v) && v !== null));
if (cpu.length) {
  console.log('\nCPU per round (one submit and one withdraw reaching every circuit), independent of other load');
  for (const r of cpu) {
    const server = r.serverCpuPerRound.reduce((a, b) => a + b, 0);
    const gc = (r.gcPerRound || []).map(g => `${f(g.collections)} GCs (${f(g.gen2)} full), ${f(g.pauseMs)} ms paused`).join('; ');
    console.log(`${pad(r.label, 30)}${padl(r.circuits, 9)} circuits: server ${f(server)} ms (${f(server * 1000 / r.circuits)} µs per circuit), circuit client ${f(r.clientCpuPerRound)} ms${gc ? `; server GC per round: ${gc}` : ''}`);
  }
}

const heaps = lines.filter(l => l.kind === 'heap');
if (heaps.length) {
  console.log('\nserver heap after a forced full GC');
  for (const h of heaps) {
    h.kbPerCircuit.forEach((kb, i) => console.log(`${pad(`${h.label}${h.kbPerCircuit.length > 1 ? ` node ${'AB'[i]}` : ''}`, 30)}${padl(f(kb), 7)} KB per circuit (slope from ${h.from} to ${h.to} circuits)`));
  }
}

const firstPages = lines.filter(l => l.kind === 'first-page');
if (firstPages.length) {
  console.log('\nlarge queue: first page (50 rows + count)');
  for (const p of firstPages) {
    const seed = lines.find(l => l.kind === 'seed' && l.label === p.label);
    const render = lines.find(l => l.kind === 'first-render' && l.label === p.label);
    console.log(`${pad(p.label, 16)} ${p.waiting} waiting: server query p50 ${f(p.p50)} ms, p95 ${f(p.p95)} ms` +
      (p.rowsP50 !== undefined ? ` (rows p50 ${f(p.rowsP50)} ms, count p50 ${f(p.countP50)} ms)` : '') +
      (render ? `; new circuit until rows arrive p50 ${f(render.rows.p50)} ms, p95 ${f(render.rows.p95)} ms` : '') +
      (seed ? ` (seeded in ${f(seed.result.seedSeconds)} s)` : ''));
  }
}
