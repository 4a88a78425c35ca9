namespace DigitalAlmaty.Web.Features.Catalog;

/// <summary>
/// Marks a page or endpoint that anonymous readers may get from the output cache: it shows the same
/// thing to every anonymous reader of a language and carries no form.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublicPageAttribute : Attribute;
