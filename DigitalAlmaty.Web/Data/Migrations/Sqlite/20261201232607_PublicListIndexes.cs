using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalAlmaty.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Submissions_Kind_Status_PublishedAt",
                table: "Submissions");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_Kind_Status_PublishedAt_Id",
                table: "Submissions",
                columns: new[] { "Kind", "Status", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_Kind_Status_Title_Id",
                table: "Submissions",
                columns: new[] { "Kind", "Status", "Title", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Submissions_Kind_Status_PublishedAt_Id",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_Kind_Status_Title_Id",
                table: "Submissions");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_Kind_Status_PublishedAt",
                table: "Submissions",
                columns: new[] { "Kind", "Status", "PublishedAt" });
        }
    }
}
