using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Risks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Risks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Probability = table.Column<int>(type: "integer", nullable: false),
                    Impact = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    OwnerStaffId = table.Column<Guid>(type: "uuid", nullable: true),
                    Mitigation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Contingency = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NextReviewDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LastReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EscalatedToStaffId = table.Column<Guid>(type: "uuid", nullable: true),
                    EscalatedTo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EscalatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    EscalatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EscalationNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClientVisible = table.Column<bool>(type: "boolean", nullable: false),
                    RealisedRiskId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Risks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Risks_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Risks_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Risks_Risks_RealisedRiskId",
                        column: x => x.RealisedRiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Risks_Staff_EscalatedToStaffId",
                        column: x => x.EscalatedToStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Risks_Staff_OwnerStaffId",
                        column: x => x.OwnerStaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Risks_AccountId_Status_Score",
                table: "Risks",
                columns: new[] { "AccountId", "Status", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_Risks_EngagementId_Status_Score",
                table: "Risks",
                columns: new[] { "EngagementId", "Status", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_Risks_EscalatedToStaffId",
                table: "Risks",
                column: "EscalatedToStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OwnerStaffId_Status_NextReviewDate",
                table: "Risks",
                columns: new[] { "OwnerStaffId", "Status", "NextReviewDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Risks_RealisedRiskId",
                table: "Risks",
                column: "RealisedRiskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Risks");
        }
    }
}
