// A browserless Blazor Server circuit client (.NET 10 protocol), adapted from the one in
// shared/tools/blazor-circuit-client: it opens a real circuit the way blazor.web.js does,
// acknowledges every render batch without applying it and answers JS interop calls with null.
// Render batches arrive as bytes; the caller searches them for a marker (a unique title) to time
// when an update reached this client.
'use strict';
const signalR = require('@microsoft/signalr');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');

const ignored = ['JS.AttachComponent', 'JS.EndUpdateRootComponents', 'JS.EndInvokeDotNet', 'JS.EndLocationChanging',
  'JS.SavePersistedState', 'JS.BeginTransmitStream', 'JS.ReceiveByteArray', 'JS.Error'];

/**
 * Opens a circuit on base + path. `ready` is a byte marker: the returned promise resolves once a
 * render batch containing it has arrived (the page has rendered its data), with timings in ms.
 */
async function openCircuit(base, path, { cookie = '', ready = 'queue-row', timeoutMs = 120000 } = {}) {
  const headers = cookie ? { cookie } : {};
  const t0 = performance.now();
  const response = await fetch(base + path, { headers, redirect: 'manual' });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  const html = await response.text();
  const tPage = performance.now();
  const markers = [...html.matchAll(/<!--Blazor:(\{.*?\})-->/g)]
    .map(m => JSON.parse(m[1]))
    .filter(m => m.type === 'server' && m.descriptor)
    .sort((a, b) => a.sequence - b.sequence);
  if (!markers.length) throw new Error(`${path} has no interactive Server component`);
  const state = (/<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->/.exec(html) || [])[1] || '';

  const protocol = new MessagePackHubProtocol();
  protocol.name = 'blazorpack';
  const conn = new signalR.HubConnectionBuilder()
    .withUrl(base + '/_blazor', { transport: signalR.HttpTransportType.WebSockets, headers })
    .withHubProtocol(protocol)
    .configureLogging(signalR.LogLevel.None)
    .build();
  conn.serverTimeoutInMilliseconds = 600000;
  conn.keepAliveIntervalInMilliseconds = 15000;

  const listeners = [];
  const readyBytes = Buffer.from(ready);
  let resolveReady, rejectReady;
  const readyPromise = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
  let isReady = false, tStart = 0;
  const stats = { batches: 0, bytes: 0 };
  conn.on('JS.RenderBatch', (batchId, data) => {
    const now = performance.now();
    stats.batches++; stats.bytes += data.length;
    const buf = Buffer.from(data.buffer, data.byteOffset, data.length);
    if (!isReady && buf.includes(readyBytes)) {
      isReady = true;
      resolveReady({ pageMs: tPage - t0, renderMs: now - tStart, totalMs: now - t0 });
    }
    for (const l of listeners) l(buf, now);
    conn.send('OnRenderCompleted', batchId, null).catch(() => {});
  });
  conn.on('JS.BeginInvokeJS', (handle) => {
    if (handle) conn.send('EndInvokeJSFromDotNet', handle, true, JSON.stringify([handle, true, null])).catch(() => {});
  });
  for (const m of ignored) conn.on(m, () => {});
  conn.onclose(() => { if (!isReady) rejectReady(new Error('circuit closed before it rendered')); });

  await conn.start();
  const circuitId = await conn.invoke('StartCircuit', base + '/', base + path, '[]', '');
  if (!circuitId) throw new Error('StartCircuit returned null (antiforgery, auth or descriptor problem)');
  tStart = performance.now();
  const operations = markers.map((marker, i) => ({ type: 'add', ssrComponentId: i + 1, marker }));
  await conn.send('UpdateRootComponents', JSON.stringify({ batchId: 1, operations }), state);
  const timer = setTimeout(() => { if (!isReady) rejectReady(new Error(`no batch with "${ready}" within ${timeoutMs} ms`)); }, timeoutMs);
  const timings = await readyPromise.finally(() => clearTimeout(timer));

  return {
    base,
    timings,
    onBatch: fn => listeners.push(fn),
    stats: () => ({ ...stats }),
    closed: () => conn.state !== signalR.HubConnectionState.Connected,
    stop: () => conn.stop(),
  };
}

module.exports = { openCircuit };
