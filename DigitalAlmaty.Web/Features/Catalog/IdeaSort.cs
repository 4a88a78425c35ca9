namespace DigitalAlmaty.Web.Features.Catalog;

public enum IdeaSort
{
    Newest,
    Title,
    Support,
}
