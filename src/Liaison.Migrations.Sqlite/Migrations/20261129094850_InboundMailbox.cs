using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Liaison.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InboundMailbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MailboxCursors",
                columns: table => new
                {
                    Mailbox = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UidValidity = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUid = table.Column<long>(type: "INTEGER", nullable: false),
                    LastPolledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxCursors", x => x.Mailbox);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailboxCursors");
        }
    }
}
