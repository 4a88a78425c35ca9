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
            // The keys of external logins and tokens get the length the running app's Identity
            // configuration gives them (see PostgresDesignTimeFactory); without this the app saw
            // pending model changes on PostgreSQL and refused to start.
            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "AspNetUserTokens",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "LoginProvider",
                table: "AspNetUserTokens",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "ProviderKey",
                table: "AspNetUserLogins",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "LoginProvider",
                table: "AspNetUserLogins",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            // Full-text search over published ideas and events (clause 2.1.2): a stored generated
            // tsvector column and a GIN index limited to published rows (the only ones searched).
            // The 'simple' configuration lower-cases and splits words without stemming: PostgreSQL
            // ships no Kazakh dictionary, and one language-neutral configuration lets a single column
            // serve Russian, Kazakh and English text alike (a text's language is not recorded).
            // Prefix matching on the last word makes up for the missing stemming. The column is
            // left out of the EF model on purpose (raw SQL only), so SQLite is unaffected. Angle
            // brackets become spaces first: the default parser would otherwise take "<b>text</b>" for
            // markup and skip words that users typed (SQLite's tokenizer indexes them).
            migrationBuilder.Sql("""
                ALTER TABLE "Submissions" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple'::regconfig, translate(coalesce("Title", ''), '<>', '  ')), 'A') ||
                    setweight(to_tsvector('simple'::regconfig, translate(coalesce("Summary", '') || ' ' || coalesce("Organiser", ''), '<>', '  ')), 'B') ||
                    setweight(to_tsvector('simple'::regconfig, translate(
                        coalesce("Goal", '') || ' ' || coalesce("Tasks", '') || ' ' || coalesce("CityBenefit", '') || ' ' ||
                        coalesce("PriorImplementations", '') || ' ' || coalesce("Description", ''), '<>', '  ')), 'C')
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

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "AspNetUserTokens",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "LoginProvider",
                table: "AspNetUserTokens",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "ProviderKey",
                table: "AspNetUserLogins",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "LoginProvider",
                table: "AspNetUserLogins",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);
        }
    }
}
