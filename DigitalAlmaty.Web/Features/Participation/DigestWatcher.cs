using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>Every <see cref="DigestOptions.CheckMinutes"/>, sends the digests that are due (each node tries; one sends).</summary>
internal sealed class DigestWatcher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DigestOptions> options, ILogger<DigestWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.CheckMinutes;
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DigestSender>().RunAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Digests could not be sent this time; the next check tries again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
