namespace DigitalAlmaty.Tests.Web;

/// <summary>One attack string; <see cref="Marker"/> (P001, …) is inside it, so a hit names its payload.</summary>
public sealed record XssCorpusPayload(string Marker, string Text)
{
    public override string ToString() => Marker;
}
