using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using DigitalAlmaty.Web.Components.Pages;
using DigitalAlmaty.Web.Features.Catalog;
using DigitalAlmaty.Web.Localization;
using DigitalAlmaty.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace DigitalAlmaty.Web.Components.Layout;

/// <summary>
/// The markup of the portal's shell (head links, header, footer), written once here for both ways a
/// page is produced: the Razor components of the layout render it as markup, and the public pages
/// written directly for anonymous readers (<see cref="DirectPublicPages"/>) write the same strings.
/// The parts that do not depend on the request are built once per language.
/// </summary>
public sealed class SiteShellMarkup(
    HtmlEncoder html,
    IStringLocalizer<SharedText> t,
    IStringLocalizer<SearchText> s,
    IStringLocalizer<ClaimText> c,
    IStringLocalizer<OpenDataText> o)
{
    /// <summary>Closes what <see cref="WriteHeaderStart"/> leaves open (the tools, the bar, the header).</summary>
    public const string HeaderEnd = "</div></div></header>";

    private readonly ConcurrentDictionary<string, Parts> _parts = new(StringComparer.Ordinal);

    /// <summary>
    /// The portal's own stylesheets in cascade order: the shell and tokens, then one sheet per area of
    /// static pages (content-hashed, cached for a year, so a page of another area costs no request).
    /// </summary>
    public static IReadOnlyList<string> Stylesheets { get; } =
        ["site.css", "account.css", "editors.css", "workspace.css", "catalog.css", "admin.css", "governance.css", "publications.css", "claims.css", "participation.css"];

    /// <summary>
    /// Favicon and stylesheets; shared with the Identity pages' layout. The interactive components'
    /// isolated styles (X.razor.css) come last, in the bundle the Razor SDK builds.
    /// </summary>
    public static string HeadLinks { get; } =
        "<link rel=\"icon\" type=\"image/svg+xml\" href=\"" + BrandAssets.Url("favicon.svg") + "\" />\n"
        + "<link rel=\"stylesheet\" href=\"_content/MudBlazor/MudBlazor.min.css\" />\n"
        + string.Concat(Stylesheets.Select(sheet => "<link rel=\"stylesheet\" href=\"" + BrandAssets.Url(sheet) + "\" />\n"))
        + "<link rel=\"stylesheet\" href=\"DigitalAlmaty.Web.styles.css\" />\n"
        + "<meta name=\"theme-color\" content=\"#0b5cab\" />";

    /// <summary>
    /// The skip link and the header up to and including the language switch, leaving the tools
    /// open for what depends on the visitor (sign-in buttons, or the account menu and live badges).
    /// </summary>
    public void WriteHeaderStart(StringBuilder markup, HttpRequest request)
    {
        var parts = PartsFor(PortalCultures.Current);
        markup.Append(parts.Brand).Append("<nav class=\"main-nav\" aria-label=\"").Append(parts.NavLabel).Append("\">");
        for (var i = 0; i < PortalSection.All.Count; i++)
        {
            var section = PortalSection.All[i];
            markup.Append("<a href=\"").Append(section.Path).Append('"');
            if (IsCurrent(request, section.Path))
            {
                markup.Append(" class=\"active\" aria-current=\"page\"");
            }

            markup.Append('>').Append(parts.Sections[i]).Append("</a>");
        }

        markup.Append("</nav>\n<div class=\"header-tools\">");
        if (!IsCurrent(request, "search"))
        {
            markup.Append(parts.Search);
        }

        markup.Append("<nav class=\"lang-switch\" aria-label=\"").Append(parts.LanguageLabel).Append("\">");
        foreach (var culture in PortalCultures.All)
        {
            var current = culture == PortalCultures.Current;
            markup.Append("<a href=\"").Append(html.Encode(CultureLink(request, culture)))
                .Append("\" hreflang=\"").Append(culture, 0, 2).Append("\" lang=\"").Append(culture, 0, 2)
                .Append("\" title=\"").Append(html.Encode(PortalCultures.NativeName(culture))).Append('"');
            if (current)
            {
                markup.Append(" aria-current=\"true\" class=\"active\"");
            }

            markup.Append(" rel=\"nofollow\">").Append(html.Encode(PortalCultures.ShortLabel(culture))).Append("</a>");
        }

        markup.Append("</nav>");
    }

    /// <summary>An anonymous visitor's way in: sign in (and come back here) or register.</summary>
    public void WriteSignInLinks(StringBuilder markup, HttpRequest request)
    {
        var parts = PartsFor(PortalCultures.Current);
        markup.Append("<a class=\"button button--ghost\" href=\"").Append(html.Encode(SignInLink(request))).Append("\">")
            .Append(parts.SignIn).Append("</a>\n").Append(parts.Register);
    }

    /// <summary>The whole header as an anonymous visitor sees it.</summary>
    public void WriteAnonymousHeader(StringBuilder markup, HttpRequest request)
    {
        WriteHeaderStart(markup, request);
        WriteSignInLinks(markup, request);
        markup.Append(HeaderEnd);
    }

    public void WriteFooter(StringBuilder markup) => markup.Append(PartsFor(PortalCultures.Current).Footer);

    public MarkupString AnonymousHeader(HttpRequest request) => Render(markup => WriteAnonymousHeader(markup, request));

    /// <summary>An unbalanced fragment: only for statically rendered layouts, closed by <see cref="HeaderEnd"/>.</summary>
    public MarkupString HeaderStart(HttpRequest request) => Render(markup => WriteHeaderStart(markup, request));

    public MarkupString Footer() => new(PartsFor(PortalCultures.Current).Footer);

    public static bool IsCurrent(HttpRequest request, string section)
    {
        var path = request.Path.Value ?? "/";
        return path.Length > section.Length
            && path[0] == '/'
            && path.AsSpan(1, section.Length).Equals(section, StringComparison.OrdinalIgnoreCase)
            && (path.Length == section.Length + 1 || path[section.Length + 1] == '/');
    }

    /// <summary>The sign-in page, coming back to this page afterwards (except from the account pages themselves).</summary>
    public static string SignInLink(HttpRequest request) =>
        request.Path.StartsWithSegments("/Identity")
            ? "Identity/Account/Login"
            : QueryHelpers.AddQueryString("Identity/Account/Login", "returnUrl", request.Path + request.QueryString);

    /// <summary>The current page in another language: same path and query, culture replaced.</summary>
    public static string CultureLink(HttpRequest request, string culture)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !p.Key.Equals(PortalCultures.QueryKey, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>(PortalCultures.QueryKey, culture));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }

    private static MarkupString Render(Action<StringBuilder> write)
    {
        var markup = new StringBuilder(4096);
        write(markup);
        return new MarkupString(markup.ToString());
    }

    private Parts PartsFor(string culture)
    {
        var year = DateTime.UtcNow.Year;
        var parts = _parts.GetOrAdd(culture, _ => Build(year));
        if (parts.Year != year)
        {
            parts = _parts[culture] = Build(year);
        }

        return parts;
    }

    /// <summary>The request-independent parts in the current UI culture, encoded.</summary>
    private Parts Build(int year)
    {
        string E(string text) => html.Encode(text);
        var menu = E(t["Nav.Menu"]);
        var brand = new StringBuilder()
            .Append("<a class=\"skip-link\" href=\"#main\">").Append(E(t["Nav.SkipToContent"])).Append("</a>\n")
            .Append("<header class=\"site-header\"><div class=\"site-header__bar\"><a class=\"brand\" href=\"/\"><img src=\"")
            .Append(BrandAssets.Url("logo.svg")).Append("\" alt=\"\" width=\"40\" height=\"40\" />\n")
            .Append("<span class=\"brand__text\"><span class=\"brand__name\">").Append(E(t["Site.Name"]))
            .Append("</span>\n<span class=\"brand__owner\">").Append(E(t["Site.Owner"])).Append("</span></span></a>\n")
            .Append("<details class=\"menu-toggle\"><summary aria-label=\"").Append(menu)
            .Append("\"><span class=\"menu-toggle__icon\" aria-hidden=\"true\"></span><span class=\"menu-toggle__text\">")
            .Append(menu).Append("</span></summary></details>\n")
            .ToString();
        var searchLabel = E(s["Header.Label"]);
        var submit = E(s["Header.Submit"]);
        var search = new StringBuilder()
            .Append("<form class=\"header-search\" method=\"get\" action=\"search\" role=\"search\"><label class=\"visually-hidden\" for=\"header-search-q\">")
            .Append(searchLabel).Append("</label>\n<input id=\"header-search-q\" class=\"header-search__input\" type=\"search\" name=\"q\" maxlength=\"")
            .Append(SearchQuery.MaxInputLength.ToString(CultureInfo.InvariantCulture)).Append("\" placeholder=\"").Append(searchLabel)
            .Append("\" enterkeyhint=\"search\" />\n<button class=\"header-search__button\" type=\"submit\" aria-label=\"").Append(submit)
            .Append("\" title=\"").Append(submit)
            .Append("\"><svg aria-hidden=\"true\" focusable=\"false\" width=\"18\" height=\"18\" viewBox=\"0 0 24 24\">")
            .Append("<circle cx=\"10.5\" cy=\"10.5\" r=\"6.5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2.2\"></circle>")
            .Append("<path d=\"M15.5 15.5 21 21\" stroke=\"currentColor\" stroke-width=\"2.2\" stroke-linecap=\"round\"></path></svg></button></form>")
            .ToString();
        var agreement = E(t["Footer.Agreement"]);
        var footer = new StringBuilder()
            .Append("<footer class=\"site-footer\"><div class=\"site-footer__inner\"><div><p class=\"site-footer__owner\">© ")
            .Append(year.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(E(t["Site.Owner"])).Append("</p>\n<p>")
            .Append(E(t["Footer.Free"])).Append(' ').Append(E(t["Footer.Rights"])).Append("</p></div>\n")
            .Append("<nav aria-label=\"").Append(agreement).Append("\"><a href=\"agreement\">").Append(agreement).Append("</a>\n")
            .Append("<a href=\"").Append(Features.Claims.ClaimRoutes.New).Append("\">").Append(E(c["Footer.Claims"])).Append("</a>\n")
            .Append("<a href=\"api\">").Append(E(o["Footer.Api"])).Append("</a></nav></div></footer>")
            .ToString();
        return new Parts(
            year,
            brand,
            E(t["Nav.Label"]),
            [.. PortalSection.All.Select(section => E(t[section.TitleKey]))],
            search,
            E(t["Language.Label"]),
            E(t["Account.SignIn"]),
            "<a class=\"button button--primary\" href=\"Identity/Account/Register\">" + E(t["Account.Register"]) + "</a>",
            footer);
    }

    private sealed record Parts(
        int Year, string Brand, string NavLabel, string[] Sections, string Search, string LanguageLabel, string SignIn, string Register, string Footer);
}
