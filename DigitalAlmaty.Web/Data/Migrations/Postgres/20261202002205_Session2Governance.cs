using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DigitalAlmaty.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Session2Governance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Submissions_Kind_Status_PublishedAt",
                table: "Submissions");

            migrationBuilder.AddColumn<string>(
                name: "Topic",
                table: "Notifications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

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

            migrationBuilder.AddColumn<bool>(
                name: "PasswordResetRequired",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ClaimCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimCounters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "Claims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ClaimantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClaimantEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ClaimantUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Topic = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    GroundsArose = table.Column<DateOnly>(type: "date", nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Culture = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AssigneeId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Answer = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FiveDayReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OneDayReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Claims_AspNetUsers_ClaimantUserId",
                        column: x => x.ClaimantUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Claims_StoredFiles_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ContentFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Clause = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Resolution = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentFlags_AspNetUsers_ReporterId",
                        column: x => x.ReporterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContentFlags_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignIns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    Method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignIns_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_Kind_Status_PublishedAt_Id",
                table: "Submissions",
                columns: new[] { "Kind", "Status", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_Kind_Status_Title_Id",
                table: "Submissions",
                columns: new[] { "Kind", "Status", "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_AttachmentId",
                table: "Claims",
                column: "AttachmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_ClaimantUserId",
                table: "Claims",
                column: "ClaimantUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_FiledAt",
                table: "Claims",
                column: "FiledAt");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Number",
                table: "Claims",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Status_DueOn",
                table: "Claims",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentFlags_ReporterId",
                table: "ContentFlags",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentFlags_ResolvedAt_SubmissionId",
                table: "ContentFlags",
                columns: new[] { "ResolvedAt", "SubmissionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentFlags_SubmissionId_ReporterId",
                table: "ContentFlags",
                columns: new[] { "SubmissionId", "ReporterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignIns_UserId_At",
                table: "SignIns",
                columns: new[] { "UserId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClaimCounters");

            migrationBuilder.DropTable(
                name: "Claims");

            migrationBuilder.DropTable(
                name: "ContentFlags");

            migrationBuilder.DropTable(
                name: "SignIns");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_Kind_Status_PublishedAt_Id",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_Kind_Status_Title_Id",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "Topic",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "AnnulledAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "InactivityFinalWarnedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "InactivityFirstWarnedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PasswordResetRequired",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_Kind_Status_PublishedAt",
                table: "Submissions",
                columns: new[] { "Kind", "Status", "PublishedAt" });
        }
    }
}
