using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalAlmaty.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Participation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Supports and the city's status change the row often: the search index is rewritten
            // only when a searched column or the status changes (its delete finds the row by a scan).
            migrationBuilder.Sql(SearchTriggerSql.Narrow);
            migrationBuilder.AddColumn<string>(
                name: "CityStatus",
                table: "Submissions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SupportCount",
                table: "Submissions",
                type: "INTEGER",
                nullable: true,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CityAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IdeaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TextRu = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TextKk = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CityAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CityAnswers_Submissions_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Follows",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Follows", x => new { x.SubmissionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_Follows_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Follows_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaSupports",
                columns: table => new
                {
                    IdeaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaSupports", x => new { x.IdeaId, x.UserId });
                    table.ForeignKey(
                        name: "FK_IdeaSupports_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaSupports_Submissions_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_Status_SupportCount_PublishedAt_Id",
                table: "Submissions",
                columns: new[] { "Status", "SupportCount", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CityAnswers_IdeaId_AnsweredAt",
                table: "CityAnswers",
                columns: new[] { "IdeaId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Follows_UserId",
                table: "Follows",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaSupports_IdeaId_CreatedAt",
                table: "IdeaSupports",
                columns: new[] { "IdeaId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaSupports_UserId",
                table: "IdeaSupports",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchTriggerSql.Wide);
            migrationBuilder.DropTable(
                name: "CityAnswers");

            migrationBuilder.DropTable(
                name: "Follows");

            migrationBuilder.DropTable(
                name: "IdeaSupports");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_Status_SupportCount_PublishedAt_Id",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "CityStatus",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "SupportCount",
                table: "Submissions");
        }
    }

    /// <summary>The search index's update trigger, fired by every update (before) or by the searched columns only (after).</summary>
    internal static class SearchTriggerSql
    {
        private const string Body = """coalesce(new."Summary", '') || char(10) || coalesce(new."Goal", '') || char(10) || coalesce(new."Tasks", '') || char(10) || coalesce(new."CityBenefit", '') || char(10) || coalesce(new."PriorImplementations", '') || char(10) || coalesce(new."Description", '') || char(10) || coalesce(new."Organiser", '')""";

        private static string Create(string columns) => $"""
            DROP TRIGGER IF EXISTS "SubmissionSearch_AfterUpdate";
            CREATE TRIGGER "SubmissionSearch_AfterUpdate" AFTER UPDATE {columns}ON "Submissions"
            WHEN old."Status" = 'Published' OR new."Status" = 'Published'
            BEGIN
                DELETE FROM "SubmissionSearch" WHERE "Id" = old."Id";
                INSERT INTO "SubmissionSearch" ("Id", "Title", "Body")
                SELECT new."Id", new."Title", {Body} WHERE new."Status" = 'Published';
            END;
            """;

        public static string Narrow => Create("""OF "Status", "Title", "Summary", "Goal", "Tasks", "CityBenefit", "PriorImplementations", "Description", "Organiser" """);

        public static string Wide => Create(string.Empty);
    }
}
