using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Communications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccountSlaPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    WorkingDays = table.Column<int[]>(type: "integer[]", nullable: false),
                    DayStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    DayEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Holidays = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    UrgentMinutes = table.Column<int>(type: "integer", nullable: false),
                    HighMinutes = table.Column<int>(type: "integer", nullable: false),
                    NormalMinutes = table.Column<int>(type: "integer", nullable: false),
                    LowMinutes = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountSlaPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountSlaPolicies_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Interactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LoggedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    MessageId = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsQuery = table.Column<bool>(type: "boolean", nullable: false),
                    Priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AssigneeStaffId = table.Column<Guid>(type: "uuid", nullable: true),
                    SlaDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReplyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReplyBusinessMinutes = table.Column<int>(type: "integer", nullable: true),
                    InReplyToId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Interactions_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Interactions_Staff_AssigneeStaffId",
                        column: x => x.AssigneeStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TriageMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FromAddress = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    FromName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ToAddresses = table.Column<List<string>>(type: "text[]", nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InteractionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResolvedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InteractionStakeholders",
                columns: table => new
                {
                    InteractionId = table.Column<Guid>(type: "uuid", nullable: false),
                    StakeholderId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionStakeholders", x => new { x.InteractionId, x.StakeholderId });
                    table.ForeignKey(
                        name: "FK_InteractionStakeholders_Interactions_InteractionId",
                        column: x => x.InteractionId,
                        principalTable: "Interactions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InteractionStakeholders_Stakeholders_StakeholderId",
                        column: x => x.StakeholderId,
                        principalTable: "Stakeholders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountSlaPolicies_AccountId",
                table: "AccountSlaPolicies",
                column: "AccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_AccountId_OccurredAt",
                table: "Interactions",
                columns: new[] { "AccountId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_AssigneeStaffId_RepliedAt_SlaDueAt",
                table: "Interactions",
                columns: new[] { "AssigneeStaffId", "RepliedAt", "SlaDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_MessageId",
                table: "Interactions",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_RepliedAt_SlaDueAt",
                table: "Interactions",
                columns: new[] { "RepliedAt", "SlaDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionStakeholders_StakeholderId",
                table: "InteractionStakeholders",
                column: "StakeholderId");

            migrationBuilder.CreateIndex(
                name: "IX_TriageMessages_MessageId",
                table: "TriageMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TriageMessages_Status_SentAt",
                table: "TriageMessages",
                columns: new[] { "Status", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountSlaPolicies");

            migrationBuilder.DropTable(
                name: "InteractionStakeholders");

            migrationBuilder.DropTable(
                name: "TriageMessages");

            migrationBuilder.DropTable(
                name: "Interactions");
        }
    }
}
