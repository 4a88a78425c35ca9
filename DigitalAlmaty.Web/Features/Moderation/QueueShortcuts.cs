using Microsoft.JSInterop;

namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>
/// The queue page's script (ModerationQueuePage.razor.js) seen from the server: it reports the
/// keyboard shortcuts (the server decides what a key does), moves the rows' ages on in the browser,
/// focuses a row and mirrors the chosen item in the address. Every call is skipped once the circuit
/// is gone.
/// </summary>
public sealed class QueueShortcuts(IJSRuntime js, Func<string, Task> onKey) : IAsyncDisposable
{
    private const string ModulePath = "./Features/Moderation/ModerationQueuePage.razor.js";

    private IJSObjectReference? _module;
    private IJSObjectReference? _attachment;
    private DotNetObjectReference<QueueShortcuts>? _self;

    /// <summary>True once the keys are listened to (the page shows it as <c>data-shortcuts="on"</c>).</summary>
    public bool Attached => _attachment is not null;

    public async Task AttachAsync()
    {
        try
        {
            _module = await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _self = DotNetObjectReference.Create(this);
            if (_module is not null)
            {
                _attachment = await _module.InvokeAsync<IJSObjectReference>("attach", _self);
            }
        }
        catch (Exception ex) when (ex is JSDisconnectedException or OperationCanceledException)
        {
        }
    }

    /// <summary>A shortcut key was pressed outside a text field (called by the script).</summary>
    [JSInvokable]
    public Task OnShortcut(string key) => onKey(key);

    /// <summary>Mirrors the chosen item in the address (for reloads and links) without a navigation.</summary>
    public Task SetAddressAsync(string url) => InvokeAsync("setAddress", url);

    public Task FocusAsync(string selector) => InvokeAsync("focus", selector);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_attachment is not null)
            {
                await _attachment.InvokeVoidAsync("dispose");
                await _attachment.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (Exception ex) when (ex is JSDisconnectedException or OperationCanceledException)
        {
        }

        _self?.Dispose();
    }

    private async Task InvokeAsync(string function, string argument)
    {
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync(function, argument);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or OperationCanceledException)
        {
        }
    }
}
