using System.ComponentModel;

namespace DigitalAlmaty.Web.Features.OpenData;

[Description("One page of a list, newest (or, for upcoming events, soonest) first.")]
public sealed record ApiPage<T>(
    [property: Description("The items of this page.")]
    IReadOnlyList<T> Items,
    [property: Description("Absolute address of the next page (a keyset cursor in it), or null on the last page.")]
    [property: ApiExample("\"https://digital-almaty.kz/api/v1/ideas?culture=kk-KZ&cursor=MTM5MDA...\"")]
    string? Next,
    [property: Description("Terms of reuse (clause 3.5 of the user agreement), in the response's language.")]
    string License);
