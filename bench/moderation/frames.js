// Reads the parts of a Blazor Server render batch (.NET 10 out-of-process format) a scripted user
// needs: elements with an id or data-testid, their event handler ids and element-reference ids,
// and the event handlers the batch disposes. Layout as in blazor.web.js's OutOfProcessRenderBatch:
// the last five int32 give the positions of the updated components, the reference frames, the
// disposed component ids, the disposed event handler ids and the string table.
'use strict';

const FRAME = 20;
const ELEMENT = 1, ATTRIBUTE = 3, ELEMENT_REFERENCE_CAPTURE = 6;
const PREPEND_FRAME = 1, SET_ATTRIBUTE = 3;

function strings(buf) {
  const table = buf.readInt32LE(buf.length - 4);
  return index => {
    if (index === -1) return null;
    let at = buf.readInt32LE(table + index * 4);
    let length = 0, shift = 0, byte;
    do { byte = buf[at++]; length |= (byte & 0x7f) << shift; shift += 7; } while (byte & 0x80);
    return buf.toString('utf8', at, at + length);
  };
}

/**
 * Elements described in the batch's reference frames, keyed by their id or data-testid:
 * { tag, handlers: { onclick: id, … }, capture, component }; the event handlers set on elements
 * already on the page ({ component, name, handler }: a re-render gave an element a new handler);
 * and the event handlers the batch disposes.
 */
function readBatch(buf) {
  const str = strings(buf);
  const framesAt = buf.readInt32LE(buf.length - 16);
  const frame = i => framesAt + 4 + i * FRAME;
  const count = buf.readInt32LE(framesAt);
  const found = []; // [frame index, keys, element]
  let current = null, currentKeys = [], currentIndex = -1;
  const close = () => { if (current && currentKeys.length) found.push([currentIndex, currentKeys, current]); current = null; currentKeys = []; };
  for (let i = 0; i < count; i++) {
    const at = frame(i);
    const type = buf.readInt32LE(at);
    if (type === ATTRIBUTE && current) {
      const name = str(buf.readInt32LE(at + 4));
      const handler = Number(buf.readBigUInt64LE(at + 12));
      if (handler) current.handlers[name] = handler;
      else if (name === 'id' || name === 'data-testid') currentKeys.push(str(buf.readInt32LE(at + 8)));
      continue;
    }
    if (type === ELEMENT_REFERENCE_CAPTURE && current) {
      current.capture = str(buf.readInt32LE(at + 4));
      continue;
    }
    close();
    if (type === ELEMENT) { current = { tag: str(buf.readInt32LE(at + 8)), handlers: {}, capture: null, component: null }; currentIndex = i; }
  }
  close();

  // Which component rendered each element (the diff whose inserted frames hold it), and handlers
  // set on elements that were already there.
  const updated = buf.readInt32LE(buf.length - 20);
  const setHandlers = [];
  for (let d = 0, n = buf.readInt32LE(updated); d < n; d++) {
    const diff = buf.readInt32LE(updated + 4 + d * 4);
    const component = buf.readInt32LE(diff);
    for (let e = 0, edits = buf.readInt32LE(diff + 4); e < edits; e++) {
      const edit = diff + 8 + e * 16;
      const type = buf.readInt32LE(edit), index = buf.readInt32LE(edit + 8);
      if (type === PREPEND_FRAME && buf.readInt32LE(frame(index)) === ELEMENT) {
        const end = index + buf.readInt32LE(frame(index) + 4);
        for (const [at, , element] of found) if (at >= index && at < end) element.component = component;
      } else if (type === SET_ATTRIBUTE) {
        const handler = Number(buf.readBigUInt64LE(frame(index) + 12));
        if (handler) setHandlers.push({ component, name: str(buf.readInt32LE(frame(index) + 4)), handler });
      }
    }
  }

  const elements = new Map();
  for (const [, keys, element] of found) for (const key of keys) elements.set(key, element);
  const disposedAt = buf.readInt32LE(buf.length - 8);
  const disposed = [];
  for (let i = 0, n = buf.readInt32LE(disposedAt); i < n; i++) disposed.push(Number(buf.readBigUInt64LE(disposedAt + 4 + i * 8)));
  return { elements, setHandlers, disposed };
}

module.exports = { readBatch };
