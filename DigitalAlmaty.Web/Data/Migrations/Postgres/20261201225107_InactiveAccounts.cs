using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalAlmaty.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InactiveAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnnulledAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "InactivityFinalWarnedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "InactivityFirstWarnedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
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
