using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OverviewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Interactions_AccountId_IsQuery_RepliedAt_SlaDueAt",
                table: "Interactions",
                columns: new[] { "AccountId", "IsQuery", "RepliedAt", "SlaDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_AccountId_Status_Side_DueDate",
                table: "Commitments",
                columns: new[] { "AccountId", "Status", "Side", "DueDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interactions_AccountId_IsQuery_RepliedAt_SlaDueAt",
                table: "Interactions");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_AccountId_Status_Side_DueDate",
                table: "Commitments");
        }
    }
}
