using DigitalAlmaty.Domain.Publications;

namespace DigitalAlmaty.Web.Features.Demo;

/// <summary>A demo publication: its kind, texts in ru/kk/en, whether it has a cover, how many days ago it appeared.</summary>
public sealed record DemoPublication(PublicationKind Kind, IReadOnlyList<PublicationContent> Texts, bool WithCover, int DaysAgo);
