using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Liaison.Core.Common;
using Liaison.Core.Features.Time;
using Liaison.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Tests.Time;

/// <summary>
/// POST /api/v1/time-entries/import, GET /api/v1/time-entries/export and
/// GET /api/v1/accounts/{id}/profitability/export. Each test uses days of its own, so the imports of
/// one never show in the lists of another.
/// </summary>
public abstract class TimeTransferApiTests(AppFactory app)
{
    private const string HarvestHeader =
        "Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,Approved?,First Name,Last Name,Roles,Employee?,Billable Rate,Billable Amount,Cost Rate,Cost Amount,Currency,External Reference URL";

    private const string TogglHeader =
        "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)";

    private readonly ApiClient _manager = app.ClientFor(Principal.ManagerOnTeam);

    private World World => app.World;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADryRunListsEveryBadRowAndACommitOfTheSameFileImportsNothingAsync()
    {
        var file = Harvest(
            Row("2026-04-06", World.AccountAName, "Matrix engagement", "1.5", "Yes", "Tara", "Teammember", "Import test one"),
            Row("2026-04-06", World.AccountAName, "No such project", "1", "Yes", "Tara", "Teammember", ""),
            Row("2026-04-07", World.AccountAName, "Matrix engagement", "\"2,5\"", "No", "Mona", "Manager", "Import test one"),
            Row("2026-04-07", World.AccountBName, "Matrix engagement", "1", "Yes", "Mona", "Manager", ""),
            Row("2026-04-08", World.AccountAName, "Matrix engagement", "abc", "Yes", "Tara", "Teammember", ""));

        using var dryRun = await _manager.PostAsync("/api/v1/time-entries/import", Upload(file));
        await dryRun.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var report = await dryRun.ReadJsonAsync<ImportReport>();
        report.Format.ShouldBe(ImportFormat.Harvest);
        (report.DryRun, report.Committed, report.RowsRead, report.RowsValid, report.TotalMinutes).ShouldBe((true, false, 5, 2, 90L + 150));
        report.Problems.Select(p => (p.Line, p.Column)).ShouldBe([(3, "Project"), (5, "Client"), (6, "Hours")]);
        report.Problems[1].Message.ShouldBe($"No account called '{World.AccountBName}' that you can see.");

        using var commit = await _manager.PostAsync("/api/v1/time-entries/import?dryRun=false", Upload(file));
        var problem = await commit.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("rowsRead").GetInt32().ShouldBe(5);
        var problems = problem.GetProperty("problems").EnumerateArray().ToList();
        problems.Select(p => p.GetProperty("line").GetInt32()).ShouldBe([3, 5, 6]);
        problems[2].GetProperty("column").GetString().ShouldBe("Hours");
        problems[2].GetProperty("message").GetString().ShouldBe("'abc' is not a number of hours, such as 1.5 or 1,5.");

        var listed = await _manager.GetJsonAsync<Page<TimeEntryView>>(
            $"/api/v1/time-entries?engagementId={World.EngagementA}&from=2026-04-06&to=2026-04-08");
        listed.Items.ShouldBeEmpty();
        await using var db = await app.OpenDbAsync();
        (await db.TimeImports.CountAsync(i => i.FileName == "harvest.csv", Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task AFixedFileIsImportedWholeAndItsEntriesAreListedAsync()
    {
        var file = string.Join("\n",
            TogglHeader,
            $"Tara Teammember,tara.teammember@liaison.test,{World.AccountAName},Matrix engagement,,Toggl import,Yes,2026-04-13,09:00:00,2026-04-13,10:15:00,01:15:00,,0.00",
            $"Mona Manager,mona.manager@liaison.test,{World.AccountAName},Matrix engagement,,Toggl review,No,2026-04-14,09:00:00,2026-04-14,09:30:00,00:30:00,,0.00");

        using var response = await _manager.PostAsync("/api/v1/time-entries/import?dryRun=false&format=Toggl", Upload(file, "toggl.csv"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var report = await response.ReadJsonAsync<ImportReport>();
        (report.Format, report.Committed, report.RowsValid, report.TotalMinutes).ShouldBe((ImportFormat.Toggl, true, 2, 105L));
        report.ImportId.ShouldNotBeNull();
        var listed = await _manager.GetJsonAsync<Page<TimeEntryView>>(
            $"/api/v1/time-entries?engagementId={World.EngagementA}&from=2026-04-13&to=2026-04-14");
        listed.Items.Select(t => (t.Date, t.StaffName, t.Minutes, t.Billable, t.Note)).ShouldBe(
        [
            (new DateOnly(2026, 4, 14), "Mona Manager", 30, false, "Toggl review"),
            (new DateOnly(2026, 4, 13), "Tara Teammember", 75, true, "Toggl import"),
        ]);
    }

    [Fact]
    public async Task TimeEntriesExportAsCsvAndAsExcelAsync()
    {
        var filters = $"engagementId={World.EngagementA}&from=2026-03-10&to=2026-03-10";

        using var csv = await _manager.GetAsync($"/api/v1/time-entries/export?format=csv&{filters}");
        await csv.ShouldHaveStatusAsync(HttpStatusCode.OK);
        csv.Content.Headers.ContentType?.MediaType.ShouldBe("text/csv");
        ShouldBeAttachment(csv, "time-entries-from-2026-03-10-to-2026-03-10.csv");
        (await CsvLinesAsync(csv)).ShouldBe(
        [
            "Date,Account,Engagement,Person,Hours,Minutes,Billable,Note",
            $"2026-03-10,{World.AccountAName},Matrix engagement,Tara Teammember,1.50,90,Yes,Internal: seeded",
        ]);

        using var xlsx = await _manager.GetAsync($"/api/v1/time-entries/export?format=xlsx&{filters}");
        await xlsx.ShouldHaveStatusAsync(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType?.MediaType.ShouldBe(TimeExportService.XlsxContentType);
        ShouldBeAttachment(xlsx, "time-entries-from-2026-03-10-to-2026-03-10.xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = workbook.Worksheet(1);
        sheet.Cell(1, 1).GetString().ShouldBe("Date");
        sheet.Cell(1, 1).Style.Font.Bold.ShouldBeTrue();
        sheet.Cell(2, 1).GetDateTime().ShouldBe(new DateTime(2026, 3, 10));
        sheet.Cell(2, 2).GetString().ShouldBe(World.AccountAName);
        sheet.Cell(2, 5).DataType.ShouldBe(XLDataType.Number);
        sheet.Cell(2, 5).GetValue<decimal>().ShouldBe(1.5m);
        sheet.Cell(2, 6).GetValue<int>().ShouldBe(90);
        sheet.Cell(2, 8).GetString().ShouldBe("Internal: seeded");
        sheet.LastRowUsed().RowNumber().ShouldBe(2);
    }

    [Fact]
    public async Task TheTimeExportHasEveryEntryNotAPageAsync()
    {
        var rows = Enumerable.Range(0, 250).Select(i => new DateOnly(2026, 5, 1).AddDays(i % 28)).Select((day, i) =>
            $"Tara Teammember,tara.teammember@liaison.test,{World.AccountAName},Matrix engagement,,Bulk {i},Yes,{day:yyyy-MM-dd},09:00:00,{day:yyyy-MM-dd},09:15:00,00:15:00,,0.00");
        using var import = await _manager.PostAsync("/api/v1/time-entries/import?dryRun=false", Upload(string.Join("\n", [TogglHeader, .. rows]), "bulk.csv"));
        await import.ShouldHaveStatusAsync(HttpStatusCode.Created);

        using var csv = await _manager.GetAsync($"/api/v1/time-entries/export?accountId={World.AccountA}&from=2026-05-01&to=2026-05-31");

        await csv.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var lines = await CsvLinesAsync(csv);
        lines.Length.ShouldBe(1 + 250);
        lines[1].ShouldStartWith($"2026-05-01,{World.AccountAName},Matrix engagement,Tara Teammember,0.25,15,Yes,Bulk ");
        lines.Skip(1).Select(l => l[..10]).ShouldBeInOrder();
    }

    [Fact]
    public async Task AccountProfitabilityExportsAsCsvAndAsExcelAsync()
    {
        var url = $"/api/v1/accounts/{World.AccountA}/profitability/export?from=2026-03-01&to=2026-03-31";

        using var csv = await _manager.GetAsync(url);
        await csv.ShouldHaveStatusAsync(HttpStatusCode.OK);
        ShouldBeAttachment(csv, "profitability-aurora-analytics-from-2026-03-01-to-2026-03-31.csv");
        var lines = await CsvLinesAsync(csv);
        lines[0].ShouldBe("Line,Engagement,Month,Revenue,Cost,Margin,Margin %,Hours");
        lines.ShouldContain(l => l.StartsWith("Engagement,Matrix engagement,,", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("Month,,2026-03,", StringComparison.Ordinal));
        lines[^1].ShouldStartWith("Total,,,");

        using var xlsx = await _manager.GetAsync(url + "&format=xlsx");
        await xlsx.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = workbook.Worksheet(1);
        sheet.Cell(1, 1).GetString().ShouldBe("Line");
        var total = sheet.LastRowUsed();
        total.Cell(1).GetString().ShouldBe("Total");
        total.Cell(4).DataType.ShouldBe(XLDataType.Number);
        sheet.Column(3).CellsUsed().Skip(1).ShouldAllBe(c => c.DataType == XLDataType.DateTime);
    }

    [Fact]
    public async Task ClientsAndPeopleWithoutMoneyAreRefusedAsync()
    {
        var profitabilityOfA = $"/api/v1/accounts/{World.AccountA}/profitability/export";
        var file = Harvest(Row("2026-04-20", World.AccountAName, "Matrix engagement", "1", "Yes", "Tara", "Teammember", ""));
        var client = app.ClientFor(Principal.ClientOfA);

        using var import = await client.PostAsync("/api/v1/time-entries/import?dryRun=false", Upload(file));
        using var notForm = await client.PostAsync("/api/v1/time-entries/import", new { });
        using var export = await client.GetAsync("/api/v1/time-entries/export");
        using var money = await client.GetAsync(profitabilityOfA);
        using var otherClient = await app.ClientFor(Principal.ClientOfB).GetAsync(profitabilityOfA);
        using var member = await app.ClientFor(Principal.TeamMemberOnTeam).GetAsync(profitabilityOfA);
        using var offTeam = await app.ClientFor(Principal.ManagerOffTeam).GetAsync(profitabilityOfA);

        await import.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await notForm.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await export.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await money.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await otherClient.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await member.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await offTeam.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var listed = await _manager.GetJsonAsync<Page<TimeEntryView>>($"/api/v1/time-entries?from=2026-04-20&to=2026-04-20");
        listed.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task FilesThatAreNotTimeReportsAreBadRequestsWithAReasonAsync()
    {
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x0A];
        var cases = new (HttpContent Body, string Url, string Reason)[]
        {
            (Upload(zip, "report.xlsx"), "/api/v1/time-entries/import", "not a CSV text file"),
            (Upload("Name,Age\nAda,36\n"), "/api/v1/time-entries/import", "neither that of a Harvest"),
            (Upload([], "empty.csv"), "/api/v1/time-entries/import", "The file is empty."),
            (Upload(HarvestHeader + "\n"), "/api/v1/time-entries/import?dryRun=false", "no rows of time"),
            (Upload("Date,Client\n"), "/api/v1/time-entries/import?format=Excel", "Harvest or Toggl"),
            (new MultipartFormDataContent { { new StringContent("x"), "other" } }, "/api/v1/time-entries/import", "field named 'file'"),
            (ApiClient.RawJson("{}"), "/api/v1/time-entries/import", "multipart/form-data"),
        };

        foreach (var (body, url, reason) in cases)
        {
            using var response = await _manager.PostAsync(url, body);
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            (problem.GetProperty("detail").GetString() ?? "").ShouldContain(reason, Case.Sensitive, url);
        }

        using var badExport = await _manager.GetAsync("/api/v1/time-entries/export?format=pdf");
        (await badExport.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("format").ShouldNotBeEmpty();
        await using var db = await app.OpenDbAsync();
        // Only the good files of the other tests are ever imported.
        (await db.TimeImports.CountAsync(i => i.FileName != "toggl.csv" && i.FileName != "bulk.csv", Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedUnreadAsync()
    {
        var big = new byte[(int)Liaison.Web.Features.Time.TimeTransferApi.MaxUploadBytes + 128 * 1024];
        big.AsSpan().Fill((byte)'x');

        using var response = await _manager.PostAsync("/api/v1/time-entries/import", Upload(big, "huge.csv"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        (problem.GetProperty("detail").GetString() ?? "").ShouldContain("50 MB");
    }

    private static string Row(string date, string client, string project, string hours, string billable, string first, string last, string notes) =>
        $"{date},{client},{project},,Design,{notes},{hours},,{billable},No,No,{first},{last},Designer,Yes,,,,,EUR,";

    private static string Harvest(params string[] rows) => string.Join("\r\n", [HarvestHeader, .. rows]) + "\r\n";

    private static MultipartFormDataContent Upload(string csv, string fileName = "harvest.csv") => Upload(Encoding.UTF8.GetBytes(csv), fileName);

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static void ShouldBeAttachment(HttpResponseMessage response, string fileName)
    {
        var disposition = response.Content.Headers.ContentDisposition;
        disposition.ShouldNotBeNull();
        disposition.DispositionType.ShouldBe("attachment");
        (disposition.FileNameStar ?? disposition.FileName?.Trim('"')).ShouldBe(fileName);
    }

    /// <summary>The lines of a CSV body, which starts with a UTF-8 byte order mark and ends each line with CRLF.</summary>
    private static async Task<string[]> CsvLinesAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        bytes[..3].ShouldBe(Encoding.UTF8.GetPreamble());
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.ShouldEndWith("\r\n");
        return text[..^2].Split("\r\n");
    }
}

public sealed class TimeTransferApiTestsOnSqlite(SqliteApp app) : TimeTransferApiTests(app), IClassFixture<SqliteApp>;

public sealed class TimeTransferApiTestsOnPostgres(PostgresApp app) : TimeTransferApiTests(app), IClassFixture<PostgresApp>;
