using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Inactivity;

/// <summary>
/// Runs the inactivity check (4.1.4) a minute after start and then every <c>Accounts:AnnulmentCheckHours</c>.
/// Running at start too means a portal restarted more often than daily still checks.
/// </summary>
internal sealed class AnnulmentWatcher(
    IServiceScopeFactory scopes,
    IOptions<AnnulmentOptions> options,
    ILogger<AnnulmentWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = options.Value.AnnulmentCheckHours;
        if (hours <= 0)
        {
            return;
        }

        var interval = TimeSpan.FromHours(hours);
        try
        {
            await Task.Delay(interval < FirstRunDelay ? interval : FirstRunDelay, stoppingToken);
            using var timer = new PeriodicTimer(interval);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<AccountAnnulment>().RunScheduledAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The inactive-account check failed; it runs again in {Hours} h.", hours);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
