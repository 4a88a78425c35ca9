// A browserless Blazor Server circuit client (.NET 10 protocol), adapted from the one in
// shared/tools/blazor-circuit-client: it opens a real circuit the way blazor.web.js does,
// acknowledges every render batch without applying it and answers JS interop calls with null.
// Render batches arrive as bytes; the caller searches them for a marker (a unique title) to time
// when an update reached this client. With { interactive: true } it also keeps the elements that
// carry an id or data-testid with their event handlers, so a scripted user can type and click
// (dispatch) and fill the portal's long text fields (LongTextInput's ReceiveChunk) as the page's
// own scripts would.
'use strict';
const signalR = require('@microsoft/signalr');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');

const { readBatch } = require('./frames');

const ignored = ['JS.AttachComponent', 'JS.EndUpdateRootComponents', 'JS.EndLocationChanging',
  'JS.SavePersistedState', 'JS.BeginTransmitStream', 'JS.ReceiveByteArray'];

/**
 * Opens a circuit on base + path. `ready` is a byte marker: the returned promise resolves once a
 * render batch containing it has arrived (the page has rendered its data), with timings in ms.
 */
async function openCircuit(base, path, { cookie = '', ready = 'queue-row', timeoutMs = 120000, interactive = false } = {}) {
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
  const stats = { batches: 0, bytes: 0, errors: [] };
  const elements = new Map(); // id or data-testid -> { tag, handlers, capture }
  const dotNetByCapture = new Map(); // element reference id -> DotNetObjectReference id given to a script
  const jsListeners = [];
  let rendererInterop = null, jsObjects = 0, callIds = 0;
  conn.on('JS.RenderBatch', (batchId, data) => {
    const now = performance.now();
    stats.batches++; stats.bytes += data.length;
    const buf = Buffer.from(data.buffer, data.byteOffset, data.length);
    if (interactive) {
      const read = readBatch(buf);
      for (const [key, element] of read.elements) elements.set(key, element);
      // A new handler on an element already shown: the element of that component with a handler of that name.
      for (const set of read.setHandlers) {
        const owners = [...new Set(elements.values())].filter(e => e.component === set.component && e.handlers[set.name]);
        if (owners.length === 1) owners[0].handlers[set.name] = set.handler;
      }
      if (read.disposed.length) {
        const gone = new Set(read.disposed);
        for (const element of elements.values()) {
          for (const [name, id] of Object.entries(element.handlers)) if (gone.has(id)) delete element.handlers[name];
        }
      }
    }
    if (!isReady && buf.includes(readyBytes)) {
      isReady = true;
      resolveReady({ pageMs: tPage - t0, renderMs: now - tStart, totalMs: now - t0 });
    }
    for (const l of listeners) l(buf, now);
    conn.send('OnRenderCompleted', batchId, null).catch(() => {});
  });
  conn.on('JS.BeginInvokeJS', (handle, identifier, argsJson, resultType) => {
    let result = null;
    if (interactive) {
      const callArgs = argsJson ? JSON.parse(argsJson) : [];
      if (identifier === 'Blazor._internal.attachWebRendererInterop') rendererInterop = callArgs[1].__dotNetObject;
      // A script given an element and a .NET object (LongTextInput's attach): remember the pair.
      if (callArgs[0] && callArgs[0].__internalId && callArgs[1] && callArgs[1].__dotNetObject) {
        dotNetByCapture.set(callArgs[0].__internalId, callArgs[1].__dotNetObject);
      }
      if (resultType === 1) result = { __jsObjectId: ++jsObjects }; // import(): a module reference
      else if (identifier === 'attach' && resultType !== 3) result = []; // DraftKeeper's attach: nothing restored
      for (const l of jsListeners) l(identifier, callArgs);
    }
    if (handle) conn.send('EndInvokeJSFromDotNet', handle, true, JSON.stringify([handle, true, result])).catch(() => {});
  });
  conn.on('JS.EndInvokeDotNet', (...reply) => {
    const text = JSON.stringify(reply);
    if (text.includes('false')) stats.errors.push(text.slice(0, 300));
  });
  conn.on('JS.Error', error => stats.errors.push(String(error).slice(0, 300)));
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

  const element = key => {
    const found = elements.get(key);
    if (!found) throw new Error(`${path}: no element "${key}" has been rendered`);
    return found;
  };
  const invokeDotNet = (objectId, method, args) =>
    conn.send('BeginInvokeDotNetFromJS', String(++callIds), null, method, objectId, JSON.stringify(args));

  return {
    base,
    timings,
    onBatch: fn => listeners.push(fn),
    onJs: fn => jsListeners.push(fn),
    has: key => elements.has(key),
    /** Dispatches a browser event to the element's handler, e.g. ('idea-title', 'input', { value }). */
    dispatch: async (key, eventName, eventArgs) => {
      // A component may render an element before its handlers (MudBlazor's inputs do): wait for them.
      const until = performance.now() + 15000;
      let id;
      while (!(id = elements.get(key)?.handlers['on' + eventName]) && performance.now() < until) {
        await new Promise(r => setTimeout(r, 50));
      }
      if (!id) throw new Error(`${path}: "${key}" has no ${eventName} handler`);
      return invokeDotNet(rendererInterop, 'DispatchEventAsync',
        [{ eventHandlerId: id, eventName, eventFieldInfo: null }, eventArgs]);
    },
    /** Sends a long text field's whole value the way LongTextInput.razor.js does (one piece here). */
    longText: async (key, sequence, value) => {
      const until = performance.now() + 15000;
      while (!dotNetByCapture.get(elements.get(key)?.capture) && performance.now() < until) {
        await new Promise(r => setTimeout(r, 50));
      }
      const objectId = dotNetByCapture.get(element(key).capture);
      if (!objectId) throw new Error(`${path}: "${key}" has no script attached`);
      await invokeDotNet(objectId, 'ReceiveChunk', [sequence, 0, 1, value]);
    },
    blurLongText: key => invokeDotNet(dotNetByCapture.get(element(key).capture), 'Blurred', []),
    stats: () => ({ ...stats }),
    closed: () => conn.state !== signalR.HubConnectionState.Connected,
    stop: () => conn.stop(),
  };
}

module.exports = { openCircuit };
