using System.Diagnostics;
using DigitalAlmaty.Web.Features.Operations;

namespace DigitalAlmaty.Tests.Web;

/// <summary>What every log line's scopes hold: the node and trace first, and no token from a request's path.</summary>
public sealed class PortalLogScopesTests
{
    private static List<KeyValuePair<string, string>> Read(PortalLogScopes scopes)
    {
        var seen = new List<KeyValuePair<string, string>>();
        scopes.ForEachScope((scope, list) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> items)
            {
                list.AddRange(items.Select(i => new KeyValuePair<string, string>(i.Key, i.Value?.ToString() ?? string.Empty)));
            }

            list.Add(new("(text)", scope?.ToString() ?? string.Empty));
        }, seen);
        return seen;
    }

    [Theory]
    [InlineData("/agreement/my-data/", "Zm9yLXRoZS1kZWNsaW5pbmctdXNlcg")]
    [InlineData("/ADMIN/users/export/", "YWRtaW4tZXhwb3J0LXRva2Vu")]
    public void ARequestPathWithAnExportToken_IsLoggedWithoutTheToken(string prefix, string token)
    {
        var scopes = new PortalLogScopes(new PortalNode("node-a"));
        using (scopes.Push(new List<KeyValuePair<string, object?>> { new("RequestId", "0HN:1"), new("RequestPath", prefix + token) }))
        {
            var seen = Read(scopes);

            Assert.DoesNotContain(seen, s => s.Value.Contains(token, StringComparison.Ordinal));
            Assert.Contains(new KeyValuePair<string, string>("RequestPath", prefix + "{token}"), seen);
            Assert.Contains(new KeyValuePair<string, string>("RequestId", "0HN:1"), seen);
        }
    }

    [Fact]
    public void EveryLine_NamesTheNode_AndTheCurrentTrace_BeforeItsOwnScopes()
    {
        var scopes = new PortalLogScopes(new PortalNode("node-b"));
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();
        using (scopes.Push(new List<KeyValuePair<string, object?>> { new("RequestPath", "/ideas") }))
        {
            var seen = Read(scopes);

            Assert.Equal(new KeyValuePair<string, string>("NodeName", "node-b"), seen[0]);
            Assert.Contains(new KeyValuePair<string, string>("TraceId", activity.TraceId.ToHexString()), seen);
            Assert.Contains(new KeyValuePair<string, string>("RequestPath", "/ideas"), seen);
        }

        activity.Stop();
        Assert.Equal(["NodeName", "(text)"], Read(scopes).Select(s => s.Key));
    }
}
