using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalAlmaty.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InactiveAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AnnulledAt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InactivityFinalWarnedAt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InactivityFirstWarnedAt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnnulledAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "InactivityFinalWarnedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "InactivityFirstWarnedAt",
                table: "AspNetUsers");
        }
    }
}
