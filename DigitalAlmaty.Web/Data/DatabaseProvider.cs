namespace DigitalAlmaty.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
