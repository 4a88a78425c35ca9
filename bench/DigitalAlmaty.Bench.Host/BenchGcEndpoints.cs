using System.Runtime;
using DigitalAlmaty.Web.Realtime;

namespace DigitalAlmaty.Bench.Host;

/// <summary>The heap and the collections so far, for the heap per circuit in bench/moderation-queue.sh.</summary>
public static class BenchGcEndpoints
{
    /// <summary>Forces a full, blocking, compacting collection and reports what is left on the heap.</summary>
    public static IEndpointRouteBuilder MapBenchGc(this IEndpointRouteBuilder endpoints)
    {
        // Collections and pause time so far, read before and after the measured rounds.
        endpoints.MapGet("/bench/gc-stats", () => Results.Ok(new
        {
            gen0 = GC.CollectionCount(0),
            gen1 = GC.CollectionCount(1),
            gen2 = GC.CollectionCount(2),
            pauseMs = GC.GetTotalPauseDuration().TotalMilliseconds,
        }));

        endpoints.MapPost("/bench/gc", (PortalEventFeed feed) =>
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            return Results.Ok(new
            {
                totalBytes = GC.GetTotalMemory(forceFullCollection: false),
                heapBytes = info.HeapSizeBytes,
                workingSetBytes = Environment.WorkingSet,
                subscribers = feed.SubscriberCount,
            });
        }).DisableAntiforgery();
        return endpoints;
    }
}
