using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ChangeRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChangeRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RequestedByStakeholderId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedByStaffId = table.Column<Guid>(type: "uuid", nullable: true),
                    HoursDeltaMinutes = table.Column<int>(type: "integer", nullable: false),
                    FeeDelta = table.Column<long>(type: "bigint", nullable: false),
                    EndDateShiftDays = table.Column<int>(type: "integer", nullable: false),
                    AffectedDeliverableIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    AffectedDeliverables = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    InternalNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ProposedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedForStakeholderId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AppliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AppliedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    BeforeHoursMinutes = table.Column<int>(type: "integer", nullable: true),
                    BeforeFee = table.Column<long>(type: "bigint", nullable: true),
                    BeforeEndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AfterHoursMinutes = table.Column<int>(type: "integer", nullable: true),
                    AfterFee = table.Column<long>(type: "bigint", nullable: true),
                    AfterEndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeRequests_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChangeRequests_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChangeRequests_Staff_RequestedByStaffId",
                        column: x => x.RequestedByStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChangeRequests_Stakeholders_DecidedForStakeholderId",
                        column: x => x.DecidedForStakeholderId,
                        principalTable: "Stakeholders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ChangeRequests_Stakeholders_RequestedByStakeholderId",
                        column: x => x.RequestedByStakeholderId,
                        principalTable: "Stakeholders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_AccountId_State",
                table: "ChangeRequests",
                columns: new[] { "AccountId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_DecidedForStakeholderId",
                table: "ChangeRequests",
                column: "DecidedForStakeholderId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_EngagementId_CreatedAt",
                table: "ChangeRequests",
                columns: new[] { "EngagementId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_RequestedByStaffId",
                table: "ChangeRequests",
                column: "RequestedByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_RequestedByStakeholderId",
                table: "ChangeRequests",
                column: "RequestedByStakeholderId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRequests_RequestId",
                table: "ChangeRequests",
                column: "RequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeRequests");
        }
    }
}
