using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Shared bits of the settings pages. Input is validated like on the other account pages: DataAnnotations
/// on the input models and handler checks, with <c>AccountText</c> messages in the page's language.
/// </summary>
public abstract class ManagePageModel : PageModel
{
    /// <summary>A <c>ManageText</c> key shown once after a redirect, in the language of the next page.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Whether a field has an error, for markup the shared &lt;field&gt; tag helper does not render (a select).</summary>
    public bool HasError(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    protected IActionResult UserNotFound() => Challenge();
}
