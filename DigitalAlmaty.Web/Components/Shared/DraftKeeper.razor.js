// A browser copy of an editor's fields, keyed by draft. Works without the server: it listens to
// the DOM directly, so typing while the circuit is down is still kept. The copy remembers the
// server revision it was typed on and when it was written, in the server's time (the browser's
// clock may be wrong), so that opening the editor never puts an old copy over a newer server draft.
const prefix = 'digital-almaty:draft:';
const states = new WeakMap();

function fields(root) {
    return [...root.querySelectorAll('input[id], textarea[id], select[id]')]
        .filter(el => el.type !== 'file' && el.type !== 'hidden' && el.type !== 'password');
}

function read(key) {
    try { return JSON.parse(localStorage.getItem(prefix + key) || 'null'); } catch { return null; }
}

function write(root) {
    const state = states.get(root);
    if (!state) return;
    const values = {};
    for (const el of fields(root)) values[el.id] = (el.type === 'checkbox' || el.type === 'radio') ? String(el.checked) : el.value;
    const copy = { savedAt: Date.now() + state.offset, revision: state.revision, values };
    try { localStorage.setItem(prefix + state.key, JSON.stringify(copy)); } catch { /* storage full or disabled */ }
}

// Whether the browser's copy is newer than the server's draft.
function copyWins(copy, server) {
    if (server.revision === null || server.revision === undefined) return true;   // nothing on the server yet
    if (copy.revision === server.revision) return true;                            // typed on what the server still holds
    return typeof copy.savedAt === 'number' && typeof server.savedAt === 'number' && copy.savedAt > server.savedAt;
}

export function attach(root, key, server) {
    server = server || {};
    const offset = typeof server.now === 'number' ? server.now - Date.now() : 0;
    const restored = [];
    const copy = read(key);
    if (copy && copy.values && !copyWins(copy, server)) {
        // The server's draft was saved after this copy was written: the copy is out of date.
        localStorage.removeItem(prefix + key);
    } else if (copy && copy.values) {
        for (const el of fields(root)) {
            if (!(el.id in copy.values)) continue;
            const stored = copy.values[el.id];
            const current = (el.type === 'checkbox' || el.type === 'radio') ? String(el.checked) : el.value;
            if (stored === current) continue;
            if (el.type === 'checkbox' || el.type === 'radio') { if (el.type === 'radio' && stored !== 'true') continue; el.checked = stored === 'true'; } else el.value = stored;
            el.dispatchEvent(new Event('input', { bubbles: true }));
            el.dispatchEvent(new Event('change', { bubbles: true }));
            restored.push(el.id);
        }
    }
    const revision = server.revision === undefined ? null : server.revision;
    states.set(root, { key, offset, revision });
    const onInput = () => write(root);
    root.addEventListener('input', onInput);
    root.addEventListener('change', onInput);
    root.__draftKeeper = onInput;
    return restored;
}

// The server saved the fields as `revision`: the copy is rewritten on top of it.
export function saved(root, revision) {
    const state = states.get(root);
    if (!state) return;
    state.revision = revision;
    write(root);
}

export function rename(root, oldKey, newKey, newUrl) {
    const copy = oldKey === newKey ? null : localStorage.getItem(prefix + oldKey);
    if (copy !== null) {
        localStorage.setItem(prefix + newKey, copy);
        localStorage.removeItem(prefix + oldKey);
    }
    const state = states.get(root);
    if (state) state.key = newKey;
    // The draft now has its own address. Only the address bar changes: reloading the page here
    // would throw away the live editor.
    if (newUrl) history.replaceState(history.state, '', newUrl);
}

export function clear(key) {
    localStorage.removeItem(prefix + key);
}

export function detach(root) {
    if (root.__draftKeeper) {
        root.removeEventListener('input', root.__draftKeeper);
        root.removeEventListener('change', root.__draftKeeper);
        delete root.__draftKeeper;
    }
    states.delete(root);
}
