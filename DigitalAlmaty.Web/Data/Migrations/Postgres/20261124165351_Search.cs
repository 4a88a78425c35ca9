using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalAlmaty.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search over published ideas and events (clause 2.1.2): a stored generated
            // tsvector column and a GIN index limited to published rows (the only ones searched).
            // The 'simple' configuration lower-cases and splits words without stemming: PostgreSQL
            // ships no Kazakh dictionary, and one language-neutral configuration lets a single column
            // serve Russian, Kazakh and English text alike (a text's language is not recorded).
            // Prefix matching on the last word makes up for the missing stemming. The column is
            // left out of the EF model on purpose (raw SQL only), so SQLite is unaffected.
            migrationBuilder.Sql("""
                ALTER TABLE "Submissions" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple'::regconfig, coalesce("Title", '')), 'A') ||
                    setweight(to_tsvector('simple'::regconfig, coalesce("Summary", '') || ' ' || coalesce("Organiser", '')), 'B') ||
                    setweight(to_tsvector('simple'::regconfig,
                        coalesce("Goal", '') || ' ' || coalesce("Tasks", '') || ' ' || coalesce("CityBenefit", '') || ' ' ||
                        coalesce("PriorImplementations", '') || ' ' || coalesce("Description", '')), 'C')
                ) STORED;
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Submissions_SearchVector" ON "Submissions" USING GIN ("SearchVector") WHERE "Status" = 'Published';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Submissions_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Submissions" DROP COLUMN IF EXISTS "SearchVector";""");
        }
    }
}
