using System.Globalization;
using DigitalAlmaty.Web.Features.Participation;
using DigitalAlmaty.Web.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// A live screen re-renders in its reader's language: events reach each subscriber with the culture
/// it subscribed in, whoever published them and whatever the thread pool's culture is.
/// </summary>
public sealed class PortalEventFeedCultureTests
{
    [Fact]
    public async Task EachSubscriber_HearsAnEvent_InTheLanguageItSubscribedIn()
    {
        var feed = new PortalEventFeed(NullLogger<PortalEventFeed>.Instance);
        var heard = new System.Collections.Concurrent.ConcurrentDictionary<string, (string Culture, string UiCulture)>();
        var both = new TaskCompletionSource();

        void SubscribeIn(string name)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
            feed.Subscribe<CommentsChanged>(_ =>
            {
                heard[name] = (CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name);
                if (heard.Count == 2)
                {
                    both.TrySetResult();
                }

                return Task.CompletedTask;
            });
        }

        await Task.Run(() => SubscribeIn("kk-KZ"));
        await Task.Run(() => SubscribeIn("en-US"));
        await Task.Run(() =>
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("ru-RU");
            feed.Publish(new CommentsChanged(Guid.NewGuid()));
        });
        await both.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(("kk-KZ", "kk-KZ"), heard["kk-KZ"]);
        Assert.Equal(("en-US", "en-US"), heard["en-US"]);
    }
}
