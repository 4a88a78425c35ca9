namespace DigitalAlmaty.Web.Components.Layout;

/// <summary>
/// The document title of a page that is not prerendered (<c>prerender: false</c>): such a page renders
/// nothing on the server, its own &lt;PageTitle&gt; never reaches the static &lt;head&gt;, and the
/// tab would have no title. The static layout writes this one instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ShellTitleAttribute(Type resource, string key) : Attribute
{
    public Type Resource { get; } = resource;

    public string Key { get; } = key;
}
