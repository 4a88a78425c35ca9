namespace DigitalAlmaty.Web.Features.Security;

public sealed class SignUpGuardOptions
{
    public const string Section = "SignUp";

    /// <summary>A person needs at least this long to fill in the form; scripts are faster.</summary>
    public int MinimumSeconds { get; set; } = 3;

    public int MaximumMinutes { get; set; } = 120;
}
