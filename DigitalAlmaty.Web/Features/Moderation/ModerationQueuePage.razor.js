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

// A row's age ("5 мин") moves on here, every 30 s, from the time it entered the queue
// (data-since) and the list's localized templates; the server writes each age once. The skew
// between the server's clock and this one is taken from the list when the page attaches.
function ageText(list, ms) {
    const minutes = Math.max(0, Math.floor(ms / 60000));
    const data = list.dataset;
    if (minutes < 1) return data.ageNow;
    if (minutes < 60) return data.ageMinutes.replace('{0}', minutes);
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return data.ageHours.replace('{0}', hours).replace('{1}', minutes % 60);
    return data.ageDays.replace('{0}', Math.floor(hours / 24)).replace('{1}', hours % 24);
}

export function refreshAges(skew = 0) {
    const now = Date.now() + skew;
    for (const list of document.querySelectorAll('.queue-list[data-age-minutes]')) {
        for (const age of list.querySelectorAll('.queue-row__age[data-since]')) {
            const text = list.dataset.agePrefix + ageText(list, now - Number(age.dataset.since));
            if (age.textContent !== text) age.textContent = text;
        }
    }
}

export function attach(dotNet) {
    const list = document.querySelector('.queue-list[data-server-now]');
    const skew = list ? Number(list.dataset.serverNow) - Date.now() : 0;
    const ages = setInterval(() => refreshAges(skew), 30000);
    const onKey = event => {
        if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
        if (!keys.has(event.key)) return;
        if (event.key !== 'Escape' && typing(event.target)) return;
        if (event.key !== 'Escape') event.preventDefault();
        dotNet.invokeMethodAsync('OnShortcut', event.key).catch(() => { /* circuit gone */ });
    };
    document.addEventListener('keydown', onKey);
    return {
        dispose: () => {
            document.removeEventListener('keydown', onKey);
            clearInterval(ages);
        },
    };
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
