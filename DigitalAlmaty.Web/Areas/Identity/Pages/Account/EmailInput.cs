using System.ComponentModel.DataAnnotations;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account;

/// <summary>The one-field form used by the pages that only ask for an address.</summary>
public sealed class EmailInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;
}
