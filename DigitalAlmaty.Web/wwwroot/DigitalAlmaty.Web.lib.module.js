// JS initializer of the portal, run by blazor.web.js while it starts.

// The moderation queue has one click handler for all its rows (`@onqueueselect` on the list): the
// event carries the id of the row whose title button was pressed. Registered before Blazor starts,
// so that the first render of an interactive page already listens for it.
export function beforeWebStart() {
  Blazor.registerCustomEventType('queueselect', {
    browserEventName: 'click',
    createEventArgs: event => ({ id: event.target.closest('[data-select]')?.dataset.select ?? null }),
  });
}
