using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Claims;

/// <summary>Runs <see cref="ClaimReminderService"/> at start and then every <c>Claims:ReminderCheckMinutes</c>.</summary>
internal sealed class ClaimReminderWatcher(
    IServiceScopeFactory scopes,
    IOptions<ClaimOptions> options,
    ILogger<ClaimReminderWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.ReminderCheckMinutes;
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(0.01, minutes)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ClaimReminderService>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not check the claims' reminders.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
