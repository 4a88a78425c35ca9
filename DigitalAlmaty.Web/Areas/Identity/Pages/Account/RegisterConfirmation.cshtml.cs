using DigitalAlmaty.Web.Features.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalAlmaty.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class RegisterConfirmationModel(IMailTransport transport, IHostEnvironment environment) : PageModel
{
    /// <summary>In Development, where mail goes to a folder, the page says which one.</summary>
    public string? PickupDirectory =>
        environment.IsDevelopment() && transport is PickupDirectoryMailTransport pickup ? pickup.Directory : null;

    public void OnGet()
    {
    }
}
