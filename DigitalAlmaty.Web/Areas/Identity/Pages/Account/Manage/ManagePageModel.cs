using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Shared bits of the settings pages. Input is validated in the handlers with <c>ManageText</c>
/// strings, so every message is in the page's language.
/// </summary>
public abstract class ManagePageModel : PageModel
{
    /// <summary>A <c>ManageText</c> key shown once after a redirect, in the language of the next page.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>"true" when the field has an error, for aria-invalid; null removes the attribute.</summary>
    public string? AriaInvalid(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? "true" : null;

    /// <summary>Ids for aria-describedby: the hint (if any) and the error message of a field.</summary>
    public static string DescribedBy(string key, bool hint = false)
    {
        var id = key.Replace('.', '_');
        return hint ? $"{id}-hint {id}-error" : $"{id}-error";
    }

    protected IActionResult UserNotFound() => Challenge();
}
