namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>A piece of a title or snippet; <see cref="Marked"/> pieces matched the query.</summary>
public readonly record struct TextRun(string Text, bool Marked);
