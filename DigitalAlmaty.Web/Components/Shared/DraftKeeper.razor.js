// A browser copy of an editor's fields, keyed by draft. Works without the server: it listens to
// the DOM directly, so typing while the circuit is down is still kept.
const prefix = 'digital-almaty:draft:';
const keys = new WeakMap();

function fields(root) {
    return [...root.querySelectorAll('input[id], textarea[id], select[id]')]
        .filter(el => el.type !== 'file' && el.type !== 'hidden' && el.type !== 'password');
}

function read(key) {
    try { return JSON.parse(localStorage.getItem(prefix + key) || 'null'); } catch { return null; }
}

function write(key, root) {
    const values = {};
    for (const el of fields(root)) values[el.id] = (el.type === 'checkbox' || el.type === 'radio') ? String(el.checked) : el.value;
    try { localStorage.setItem(prefix + key, JSON.stringify({ savedAt: Date.now(), values })); } catch { /* storage full or disabled */ }
}

export function attach(root, key) {
    const restored = [];
    const copy = read(key);
    if (copy && copy.values) {
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
    const onInput = () => write(keys.get(root), root);
    root.addEventListener('input', onInput);
    root.addEventListener('change', onInput);
    keys.set(root, key);
    root.__draftKeeper = onInput;
    return restored;
}

export function rename(root, oldKey, newKey, newUrl) {
    const copy = oldKey === newKey ? null : localStorage.getItem(prefix + oldKey);
    if (copy !== null) {
        localStorage.setItem(prefix + newKey, copy);
        localStorage.removeItem(prefix + oldKey);
    }
    keys.set(root, newKey);
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
}
