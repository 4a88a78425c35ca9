using DigitalAlmaty.Web.Telemetry;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>
/// Counts this node's open circuits by the kind of page they serve (one handler per circuit). The
/// kind follows the circuit when the user moves on within it (interactive navigation).
/// </summary>
public sealed class CircuitMetricsHandler(PortalMetrics metrics, NavigationManager navigation) : CircuitHandler, IDisposable
{
    private readonly Lock _gate = new();
    private string? _kind;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _kind = KindOf(null);
            metrics.CircuitOpened(_kind);
        }

        navigation.LocationChanged += OnLocationChanged;
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Close();
        return Task.CompletedTask;
    }

    public void Dispose() => Close();

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var kind = KindOf(e.Location);
        lock (_gate)
        {
            if (_kind is null || _kind == kind)
            {
                return;
            }

            metrics.CircuitClosed(_kind);
            metrics.CircuitOpened(kind);
            _kind = kind;
        }
    }

    private void Close()
    {
        navigation.LocationChanged -= OnLocationChanged;
        lock (_gate)
        {
            if (_kind is { } kind)
            {
                metrics.CircuitClosed(kind);
                _kind = null;
            }
        }
    }

    /// <summary>The kind of <paramref name="uri"/>, or of the circuit's current address when null.</summary>
    private string KindOf(string? uri)
    {
        try
        {
            return PageKinds.Of("/" + navigation.ToBaseRelativePath(uri ?? navigation.Uri));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Not initialised yet, or an address outside the portal's base: counted, as "other".
            return PageKinds.Other;
        }
    }
}
