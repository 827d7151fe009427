using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EngagementsAndTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Discipline",
                table: "Staff",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "WeeklyCapacityMinutes",
                table: "Staff",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Engagements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Methodology = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InitiationStep = table.Column<int>(type: "integer", nullable: false),
                    ClientNeeds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Goals = table.Column<List<string>>(type: "text[]", nullable: false),
                    ClientExpectations = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    KnownRisks = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AccountManagerId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProjectManagerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Rag = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RagReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RagSetOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportCadence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InternalNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    BudgetFixedFee = table.Column<long>(type: "bigint", nullable: true),
                    BudgetHoursCapMinutes = table.Column<int>(type: "integer", nullable: true),
                    BudgetPercentComplete = table.Column<int>(type: "integer", nullable: false),
                    BudgetRecognition = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BudgetRetainerFeePerPeriod = table.Column<long>(type: "bigint", nullable: true),
                    BudgetRetainerMinutesPerPeriod = table.Column<int>(type: "integer", nullable: true),
                    BudgetRetainerPeriod = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BudgetRolloverPercent = table.Column<int>(type: "integer", nullable: false),
                    HandOffAcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HandOffAcknowledgedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    HandOffBrief = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    HandOffSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HandOffSentBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Engagements_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonthLocks",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    LockedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    LockedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthLocks", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "StaffRates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    CostRate = table.Column<long>(type: "bigint", nullable: false),
                    BillRate = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffRates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffRates_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TimeImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    TotalMinutes = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimeRollups",
                columns: table => new
                {
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Minutes = table.Column<long>(type: "bigint", nullable: false),
                    BillableMinutes = table.Column<long>(type: "bigint", nullable: false),
                    CostUnits = table.Column<long>(type: "bigint", nullable: false),
                    BillableUnits = table.Column<long>(type: "bigint", nullable: false),
                    ValueUnits = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeRollups", x => new { x.EngagementId, x.StaffId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "EngagementMembers",
                columns: table => new
                {
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementMembers", x => new { x.EngagementId, x.StaffId });
                    table.ForeignKey(
                        name: "FK_EngagementMembers_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EngagementMembers_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Expenses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Billable = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Expenses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Expenses_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Expenses_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HandOffQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AskedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    AskedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredBy = table.Column<Guid>(type: "uuid", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandOffQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HandOffQuestions_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Milestones_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Phase",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Phase", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Phase_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlannedDeliverables",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedDeliverables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedDeliverables_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressReadings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReadings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReadings_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RateCardLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: true),
                    Discipline = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    BillRate = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateCardLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RateCardLines_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TimeEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Billable = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DeliverableId = table.Column<Guid>(type: "uuid", nullable: true),
                    CostRate = table.Column<long>(type: "bigint", nullable: false),
                    BillRate = table.Column<long>(type: "bigint", nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimeEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimeEntries_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TimeEntries_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementMembers_StaffId_EngagementId",
                table: "EngagementMembers",
                columns: new[] { "StaffId", "EngagementId" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_AccountId_Name",
                table: "Engagements",
                columns: new[] { "AccountId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_ProjectManagerId",
                table: "Engagements",
                column: "ProjectManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_EngagementId_Date",
                table: "Expenses",
                columns: new[] { "EngagementId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_StaffId_Date",
                table: "Expenses",
                columns: new[] { "StaffId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_HandOffQuestions_EngagementId",
                table: "HandOffQuestions",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_EngagementId",
                table: "Milestones",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_Phase_EngagementId",
                table: "Phase",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedDeliverables_EngagementId",
                table: "PlannedDeliverables",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReadings_EngagementId_On",
                table: "ProgressReadings",
                columns: new[] { "EngagementId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_RateCardLines_EngagementId",
                table: "RateCardLines",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffRates_StaffId_EffectiveFrom",
                table: "StaffRates",
                columns: new[] { "StaffId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimeEntries_AccountId_Date",
                table: "TimeEntries",
                columns: new[] { "AccountId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_TimeEntries_Date_StaffId",
                table: "TimeEntries",
                columns: new[] { "Date", "StaffId" });

            migrationBuilder.CreateIndex(
                name: "IX_TimeEntries_EngagementId_Date",
                table: "TimeEntries",
                columns: new[] { "EngagementId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_TimeEntries_StaffId_Date",
                table: "TimeEntries",
                columns: new[] { "StaffId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_TimeRollups_AccountId_Month",
                table: "TimeRollups",
                columns: new[] { "AccountId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_TimeRollups_StaffId_Month",
                table: "TimeRollups",
                columns: new[] { "StaffId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EngagementMembers");

            migrationBuilder.DropTable(
                name: "Expenses");

            migrationBuilder.DropTable(
                name: "HandOffQuestions");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "MonthLocks");

            migrationBuilder.DropTable(
                name: "Phase");

            migrationBuilder.DropTable(
                name: "PlannedDeliverables");

            migrationBuilder.DropTable(
                name: "ProgressReadings");

            migrationBuilder.DropTable(
                name: "RateCardLines");

            migrationBuilder.DropTable(
                name: "StaffRates");

            migrationBuilder.DropTable(
                name: "TimeEntries");

            migrationBuilder.DropTable(
                name: "TimeImports");

            migrationBuilder.DropTable(
                name: "TimeRollups");

            migrationBuilder.DropTable(
                name: "Engagements");

            migrationBuilder.DropColumn(
                name: "Discipline",
                table: "Staff");

            migrationBuilder.DropColumn(
                name: "WeeklyCapacityMinutes",
                table: "Staff");
        }
    }
}
