using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace DigitalAlmaty.Web.Features.Accounts;

/// <summary>Counts what the user does in an open circuit (an editor open for hours) as activity.</summary>
public sealed class ActivityCircuitHandler(AuthenticationStateProvider authentication, ActivityRecorder recorder) : CircuitHandler
{
    // One handler per circuit, and a circuit's user never changes: it is looked up once, not on every
    // message (render acknowledgements arrive for every update pushed to an open screen).
    private string? _userId;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            await RecordAsync();
            await next(context);
        };

    private async Task RecordAsync()
    {
        if (_userId is null)
        {
            try
            {
                _userId = ActingUser.Id((await authentication.GetAuthenticationStateAsync()).User);
            }
            catch (InvalidOperationException)
            {
                // The circuit's user is not known yet (its first message).
                return;
            }
        }

        if (_userId is not null)
        {
            await recorder.TouchAsync(_userId);
        }
    }
}
