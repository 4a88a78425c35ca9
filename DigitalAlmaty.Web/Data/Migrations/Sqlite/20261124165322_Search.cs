using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalAlmaty.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search over published ideas and events (clause 2.1.2). The FTS5 table keeps its
            // own copy of the text rather than pointing at Submissions as "external content": an
            // external-content index is keyed by rowid, and Submissions (a GUID primary key) has an
            // implicit rowid that VACUUM may renumber. Only published rows are indexed, so drafts'
            // autosaves never touch the index. unicode61 treats every Unicode letter as part of a word
            // and folds case beyond ASCII (Cyrillic, Kazakh ә ғ қ ң ө ұ ү һ і); remove_diacritics 2
            // lets "cafe" find "café".
            // Note: a later SQLite migration that rebuilds the Submissions table drops these
            // triggers; such a migration must create them again (see SearchSql below).
            migrationBuilder.Sql(SearchSql.CreateTable);
            migrationBuilder.Sql(SearchSql.CreateTriggers);
            migrationBuilder.Sql(SearchSql.Backfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSql.DropTriggers);
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"SubmissionSearch\";");
        }
    }

    /// <summary>The SQL of the SQLite search index, kept apart so that a later migration can re-create the triggers.</summary>
    internal static class SearchSql
    {
        private static string Body(string row) =>
            $"""coalesce({row}."Summary", '') || char(10) || coalesce({row}."Goal", '') || char(10) || coalesce({row}."Tasks", '') || char(10) || coalesce({row}."CityBenefit", '') || char(10) || coalesce({row}."PriorImplementations", '') || char(10) || coalesce({row}."Description", '') || char(10) || coalesce({row}."Organiser", '')""";

        public const string CreateTable = """
            CREATE VIRTUAL TABLE "SubmissionSearch" USING fts5(
                "Id" UNINDEXED, "Title", "Body",
                tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
            """;

        public static string Backfill => $"""
            INSERT INTO "SubmissionSearch" ("Id", "Title", "Body")
            SELECT s."Id", s."Title", {Body("s")} FROM "Submissions" AS s WHERE s."Status" = 'Published';
            """;

        public static string CreateTriggers => $"""
            CREATE TRIGGER "SubmissionSearch_AfterInsert" AFTER INSERT ON "Submissions"
            WHEN new."Status" = 'Published'
            BEGIN
                INSERT INTO "SubmissionSearch" ("Id", "Title", "Body") VALUES (new."Id", new."Title", {Body("new")});
            END;

            CREATE TRIGGER "SubmissionSearch_AfterUpdate" AFTER UPDATE ON "Submissions"
            WHEN old."Status" = 'Published' OR new."Status" = 'Published'
            BEGIN
                DELETE FROM "SubmissionSearch" WHERE "Id" = old."Id";
                INSERT INTO "SubmissionSearch" ("Id", "Title", "Body")
                SELECT new."Id", new."Title", {Body("new")} WHERE new."Status" = 'Published';
            END;

            CREATE TRIGGER "SubmissionSearch_AfterDelete" AFTER DELETE ON "Submissions"
            WHEN old."Status" = 'Published'
            BEGIN
                DELETE FROM "SubmissionSearch" WHERE "Id" = old."Id";
            END;
            """;

        public const string DropTriggers = """
            DROP TRIGGER IF EXISTS "SubmissionSearch_AfterInsert";
            DROP TRIGGER IF EXISTS "SubmissionSearch_AfterUpdate";
            DROP TRIGGER IF EXISTS "SubmissionSearch_AfterDelete";
            """;
    }
}
