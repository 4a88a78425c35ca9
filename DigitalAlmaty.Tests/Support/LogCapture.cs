using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DigitalAlmaty.Tests.Support;

/// <summary>
/// A logger provider that keeps every line the portal writes (under the portal's own level rules)
/// with everything a log sink would store: category, message, the structured values, the exception
/// and the scopes (the JSON console formatter writes all of these).
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLine> _lines = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<CapturedLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new List<KeyValuePair<string, string>>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                values.AddRange(pairs.Select(p => new KeyValuePair<string, string>(p.Key, Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)));
            }

            var scopes = new List<KeyValuePair<string, string>>();
            capture._scopes?.ForEachScope((scope, list) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> items)
                {
                    list.AddRange(items.Select(p => new KeyValuePair<string, string>(p.Key, Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)));
                }

                list.Add(new("(scope)", scope?.ToString() ?? string.Empty));
            }, scopes);
            capture._lines.Enqueue(new CapturedLine(category, logLevel, formatter(state, exception), exception?.ToString(), values, scopes));
        }
    }
}

/// <summary>One captured log line; <see cref="AllText"/> is everything in it that a sink would store.</summary>
public sealed record CapturedLine(
    string Category, LogLevel Level, string Message, string? Exception,
    IReadOnlyList<KeyValuePair<string, string>> Values, IReadOnlyList<KeyValuePair<string, string>> Scopes)
{
    public string? Scope(string key) => Scopes.FirstOrDefault(s => s.Key == key).Value;

    public string AllText
    {
        get
        {
            var text = new StringBuilder().Append(Category).Append('\n').Append(Message).Append('\n').Append(Exception).Append('\n');
            foreach (var (key, value) in Values.Concat(Scopes))
            {
                text.Append(key).Append('=').Append(value).Append('\n');
            }

            return text.ToString();
        }
    }

    public override string ToString() => $"[{Level}] {Category}: {Message}";
}
