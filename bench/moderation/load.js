// The interactive half of bench/load.sh: authors who compose ideas in the editor over real Blazor
// Server circuits (typing into the fields, the long texts sent as the page's script sends them,
// then Submit) and moderators who keep the live queue open and decide. Readers are wrk's, started
// by the shell script beside this. Prints one JSON object on stdout at the end.
//
//   node load.js --base URL --authors 50 --moderators 20 --seconds 300
'use strict';
const { openCircuit } = require('./circuit');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) =>
  (i % 2 === 0 ? pairs.concat([[value.replace(/^--/, ''), all[i + 1]]]) : pairs), []));
const base = args.base || 'http://127.0.0.1:5193';
const authors = Number(args.authors || 50);
const moderators = Number(args.moderators || 20);
const seconds = Number(args.seconds || 300);
const sleep = ms => new Promise(r => setTimeout(r, ms));
const jitter = (low, high) => low + Math.random() * (high - low);
const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

function percentiles(values) {
  const s = [...values].sort((a, b) => a - b);
  const at = p => s.length ? Math.round(s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] * 10) / 10 : null;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

async function post(path) {
  const res = await fetch(base + path, { method: 'POST' });
  if (res.status >= 500) figures.http5xx++;
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res;
}

async function signIn(kind, n) {
  const res = await post(`/bench/load/signin/${kind}/${n}`);
  return res.headers.getSetCookie().map(c => c.split(';')[0]).join('; ');
}

const figures = {
  editorOpen: [], submit: [], queueArrival: [], decide: [], decideServer: [],
  submitted: 0, submitRefused: 0, submitLost: 0, authorFailures: 0, decided: 0, decideConflicts: 0,
  moderatorFailures: 0, circuitErrors: [], http5xx: 0, arrivalsMissed: 0,
};
const until = performance.now() + seconds * 1000;
const pending = new Map(); // title -> { t0, seen: Set of moderator numbers }
let seq = 0;

const words = (text, n) => text.split(' ').slice(0, n).join(' ');
const SUMMARY = 'Единая карта свободных парковок в центре Алматы с данными датчиков и камер';
const BODIES = {
  'idea-goal': 'Сократить время поиска парковки в центре города и число машин, которые кружат по кварталу.',
  'idea-tasks': 'Поставить датчики на муниципальные парковки, собрать данные в открытом API и показать их на карте.',
  'idea-benefit': 'Меньше пробок и выхлопов на центральных улицах, понятнее платная парковка.',
  'idea-prior': 'Похожие сервисы работают в Таллине и Сеуле.',
};

async function composeOne(n, cookie) {
  const editor = await openCircuit(base, '/ideas/new', { cookie, ready: 'idea-title', interactive: true, timeoutMs: 60000 });
  figures.editorOpen.push(editor.timings.totalMs);
  try {
    const title = `Нагрузка ${n}-${Date.now().toString(36)}-${(seq++).toString(36)}`;
    // Typing: one input event per word, as a quick typist's pauses between words.
    const titleWords = (title + ' умные парковки в центре').split(' ');
    for (let i = 1; i <= titleWords.length; i++) {
      await editor.dispatch('idea-title', 'input', { value: titleWords.slice(0, i).join(' ') });
      await sleep(jitter(250, 600));
    }
    const summaryWords = SUMMARY.split(' ').length;
    for (let i = 2; i <= summaryWords; i += 2) {
      await editor.dispatch('idea-summary', 'input', { value: words(SUMMARY, i) });
      await sleep(jitter(250, 600));
    }
    await editor.dispatch('idea-category', 'change', { value: 'transport' });
    let sequence = 0;
    for (const [field, text] of Object.entries(BODIES)) {
      // The field's script sends the text after a pause in typing: a few pieces per field.
      const total = text.split(' ').length;
      for (let i = Math.ceil(total / 3); ; i = Math.min(total, i + Math.ceil(total / 3))) {
        await editor.longText(field, ++sequence, words(text, i));
        await sleep(jitter(400, 900));
        if (i >= total) break;
      }
      await editor.blurLongText(field);
    }

    const outcome = new Promise(resolve => {
      editor.onBatch((buf, now) => {
        if (buf.includes('submit-done')) resolve({ ok: true, at: now });
        else if (buf.includes('submit-errors') || buf.includes('data-testid="failure"') || buf.includes('failure')) resolve({ ok: false, at: now });
      });
      setTimeout(() => resolve({ ok: null }), 30000);
    });
    const t0 = performance.now();
    pending.set(title, { t0, seen: new Set() });
    await editor.dispatch('submit', 'click', { type: 'click', detail: 1 });
    const result = await outcome;
    if (result.ok) { figures.submitted++; figures.submit.push(result.at - t0); }
    else if (result.ok === false) { figures.submitRefused++; pending.delete(title); }
    else { figures.submitLost++; }
  } finally {
    const errors = editor.stats().errors;
    if (errors.length) figures.circuitErrors.push(...errors.slice(0, 3));
    await editor.stop().catch(() => {});
  }
}

async function author(n) {
  const cookie = await signIn('author', n);
  await sleep(jitter(0, 10000)); // not all at once
  while (performance.now() < until) {
    try {
      await composeOne(n, cookie);
    } catch (err) {
      figures.authorFailures++;
      if (figures.authorFailures <= 5) log(`author ${n}:`, err.message);
    }
    await sleep(jitter(3000, 8000));
  }
}

async function moderator(n) {
  const cookie = await signIn('moderator', n);
  const queue = await openCircuit(base, '/moderation', { cookie, ready: 'data-interactive', timeoutMs: 60000 });
  queue.onBatch((buf, now) => {
    for (const [title, item] of pending) {
      if (!item.seen.has(n) && buf.includes(title)) { item.seen.add(n); figures.queueArrival.push(now - item.t0); }
    }
  });
  await sleep(jitter(2000, 6000));
  while (performance.now() < until) {
    try {
      const t0 = performance.now();
      const answer = await (await post(`/bench/load/decide/${n}`)).json();
      if (answer.decided) { figures.decided++; figures.decide.push(performance.now() - t0); figures.decideServer.push(answer.serverMs); }
      else if (answer.error) figures.decideConflicts++;
    } catch (err) {
      figures.moderatorFailures++;
      if (figures.moderatorFailures <= 5) log(`moderator ${n}:`, err.message);
    }
    await sleep(jitter(2000, 5000));
  }
  const errors = queue.stats().errors;
  if (errors.length) figures.circuitErrors.push(...errors.slice(0, 3));
  if (queue.closed()) figures.circuitErrors.push(`moderator ${n}: queue circuit closed during the run`);
  return queue;
}

(async () => {
  await post(`/bench/load/setup?authors=${authors}&moderators=${moderators}`);
  log(`${authors} authors and ${moderators} moderators for ${seconds} s`);
  const queues = moderators > 0 ? Promise.all(Array.from({ length: moderators }, (_, i) => moderator(i + 1))) : Promise.resolve([]);
  await Promise.all(Array.from({ length: authors }, (_, i) => author(i + 1)));
  const open = await queues;
  // Arrivals: every moderator's queue should have shown every submitted item (unless it was decided first).
  for (const item of pending.values()) figures.arrivalsMissed += moderators - item.seen.size;
  await Promise.all(open.map(q => q.stop().catch(() => {})));
  const tally = await (await fetch(base + '/bench/load/tally')).json();
  const waiting = tally.Submitted || 0;
  const decided = (tally.Published || 0) + (tally.Rejected || 0) + (tally.InformationRequested || 0) + (tally.Hidden || 0);
  console.log(JSON.stringify({
    authors, moderators, seconds,
    editorOpen: percentiles(figures.editorOpen), submit: percentiles(figures.submit),
    queueArrival: percentiles(figures.queueArrival), decide: percentiles(figures.decide), decideServer: percentiles(figures.decideServer),
    submitted: figures.submitted, submitRefused: figures.submitRefused, submitLost: figures.submitLost,
    tally, waiting, decided, accounted: figures.submitted === waiting + decided,
    decidedByModerators: figures.decided, decideConflicts: figures.decideConflicts, arrivalsMissed: figures.arrivalsMissed,
    authorFailures: figures.authorFailures, moderatorFailures: figures.moderatorFailures,
    http5xx: figures.http5xx, circuitErrors: figures.circuitErrors.slice(0, 10),
  }));
  process.exit(0);
})().catch(err => { console.error(err); process.exit(1); });
