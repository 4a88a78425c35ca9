// Sends a textarea's text to the server in pieces, shortly after typing stops and when the
// field loses focus. Each send gets a growing sequence number; the server keeps the newest.
const state = new WeakMap();

export function attach(element, dotnet, chunkSize, knownValue) {
    let sequence = 0;
    let timer = null;
    // What the server holds. Text put back from the browser copy before we attached is sent at once.
    let lastSent = knownValue;

    // The send under way, so that a flush right after a blur waits for the blur's send to arrive.
    let inFlight = Promise.resolve();
    const send = () => {
        clearTimeout(timer);
        const value = element.value;
        if (value !== lastSent) {
            lastSent = value;
            const id = ++sequence;
            const count = Math.max(1, Math.ceil(value.length / chunkSize));
            inFlight = (async () => {
                for (let i = 0; i < count; i++) {
                    await dotnet.invokeMethodAsync('ReceiveChunk', id, i, count, value.substring(i * chunkSize, (i + 1) * chunkSize));
                }
            })();
        }
        return inFlight;
    };
    const onInput = () => { clearTimeout(timer); timer = setTimeout(() => send().catch(() => { lastSent = null; }), 300); };
    const onBlur = () => { send().catch(() => { lastSent = null; }).finally(() => dotnet.invokeMethodAsync('Blurred').catch(() => {})); };

    element.addEventListener('input', onInput);
    element.addEventListener('blur', onBlur);
    state.set(element, { onInput, onBlur, send, resetSent: v => { lastSent = v; } });
    if (element.value !== knownValue) onInput();
}

// Sends whatever is still waiting for the debounce, and resolves once the server has it.
export async function flush(element) {
    const s = state.get(element);
    if (!s) return;
    try {
        await s.send();
    } catch {
        // The last send failed part-way: send the whole text again.
        s.resetSent(null);
        await s.send();
    }
}

export function focus(element) {
    element.focus();
    element.scrollIntoView({ block: 'center' });
}

export function setValue(element, value) {
    element.value = value;
    state.get(element)?.resetSent(value);
}

export function detach(element) {
    const s = state.get(element);
    if (!s) return;
    element.removeEventListener('input', s.onInput);
    element.removeEventListener('blur', s.onBlur);
    state.delete(element);
}
