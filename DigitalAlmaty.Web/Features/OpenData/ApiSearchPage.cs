using System.ComponentModel;

namespace DigitalAlmaty.Web.Features.OpenData;

[Description("One page of search results, best match first.")]
public sealed record ApiSearchPage(
    [property: Description("The results of this page.")]
    IReadOnlyList<ApiSearchHit> Items,
    [property: Description("How many items match (ranked ones).")]
    int Total,
    [property: Description("True when more items match than were counted: total is a lower bound.")]
    bool TotalIsAtLeast,
    [property: Description("Absolute address of the next page, or null on the last page.")]
    string? Next,
    [property: Description("Terms of reuse (clause 3.5 of the user agreement), in the response's language.")]
    string License);
