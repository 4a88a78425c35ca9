// "Copy link" and "copy citation" on public item pages. Without script the text stays selectable.
document.addEventListener('click', async event => {
    const button = event.target.closest('button[data-copy]');
    if (!button) return;
    try {
        await navigator.clipboard.writeText(button.dataset.copy);
        const label = button.textContent;
        button.textContent = button.dataset.done;
        setTimeout(() => { button.textContent = label; }, 2000);
    } catch {
        const selection = window.getSelection();
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('cite-text'));
        selection.removeAllRanges();
        selection.addRange(range);
    }
});
