using DigitalAlmaty.Web.Features.Files;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace DigitalAlmaty.Web.Features.Claims;

/// <summary>The <c>Claims</c> configuration section.</summary>
public sealed class ClaimOptions
{
    public const string Section = "Claims";

    /// <summary>How often the server looks for claims whose reminders are due; 0 turns the check off.</summary>
    public double ReminderCheckMinutes { get; set; } = 60;

    /// <summary>The largest attachment (PDF or image) a claimant may add.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;
}
