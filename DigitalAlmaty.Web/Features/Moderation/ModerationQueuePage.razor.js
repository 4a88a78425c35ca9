// Keyboard shortcuts of the moderation queue. Keys typed into a text field are left alone; the
// server decides what a key does (and checks the moderator's rights on every action).
const keys = new Set(['j', 'k', 'ArrowDown', 'ArrowUp', 'a', 'r', 'i', '?', 'Escape']);

function typing(target) {
    if (!(target instanceof Element)) return false;
    if (target.isContentEditable) return true;
    const tag = target.tagName;
    if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
    if (tag !== 'INPUT') return false;
    const type = (target.getAttribute('type') || 'text').toLowerCase();
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

export function attach(dotNet) {
    const onKey = event => {
        if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
        if (!keys.has(event.key)) return;
        if (event.key !== 'Escape' && typing(event.target)) return;
        if (event.key !== 'Escape') event.preventDefault();
        dotNet.invokeMethodAsync('OnShortcut', event.key).catch(() => { /* circuit gone */ });
    };
    document.addEventListener('keydown', onKey);
    return { dispose: () => document.removeEventListener('keydown', onKey) };
}

export function focus(selector) {
    const element = document.querySelector(selector);
    if (element) {
        element.focus({ preventScroll: false });
        element.scrollIntoView({ block: 'nearest' });
    }
}

// The chosen item is mirrored in the address (for reloads and shared links) without a navigation.
export function setAddress(url) {
    history.replaceState(history.state, '', url);
}
