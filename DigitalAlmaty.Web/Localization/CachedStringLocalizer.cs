using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Localization;

/// <summary>
/// The strings of one resource class, looked up once per culture and key and then kept: ResourceManager
/// takes a lock on every lookup, and a page asks for dozens of strings. Resources never change while
/// the app runs, so the cache never goes stale. Registered as a singleton for every T.
/// </summary>
public sealed class CachedStringLocalizer<T>(IStringLocalizerFactory factory) : IStringLocalizer<T>
{
    private readonly IStringLocalizer _inner = factory.Create(typeof(T));
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _strings = new();

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            return _strings.GetOrAdd((CultureInfo.CurrentUICulture.Name, name), key => _inner[key.Name]);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            var value = string.Format(CultureInfo.CurrentCulture, format.Value, arguments);
            return new LocalizedString(name, value, format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);
}
