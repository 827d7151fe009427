using System.Text;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Audit;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Time;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Time;

/// <summary>Time from Harvest and Toggl CSV files: parsing, the rules of a hand-made entry, all-or-nothing commits.</summary>
public sealed class TimeImportTests : DatabaseTest
{
    private const string HarvestHeader =
        "Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,Approved?,First Name,Last Name,Roles,Employee?,Billable Rate,Billable Amount,Cost Rate,Cost Amount,Currency,External Reference URL";

    private const string TogglHeader =
        "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)";

    private TimeImportService Imports => new(Database);

    [Fact]
    public async Task AHarvestReportWithBomAndDecimalCommasIsReadAndADryRunWritesNothingAsync()
    {
        var s = await SetUpAsync();
        var file = Harvest(
            Row("2026-03-10", "Harbourline Ferries", "Website relaunch", "1.5", "Yes", "Priya", "Shah", "Wireframes"),
            Row("10.03.2026", "harbourline ferries ", "WEBSITE RELAUNCH", "\"1,25\"", "No", "Mateo", "Alvarez", ""),
            Row("2026-03-11", "Harbourline Ferries", "Website relaunch", "0:45", "yes", "priya", "shah", "\"Copy, then review\""));

        var report = Must(await Imports.ImportAsync(s.Manager, Utf8(file, bom: true), "harvest.csv", null, dryRun: true, null, Ct));

        report.Format.ShouldBe(ImportFormat.Harvest);
        report.Problems.ShouldBeEmpty();
        report.RowsRead.ShouldBe(3);
        report.RowsValid.ShouldBe(3);
        report.TotalMinutes.ShouldBe(90 + 75 + 45);
        report.Committed.ShouldBeFalse();
        report.ImportId.ShouldBeNull();
        (await CountEntriesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ATogglReportImportsByEmailWithDurationsRoundedToTheMinuteAsync()
    {
        var s = await SetUpAsync();
        var file = string.Join("\n",
            TogglHeader,
            "Priya Shah,PRIYA@agency.test,Harbourline Ferries,Website relaunch,Design,Home page,Yes,2026-03-12,09:00:00,2026-03-12,10:30:00,01:30:00,,180.00",
            "Mateo Alvarez,mateo@agency.test,Harbourline Ferries,Website relaunch,,Stand-up,No,2026-03-12,11:00:00,2026-03-12,11:00:40,00:00:40,,0.00",
            "");

        var report = Must(await Imports.ImportAsync(s.Manager, Utf8(file), "toggl.csv", null, dryRun: false, null, Ct));

        report.Format.ShouldBe(ImportFormat.Toggl);
        report.Problems.ShouldBeEmpty();
        report.Committed.ShouldBeTrue();
        report.TotalMinutes.ShouldBe(91);
        var entries = await EntriesAsync();
        entries.Select(e => (e.StaffId, e.Minutes, e.Billable, e.Note)).OrderBy(e => e.Minutes).ShouldBe(
            [(s.Mateo.StaffId!.Value, 1, false, "Stand-up"), (s.Priya.StaffId!.Value, 90, true, "Home page")]);
        entries.ShouldAllBe(e => e.ImportId == report.ImportId && e.AccountId == s.Harbour && e.EngagementId == s.Website);

        await using var db = Database.CreateDbContext();
        var import = await db.TimeImports.SingleAsync(Ct);
        (import.Id, import.FileName, import.Format, import.Rows, import.TotalMinutes).ShouldBe((report.ImportId!.Value, "toggl.csv", ImportFormat.Toggl, 2, 91L));
        // The import is audited once, as a whole; its rows are not.
        var audit = await ReadAuditAsync();
        audit.Count(a => a.EntityType == nameof(TimeImport) && a.Action == AuditAction.Created).ShouldBe(1);
        audit.ShouldNotContain(a => a.EntityType == nameof(TimeEntry));
    }

    [Fact]
    public async Task EveryBadRowIsListedWithItsLineAndReasonAndNothingIsWrittenAsync()
    {
        var s = await SetUpAsync();
        var file = Harvest(
            Row("2026-03-10", "Harbourline Ferries", "Website relaunch", "2", "Yes", "Priya", "Shah", "\"A note\nover two lines\""),
            Row("2026-03-10", "Nowhere Ltd", "Website relaunch", "1", "Yes", "Priya", "Shah", ""),
            Row("2026-03-10", "Harbourline Ferries", "Moon landing", "1", "Yes", "Priya", "Shah", ""),
            Row("2026-03-10", "Harbourline Ferries", "Website relaunch", "1", "Yes", "Nobody", "Known", ""),
            Row("2026-03-10", "Harbourline Ferries", "Website relaunch", "1", "Yes", "Lena", "Novak", ""),
            Row("2026-02-10", "Harbourline Ferries", "Website relaunch", "1", "Yes", "Priya", "Shah", ""),
            Row("3/10/2026", "Harbourline Ferries", "Website relaunch", "1", "Yes", "Priya", "Shah", ""),
            Row("2026-03-10", "Harbourline Ferries", "Website relaunch", "lots", "Yes", "Priya", "Shah", ""),
            Row("2026-03-10", "Harbourline Ferries", "Website relaunch", "0.001", "Yes", "Priya", "Shah", ""),
            Row("2026-03-10", "Harbourline Ferries", "Brand refresh", "1", "Yes", "Priya", "Shah", ""),
            Row("2026-03-10", "Harbourline Ferries", "Website relaunch", "25", "Maybe", "Priya", "Shah", ""),
            ",,,,,,,,,,,,,,,,,,,,");

        foreach (var dryRun in new[] { true, false })
        {
            var report = Must(await Imports.ImportAsync(s.Manager, Utf8(file), "harvest.csv", null, dryRun, null, Ct));

            report.Committed.ShouldBeFalse();
            report.RowsRead.ShouldBe(11);
            report.RowsValid.ShouldBe(1);
            report.TotalMinutes.ShouldBe(120);
            report.ProblemsNotListed.ShouldBe(0);
            // The first row's note spans lines 2 and 3, so the second row is on line 4.
            report.Problems.Select(p => (p.Line, p.Column)).ShouldBe(
            [
                (4, "Client"), (5, "Project"), (6, "First Name"), (7, "First Name"), (8, "Date"), (9, "Date"), (10, "Hours"),
                (11, "Hours"), (12, "Project"), (13, "Hours"), (13, "Billable?"),
            ]);
            var messages = report.Problems.Select(p => p.Message).ToList();
            messages[0].ShouldBe("No account called 'Nowhere Ltd' that you can see.");
            messages[1].ShouldBe("Harbourline Ferries has no engagement called 'Moon landing' that you can see.");
            messages[2].ShouldBe("No staff member is called 'Nobody Known'.");
            messages[3].ShouldBe("Lena Novak is not a member of Website relaunch.");
            messages[4].ShouldContain("February 2026 is locked");
            messages[5].ShouldContain("'3/10/2026' is not a date");
            messages[6].ShouldContain("'lots' is not a number of hours");
            messages[7].ShouldContain("0 minutes");
            messages[8].ShouldContain("completed");
            messages[9].ShouldBe("An entry is between 1 minute and 24 hours.");
            messages[10].ShouldBe("'Maybe' is neither Yes nor No.");
        }

        (await CountEntriesAsync()).ShouldBe(0);
        await using var db = Database.CreateDbContext();
        (await db.TimeImports.CountAsync(Ct)).ShouldBe(0);
        (await db.TimeRollups.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task AFixedFileImportsEveryRowPricedAndTheRollupsEqualARebuildAsync()
    {
        var s = await SetUpAsync();
        var file = Harvest(
            Row("2026-03-10", "Harbourline Ferries", "Website relaunch", "2", "Yes", "Priya", "Shah", "Wireframes"),
            Row("2026-03-31", "Harbourline Ferries", "Website relaunch", "1.5", "No", "Priya", "Shah", ""),
            Row("2026-04-01", "Harbourline Ferries", "Website relaunch", "3", "Yes", "Mateo", "Alvarez", ""),
            Row("2026-04-02", "Verdant Foods", "Packaging", "0.5", "Yes", "Lena", "Novak", "Dielines"));
        var progress = new Recorder();

        var report = Must(await Imports.ImportAsync(s.Admin, Utf8(file), @"C:\Users\amira\Downloads\harvest.csv", ImportFormat.Harvest, dryRun: false, progress, Ct));

        report.Committed.ShouldBeTrue();
        report.FileName.ShouldBe("harvest.csv");
        report.RowsValid.ShouldBe(4);
        progress.Reports.ShouldContain(new ImportProgress(ImportStage.Saving, 4));
        var entries = await EntriesAsync();
        entries.Count.ShouldBe(4);
        var priced = entries.Single(e => e.Date == new DateOnly(2026, 3, 10));
        (priced.CostRate, priced.BillRate, priced.Minutes, priced.Note).ShouldBe((5000L, 12000L, 120, "Wireframes"));

        await using var db = Database.CreateDbContext();
        var applied = await RollupsAsync(db);
        applied.Count.ShouldBe(3);
        applied.Sum(r => r.Item4).ShouldBe(120 + 90 + 180 + 30);
        await Rollups.RebuildAsync(db, [s.Website, s.Packaging], Ct);
        (await RollupsAsync(db)).ShouldBe(applied);
    }

    [Fact]
    public async Task StaffWhoCannotManageImportOnlyTheirOwnTimeAndClientsNothingAsync()
    {
        var s = await SetUpAsync();
        var file = Harvest(
            Row("2026-03-10", "Harbourline Ferries", "Website relaunch", "1", "Yes", "Priya", "Shah", ""),
            Row("2026-03-10", "Harbourline Ferries", "Website relaunch", "1", "Yes", "Mateo", "Alvarez", ""));

        var own = Must(await Imports.ImportAsync(s.Priya, Utf8(file), "mine.csv", null, dryRun: true, null, Ct));
        var client = await Imports.ImportAsync(s.Agency.Client, Utf8(file), "mine.csv", null, dryRun: true, null, Ct);

        // Priya is not on the account's team; being on the engagement is enough, as for a hand-made entry.
        own.Problems.ShouldBe([new ImportProblem(3, "First Name", "You can log only your own time.")]);
        own.RowsValid.ShouldBe(1);
        client.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task AccountsAndEngagementsTheCallerCannotSeeAreUnknownAsync()
    {
        var s = await SetUpAsync();
        var file = Harvest(Row("2026-04-02", "Verdant Foods", "Packaging", "1", "Yes", "Lena", "Novak", ""));

        var report = Must(await Imports.ImportAsync(s.Manager, Utf8(file), "verdant.csv", null, dryRun: true, null, Ct));

        report.Problems.ShouldBe([new ImportProblem(2, "Client", "No account called 'Verdant Foods' that you can see.")]);
    }

    [Theory]
    [InlineData("", "The file is empty.")]
    [InlineData("\uFEFF", "The file is empty.")]
    [InlineData("Name,Age\nAda,36\n", "neither that of a Harvest")]
    [InlineData(HarvestHeader + "\n", "no rows of time")]
    [InlineData("Date,Client,Project,Hours,First Name,Last Name\n2026-03-10,A,B,1,C,D\n", "it has no 'Billable?' column")]
    public async Task FilesThatAreNotTimeReportsAreRefusedWithAReasonAsync(string file, string reason)
    {
        var s = await SetUpAsync();

        var result = await Imports.ImportAsync(s.Manager, Utf8(file), "x.csv", null, dryRun: true, null, Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Message.ShouldContain(reason);
    }

    [Fact]
    public async Task ABinaryFileIsNotCsvAsync()
    {
        var s = await SetUpAsync();
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xFF, 0xFE, 0x0A];

        var result = await Imports.ImportAsync(s.Manager, new MemoryStream(zip), "report.xlsx", null, dryRun: true, null, Ct);

        result.Error!.Message.ShouldContain("not a CSV text file");
    }

    [Fact]
    public async Task AQuoteLeftOpenIsReportedAtItsLineAsync()
    {
        var s = await SetUpAsync();
        var file = Harvest(
            Row("2026-03-10", "Harbourline Ferries", "Website relaunch", "1", "Yes", "Priya", "Shah", "Fine"),
            Row("2026-03-11", "Harbourline Ferries", "Website relaunch", "1", "Yes", "Priya", "Shah", "\"Never closed"),
            Row("2026-03-12", "Harbourline Ferries", "Website relaunch", "1", "Yes", "Priya", "Shah", "Swallowed"));

        var report = Must(await Imports.ImportAsync(s.Manager, Utf8(file), "x.csv", null, dryRun: false, null, Ct));

        report.Committed.ShouldBeFalse();
        report.Problems.ShouldContain(new ImportProblem(3, null, "A quoted value is never closed; the rest of the file is read as part of it."));
        (await CountEntriesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AQuoteLeftOpenBeforeMegabytesOfTextIsABadFileAsync()
    {
        var s = await SetUpAsync();
        var file = Harvest(Row("2026-03-11", "Harbourline Ferries", "Website relaunch", "1", "Yes", "Priya", "Shah", "\"Never closed"))
            + string.Concat(Enumerable.Repeat("2026-03-12,Harbourline Ferries,Website relaunch,,,,1,,Yes,,,Priya,Shah\r\n", 30_000));

        var result = await Imports.ImportAsync(s.Manager, Utf8(file), "x.csv", null, dryRun: true, null, Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Message.ShouldContain("not readable CSV");
    }

    [Fact]
    public async Task AnExplicitFormatMustMatchTheHeaderAsync()
    {
        var s = await SetUpAsync();
        var file = Harvest(Row("2026-03-10", "Harbourline Ferries", "Website relaunch", "1", "Yes", "Priya", "Shah", ""));

        var result = await Imports.ImportAsync(s.Manager, Utf8(file), "x.csv", ImportFormat.Toggl, dryRun: true, null, Ct);

        result.Error!.Message.ShouldBe("The file is not a Toggl Track detailed report: it has no 'Start date', 'Duration', 'Billable', 'Email' columns.");
    }

    [Fact]
    public async Task ListedProblemsStopAtOneThousandAndTheRestAreCountedAsync()
    {
        var s = await SetUpAsync();
        var file = Harvest([.. Enumerable.Range(0, 1500).Select(_ => Row("someday", "Harbourline Ferries", "Website relaunch", "1", "Yes", "Priya", "Shah", ""))]);

        var report = Must(await Imports.ImportAsync(s.Manager, Utf8(file), "x.csv", null, dryRun: true, null, Ct));

        report.Problems.Count.ShouldBe(TimeImportService.MaxListedProblems);
        report.ProblemsNotListed.ShouldBe(500);
        report.Problems[^1].Line.ShouldBe(1001);
    }

    [Fact]
    public async Task AHundredThousandRowsImportInOneGoAsync()
    {
        var s = await SetUpAsync();
        var text = new StringBuilder(TogglHeader).Append('\n');
        var first = new DateOnly(2026, 3, 1);
        for (var i = 0; i < 100_000; i++)
        {
            var (name, email) = i % 2 == 0 ? ("Priya Shah", "priya@agency.test") : ("Mateo Alvarez", "mateo@agency.test");
            var day = first.AddDays(i % 120);
            text.Append($"{name},{email},Harbourline Ferries,Website relaunch,,Task {i % 7},{(i % 3 == 0 ? "No" : "Yes")},")
                .Append($"{day:yyyy-MM-dd},09:00:00,{day:yyyy-MM-dd},09:30:00,00:{15 + (i % 45):00}:00,,\n");
        }

        var progress = new Recorder();

        var report = Must(await Imports.ImportAsync(s.Manager, Utf8(text.ToString()), "big.csv", null, dryRun: false, progress, Ct));

        report.Problems.ShouldBeEmpty();
        report.Committed.ShouldBeTrue();
        report.RowsRead.ShouldBe(100_000);
        var expectedMinutes = Enumerable.Range(0, 100_000).Sum(i => 15L + (i % 45));
        report.TotalMinutes.ShouldBe(expectedMinutes);
        progress.Reports.Count(p => p.Stage == ImportStage.Reading).ShouldBeGreaterThanOrEqualTo(20);
        progress.Reports.Count(p => p.Stage == ImportStage.Saving).ShouldBe(20);
        await using var db = Database.CreateDbContext();
        (await db.TimeEntries.CountAsync(t => t.ImportId == report.ImportId, Ct)).ShouldBe(100_000);
        (await db.TimeRollups.SumAsync(r => r.Minutes, Ct)).ShouldBe(expectedMinutes);
        (await db.AuditEntries.CountAsync(Ct)).ShouldBeLessThan(100);
    }

    private sealed record Setup(
        Agency Agency, CurrentUser Manager, CurrentUser Mateo, CurrentUser Priya, Guid Harbour, Guid Website, Guid Packaging)
    {
        public CurrentUser Admin => Agency.Admin;
    }

    /// <summary>
    /// Harbourline's "Website relaunch" (Mateo PM, Jonas AM, Priya a member but not on the account's
    /// team), its completed "Brand refresh", Verdant's "Packaging" with Lena on it, February 2026 locked,
    /// and a rate for Priya.
    /// </summary>
    private async Task<Setup> SetUpAsync()
    {
        var agency = await SeedAgencyAsync();
        var priya = await AddStaffUserAsync("Priya Shah", Role.TeamMember);
        var website = new Engagement
        {
            AccountId = agency.Harbour, Name = "Website relaunch", Status = EngagementStatus.InDelivery,
            ProjectManagerId = agency.ProjectManager.StaffId, AccountManagerId = agency.Manager.StaffId,
        };
        var brand = new Engagement
        {
            AccountId = agency.Harbour, Name = "Brand refresh", Status = EngagementStatus.Completed,
            ProjectManagerId = agency.ProjectManager.StaffId,
        };
        var packaging = new Engagement { AccountId = agency.Verdant, Name = "Packaging", Status = EngagementStatus.InDelivery };
        await using (var db = Database.CreateDbContext())
        {
            db.Engagements.AddRange(website, brand, packaging);
            db.EngagementMembers.AddRange(
                new EngagementMember { EngagementId = website.Id, StaffId = priya.StaffId!.Value, Role = "Designer" },
                new EngagementMember { EngagementId = brand.Id, StaffId = priya.StaffId!.Value, Role = "Designer" },
                new EngagementMember { EngagementId = packaging.Id, StaffId = agency.OffTeam.StaffId!.Value, Role = "Designer" });
            db.StaffRates.Add(new StaffRate
            {
                StaffId = priya.StaffId!.Value, EffectiveFrom = new DateOnly(2026, 1, 1), CostRate = 5000, BillRate = 12000,
                CreatedAt = Clock.GetUtcNow().UtcDateTime,
            });
            db.MonthLocks.Add(new MonthLock { Month = new DateOnly(2026, 2, 1), LockedBy = agency.Admin.UserId, LockedAt = Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(Ct);
        }

        return new Setup(agency, agency.Manager, agency.ProjectManager, priya, agency.Harbour, website.Id, packaging.Id);
    }

    private static string Row(string date, string client, string project, string hours, string billable, string first, string last, string notes) =>
        $"{date},{client},{project},,Design,{notes},{hours},,{billable},No,No,{first},{last},Designer,Yes,,,,,EUR,";

    private static string Harvest(params string[] rows) => string.Join("\r\n", [HarvestHeader, .. rows]) + "\r\n";

    private static MemoryStream Utf8(string text, bool bom = false) =>
        new([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new ShouldAssertException($"Expected success, got {result.Error.Message}");

    private async Task<int> CountEntriesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.TimeEntries.CountAsync(Ct);
    }

    private async Task<List<TimeEntry>> EntriesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.TimeEntries.AsNoTracking().OrderBy(t => t.Date).ToListAsync(Ct);
    }

    private static async Task<List<(Guid, Guid, DateOnly, long, long, long, long, long)>> RollupsAsync(Liaison.Core.Data.LiaisonDb db) =>
        [.. (await db.TimeRollups.AsNoTracking().ToListAsync(Ct))
            .Select(r => (r.EngagementId, r.StaffId, r.Month, r.Minutes, r.BillableMinutes, r.CostUnits, r.BillableUnits, r.ValueUnits))
            .OrderBy(r => r.EngagementId).ThenBy(r => r.StaffId).ThenBy(r => r.Month)];

    /// <summary>Records progress as it is reported, on the reporting thread (Progress&lt;T&gt; would post it later).</summary>
    private sealed class Recorder : IProgress<ImportProgress>
    {
        public List<ImportProgress> Reports { get; } = [];

        public void Report(ImportProgress value) => Reports.Add(value);
    }
}
