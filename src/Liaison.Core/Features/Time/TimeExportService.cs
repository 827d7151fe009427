using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Engagements;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Time;

/// <summary>
/// Time entries and account profitability as CSV or Excel files (docs/import-formats.md). Access is
/// decided before the file is made, exactly as for the lists and reports the files copy: time as
/// <see cref="TimeService.ListAsync"/> reads it, profitability as <see cref="ProfitabilityService.ForAccountAsync"/>.
/// </summary>
public sealed class TimeExportService(IDbContextFactory<LiaisonDb> dbs, ProfitabilityService profitability)
{
    /// <summary>
    /// An Excel workbook is built in memory (the format cannot be streamed), so it holds at most this
    /// many entries; CSV has no limit.
    /// </summary>
    public const int MaxExcelRows = 100_000;

    public const string CsvContentType = "text/csv; charset=utf-8";

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] TimeColumns = ["Date", "Account", "Engagement", "Person", "Hours", "Minutes", "Billable", "Note"];

    private static readonly string[] ProfitabilityColumns = ["Line", "Engagement", "Month", "Revenue", "Cost", "Margin", "Margin %", "Hours"];

    public static bool TryParseFormat(string? text, out ExportFormat format)
    {
        format = ExportFormat.Csv;
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "" or "CSV":
                return true;
            case "XLSX":
                format = ExportFormat.Xlsx;
                return true;
            default:
                return false;
        }
    }

    public async Task<Result<ExportFile>> TimeEntriesAsync(CurrentUser user, TimeEntryQuery query, ExportFormat format, CancellationToken ct)
    {
        if (user.IsClient)
        {
            return Error.Forbidden("Time entries are internal to the agency.");
        }

        if (query is { From: { } from, To: { } to } && to < from)
        {
            return Error.Invalid("to", "The end of the range is before its start.");
        }

        if (format == ExportFormat.Xlsx)
        {
            await using var db = await dbs.OpenAsync(user, ct);
            if (await TimeRules.Filter(TimeRules.ReadableEntries(db, user), query).CountAsync(ct) > MaxExcelRows)
            {
                return Error.Invalid("format", string.Create(CultureInfo.InvariantCulture,
                    $"An Excel file holds at most {MaxExcelRows:N0} entries; narrow the filters or export CSV."));
            }
        }

        var name = $"time-entries{Suffix(query.From, query.To)}";
        return format == ExportFormat.Csv
            ? new ExportFile($"{name}.csv", CsvContentType, (stream, token) => WriteTimeCsvAsync(user, query, stream, token))
            : new ExportFile($"{name}.xlsx", XlsxContentType, (stream, token) => WriteTimeXlsxAsync(user, query, stream, token));
    }

    public async Task<Result<ExportFile>> ProfitabilityAsync(
        CurrentUser user, Guid accountId, DateOnly? from, DateOnly? to, ExportFormat format, CancellationToken ct)
    {
        var report = await profitability.ForAccountAsync(user, accountId, from, to, ct);
        if (!report.IsSuccess)
        {
            return report.Error;
        }

        var p = report.Value;
        var lines = ProfitabilityLines(p);
        var name = $"profitability-{Slug(p.Name)}{Suffix(p.From, p.To)}";
        return format == ExportFormat.Csv
            ? new ExportFile($"{name}.csv", CsvContentType, (stream, token) => WriteProfitabilityCsvAsync(lines, stream, token))
            : new ExportFile($"{name}.xlsx", XlsxContentType, (stream, token) => WriteProfitabilityXlsxAsync(lines, stream, token));
    }

    private sealed record TimeRow(DateOnly Date, string Account, string Engagement, string Person, int Minutes, bool Billable, string? Note);

    /// <param name="Month">The first day of the month of a month line; null on engagement and total lines.</param>
    private sealed record ProfitLine(string Line, string? Engagement, DateOnly? Month, long Revenue, long Cost, long Margin, decimal? MarginPercent, long Minutes);

    /// <summary>One line per engagement, one per month of the account, and the account's total.</summary>
    private static List<ProfitLine> ProfitabilityLines(AccountProfitability p) =>
    [
        .. p.Engagements.Select(e => new ProfitLine("Engagement", e.Name, null, e.Revenue, e.Cost, e.Margin, e.MarginPercent, e.Minutes)),
        .. p.Months.Select(m => new ProfitLine("Month", null, m.Month, m.Revenue, m.Cost, m.Margin, Money.Percent(m.Margin, m.Revenue), m.Minutes)),
        new ProfitLine("Total", null, null, p.Revenue, p.Cost, p.Margin, p.MarginPercent, p.Minutes),
    ];

    private static IQueryable<TimeRow> Rows(LiaisonDb db, CurrentUser user, TimeEntryQuery query) =>
        from t in TimeRules.Filter(TimeRules.ReadableEntries(db, user), query)
        join a in db.Accounts on t.AccountId equals a.Id
        join e in db.Engagements on t.EngagementId equals e.Id
        join s in db.Staff on t.StaffId equals s.Id
        orderby t.Date, a.Name, e.Name, s.FullName, t.Id
        select new TimeRow(t.Date, a.Name, e.Name, s.FullName, t.Minutes, t.Billable, t.Note);

    private async Task WriteTimeCsvAsync(CurrentUser user, TimeEntryQuery query, Stream output, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        await using var csv = NewCsvWriter(output);
        csv.WriteHeader(TimeColumns);
        await foreach (var row in Rows(db, user, query).AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.WriteField(row.Date, "yyyy-MM-dd");
            csv.WriteField(row.Account);
            csv.WriteField(row.Engagement);
            csv.WriteField(row.Person);
            csv.WriteField(Hours(row.Minutes), "0.00");
            csv.WriteField(row.Minutes, "");
            csv.WriteField(row.Billable ? "Yes" : "No");
            csv.WriteField(row.Note);
            await csv.EndRecordAsync(ct);
        }

        await csv.FlushAsync(ct);
    }

    private async Task WriteTimeXlsxAsync(CurrentUser user, TimeEntryQuery query, Stream output, CancellationToken ct)
    {
        using var workbook = new XLWorkbook();
        var sheet = NewSheet(workbook, "Time entries", TimeColumns, [12, 28, 28, 24, 9, 9, 9, 60]);
        var r = 2;
        await using (var db = await dbs.OpenAsync(user, ct))
        {
            await foreach (var row in Rows(db, user, query).AsAsyncEnumerable().WithCancellation(ct))
            {
                sheet.Cell(r, 1).SetValue(row.Date.ToDateTime(TimeOnly.MinValue)).Style.DateFormat.Format = "yyyy-mm-dd";
                sheet.Cell(r, 2).SetValue(row.Account);
                sheet.Cell(r, 3).SetValue(row.Engagement);
                sheet.Cell(r, 4).SetValue(row.Person);
                sheet.Cell(r, 5).SetValue(Hours(row.Minutes)).Style.NumberFormat.Format = "0.00";
                sheet.Cell(r, 6).SetValue(row.Minutes);
                sheet.Cell(r, 7).SetValue(row.Billable ? "Yes" : "No");
                sheet.Cell(r, 8).SetValue(row.Note ?? "");
                r++;
            }
        }

        await SaveAsync(workbook, output, ct);
    }

    private static async Task WriteProfitabilityCsvAsync(List<ProfitLine> lines, Stream output, CancellationToken ct)
    {
        await using var csv = NewCsvWriter(output);
        csv.WriteHeader(ProfitabilityColumns);
        foreach (var line in lines)
        {
            csv.WriteField(line.Line);
            csv.WriteField(line.Engagement);
            csv.WriteField(line.Month?.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            csv.WriteField(line.Revenue / 100m, "0.00");
            csv.WriteField(line.Cost / 100m, "0.00");
            csv.WriteField(line.Margin / 100m, "0.00");
            csv.WriteField(line.MarginPercent, "0.0");
            csv.WriteField(Hours(line.Minutes), "0.00");
            await csv.EndRecordAsync(ct);
        }

        await csv.FlushAsync(ct);
    }

    private static async Task WriteProfitabilityXlsxAsync(List<ProfitLine> lines, Stream output, CancellationToken ct)
    {
        using var workbook = new XLWorkbook();
        var sheet = NewSheet(workbook, "Profitability", ProfitabilityColumns, [12, 32, 10, 14, 14, 14, 10, 10]);
        var r = 2;
        foreach (var line in lines)
        {
            sheet.Cell(r, 1).SetValue(line.Line);
            sheet.Cell(r, 2).SetValue(line.Engagement ?? "");
            if (line.Month is { } month)
            {
                sheet.Cell(r, 3).SetValue(month.ToDateTime(TimeOnly.MinValue)).Style.DateFormat.Format = "yyyy-mm";
            }

            sheet.Cell(r, 4).SetValue(line.Revenue / 100m).Style.NumberFormat.Format = "#,##0.00";
            sheet.Cell(r, 5).SetValue(line.Cost / 100m).Style.NumberFormat.Format = "#,##0.00";
            sheet.Cell(r, 6).SetValue(line.Margin / 100m).Style.NumberFormat.Format = "#,##0.00";
            if (line.MarginPercent is { } percent)
            {
                sheet.Cell(r, 7).SetValue(percent).Style.NumberFormat.Format = "0.0";
            }

            sheet.Cell(r, 8).SetValue(Hours(line.Minutes)).Style.NumberFormat.Format = "0.00";
            r++;
        }

        await SaveAsync(workbook, output, ct);
    }

    /// <summary>
    /// RFC 4180 with CRLF, invariant numbers, and a byte order mark so that Excel reads the UTF-8.
    /// Text that a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.
    /// </summary>
    private static CsvWriter NewCsvWriter(Stream output) => CsvWriter.Create(output, new CsvWriterOptions
    {
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    }, leaveOpen: true);

    /// <summary>
    /// One sheet with a bold, frozen header row. Widths are set, not fitted: fitting measures text
    /// with System.Drawing, which needs libgdiplus on Linux.
    /// </summary>
    private static IXLWorksheet NewSheet(XLWorkbook workbook, string name, string[] columns, double[] widths)
    {
        var sheet = workbook.Worksheets.Add(name);
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(columns[c]);
            sheet.Column(c + 1).Width = widths[c];
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        return sheet;
    }

    /// <summary>The package format needs a seekable stream, which a response is not.</summary>
    private static async Task SaveAsync(XLWorkbook workbook, Stream output, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private static decimal Hours(long minutes) => Math.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);

    private static string Suffix(DateOnly? from, DateOnly? to) =>
        (from is { } f ? f.ToString("'-from-'yyyy-MM-dd", CultureInfo.InvariantCulture) : "")
        + (to is { } t ? t.ToString("'-to-'yyyy-MM-dd", CultureInfo.InvariantCulture) : "");

    /// <summary>A file-name-safe form of a name: ASCII letters and digits, the rest as single dashes.</summary>
    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? "account" : text[..Math.Min(text.Length, 60)];
    }
}
