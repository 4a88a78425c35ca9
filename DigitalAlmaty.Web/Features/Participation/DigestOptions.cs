namespace DigitalAlmaty.Web.Features.Participation;

/// <summary>The <c>Digests</c> configuration section.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>How often each node looks for a digest that is due; 0 turns the background job off (tests run it by hand).</summary>
    public double CheckMinutes { get; set; } = 15;
}
