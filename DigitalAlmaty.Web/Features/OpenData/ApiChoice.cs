using System.ComponentModel;

namespace DigitalAlmaty.Web.Features.OpenData;

[Description("A value from a fixed list: a stable code for programs and its name in the response's language for people.")]
public sealed record ApiChoice(
    [property: Description("Stable code; does not change with the language.")]
    [property: ApiExample("\"transport\"")]
    string Code,
    [property: Description("Name in the response's language.")]
    [property: ApiExample("\"Көлік\"")]
    string Name);
