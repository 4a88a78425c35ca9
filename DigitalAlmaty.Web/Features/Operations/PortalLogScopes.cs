using System.Collections;
using System.Diagnostics;

namespace DigitalAlmaty.Web.Features.Operations;

/// <summary>
/// The logging scopes of every line: first the node's name and the current trace (trace and span id
/// of the request or background operation), then whatever scopes the code began (the request id and
/// path from ASP.NET Core, the user id from <see cref="OperationsSetup.UsePortalLogScope"/>). It
/// replaces the logger factory's own scope provider, which would add the trace only, and so reaches
/// lines written on threads that no request or start-up scope flows to (Redis callbacks, the event feed).
/// </summary>
public sealed class PortalLogScopes(PortalNode node) : IExternalScopeProvider
{
    /// <summary>Addresses whose last segment is a secret (a personal-data export's one-time token).</summary>
    private static readonly string[] TokenPaths = [PersonalData.PersonalDataRoutes.SelfExportPrefix, PersonalData.PersonalDataRoutes.AdminExportPrefix];

    private readonly LoggerExternalScopeProvider _scopes = new();

    public void ForEachScope<TState>(Action<object?, TState> callback, TState state)
    {
        callback(new NodeScope(node.Name, Activity.Current), state);
        _scopes.ForEachScope(static (scope, context) => context.Callback(WithoutTokens(scope), context.State), (Callback: callback, State: state));
    }

    /// <summary>
    /// ASP.NET Core puts the request's path in a scope of every line of the request; where the path
    /// carries a token, the token is replaced before any logger sees the scope.
    /// </summary>
    private static object? WithoutTokens(object? scope)
    {
        if (scope is not IReadOnlyList<KeyValuePair<string, object?>> items)
        {
            return scope;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { Key: "RequestPath", Value: string path }
                && TokenPaths.FirstOrDefault(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix)
            {
                var redacted = items.ToArray();
                redacted[i] = new("RequestPath", path[..prefix.Length] + "{token}");
                return new RedactedScope(redacted);
            }
        }

        return scope;
    }

    public IDisposable Push(object? state) => _scopes.Push(state);

    /// <summary>A request scope with its path's token replaced; its text is rebuilt from the safe values.</summary>
    private sealed class RedactedScope(KeyValuePair<string, object?>[] items) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => items.Length;

        public KeyValuePair<string, object?> this[int index] => items[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => string.Join(' ', items.Select(i => $"{i.Key}:{i.Value}"));
    }

    /// <summary>Written by the JSON console formatter as an object with these properties.</summary>
    private sealed class NodeScope(string nodeName, Activity? activity) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _items = activity is null
            ? [new("NodeName", nodeName)]
            : [new("NodeName", nodeName), new("TraceId", activity.TraceId.ToHexString()), new("SpanId", activity.SpanId.ToHexString())];

        public int Count => _items.Length;

        public KeyValuePair<string, object?> this[int index] => _items[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => _items.Length == 1
            ? $"Node:{nodeName}"
            : $"Node:{nodeName} TraceId:{_items[1].Value} SpanId:{_items[2].Value}";
    }
}
