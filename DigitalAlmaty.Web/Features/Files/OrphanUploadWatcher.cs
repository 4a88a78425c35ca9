using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Files;

/// <summary>Runs <see cref="OrphanUploadCleanup"/> every <c>Uploads:OrphanCheckMinutes</c> (0: never).</summary>
internal sealed class OrphanUploadWatcher(
    IServiceScopeFactory scopes,
    IOptions<FileStoreOptions> options,
    ILogger<OrphanUploadWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.OrphanCheckMinutes;
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(0.01, minutes)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OrphanUploadCleanup>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not remove orphan uploads.");
            }
        }
    }
}
