using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Deliverables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClientRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: true),
                    StakeholderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Objective = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Audience = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    KeyMessage = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Mandatories = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Constraints = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SuccessMeasure = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    References = table.Column<List<string>>(type: "text[]", nullable: false),
                    LoggedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    LoggedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    TriagedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TriagedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    TriagedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ChangeRequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientRequests_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClientRequests_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ClientRequests_Stakeholders_StakeholderId",
                        column: x => x.StakeholderId,
                        principalTable: "Stakeholders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Deliverables",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Brief = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewerStaffId = table.Column<Guid>(type: "uuid", nullable: true),
                    InternalRounds = table.Column<int>(type: "integer", nullable: false),
                    ClientRounds = table.Column<int>(type: "integer", nullable: false),
                    InternalApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    InternalApprovedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    InternalApprovedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InternalApprovedVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    FirstSentToClientAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClientApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClientApprovedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClientApprovedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClientApprovedByStakeholderId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeliveredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deliverables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deliverables_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Deliverables_ClientRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ClientRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Deliverables_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Deliverables_Staff_ReviewerStaffId",
                        column: x => x.ReviewerStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeliverableAssignees",
                columns: table => new
                {
                    DeliverableId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliverableAssignees", x => new { x.DeliverableId, x.StaffId });
                    table.ForeignKey(
                        name: "FK_DeliverableAssignees_Deliverables_DeliverableId",
                        column: x => x.DeliverableId,
                        principalTable: "Deliverables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DeliverableAssignees_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeliverableRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeliverableId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OpenedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ClosedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClosedForStakeholderId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedForStakeholderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliverableRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliverableRounds_Deliverables_DeliverableId",
                        column: x => x.DeliverableId,
                        principalTable: "Deliverables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeliverableTransitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeliverableId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ForStakeholderId = table.Column<Guid>(type: "uuid", nullable: true),
                    ForStakeholderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliverableTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliverableTransitions_Deliverables_DeliverableId",
                        column: x => x.DeliverableId,
                        principalTable: "Deliverables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeliverableVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeliverableId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    LinkUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StoredFileName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OriginalFileName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AddedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AddedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliverableVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliverableVersions_Deliverables_DeliverableId",
                        column: x => x.DeliverableId,
                        principalTable: "Deliverables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeliverableComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Side = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StakeholderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliverableComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliverableComments_DeliverableRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "DeliverableRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientRequests_AccountId_ReceivedOn",
                table: "ClientRequests",
                columns: new[] { "AccountId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientRequests_ChangeRequestId",
                table: "ClientRequests",
                column: "ChangeRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientRequests_EngagementId",
                table: "ClientRequests",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientRequests_Outcome_ReceivedOn",
                table: "ClientRequests",
                columns: new[] { "Outcome", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientRequests_StakeholderId",
                table: "ClientRequests",
                column: "StakeholderId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliverableAssignees_StaffId",
                table: "DeliverableAssignees",
                column: "StaffId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliverableComments_RoundId_At",
                table: "DeliverableComments",
                columns: new[] { "RoundId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliverableRounds_DeliverableId_Kind_Number",
                table: "DeliverableRounds",
                columns: new[] { "DeliverableId", "Kind", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deliverables_AccountId_DueDate",
                table: "Deliverables",
                columns: new[] { "AccountId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliverables_EngagementId_State",
                table: "Deliverables",
                columns: new[] { "EngagementId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliverables_RequestId",
                table: "Deliverables",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Deliverables_ReviewerStaffId_State",
                table: "Deliverables",
                columns: new[] { "ReviewerStaffId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliverableTransitions_DeliverableId_At",
                table: "DeliverableTransitions",
                columns: new[] { "DeliverableId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliverableVersions_DeliverableId_Number",
                table: "DeliverableVersions",
                columns: new[] { "DeliverableId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliverableAssignees");

            migrationBuilder.DropTable(
                name: "DeliverableComments");

            migrationBuilder.DropTable(
                name: "DeliverableTransitions");

            migrationBuilder.DropTable(
                name: "DeliverableVersions");

            migrationBuilder.DropTable(
                name: "DeliverableRounds");

            migrationBuilder.DropTable(
                name: "Deliverables");

            migrationBuilder.DropTable(
                name: "ClientRequests");
        }
    }
}
