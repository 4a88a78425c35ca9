namespace DigitalAlmaty.Web.Data;

/// <summary>The last claim number given out in one year; advanced by one atomic upsert per claim.</summary>
public sealed class ClaimCounter
{
    public int Year { get; set; }

    public long Last { get; set; }
}
