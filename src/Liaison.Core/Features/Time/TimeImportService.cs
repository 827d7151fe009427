using System.Globalization;
using CsvHelper;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Engagements;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Time;

/// <summary>
/// Imports time entries from the CSV exports of Harvest and Toggl Track (docs/import-formats.md).
/// Every row is held to the rules of a hand-made entry (see <see cref="TimeRules"/>), checked
/// against lookups loaded once, so a file of 100,000 rows costs a handful of queries. A commit
/// writes all rows or none: one <see cref="TimeImport"/> (the audit record of the whole file), the
/// entries priced with the rates of their day, and the rollups, in one transaction.
/// </summary>
public sealed class TimeImportService(IDbContextFactory<LiaisonDb> dbs)
{
    public const int MaxListedProblems = 1_000;

    /// <summary>Rows between two progress reports, and entries saved per SaveChanges.</summary>
    public const int ProgressEvery = 5_000;

    /// <summary>A record longer than this is an unclosed quote, not a time entry.</summary>
    private const int MaxRecordBytes = 1 << 20;

    private static readonly Layout Harvest = new(
        ImportFormat.Harvest, "Harvest detailed time report", Date: "Date", Amount: "Hours", Billable: "Billable?",
        Person: ["First Name", "Last Name"], Note: "Notes");

    private static readonly Layout Toggl = new(
        ImportFormat.Toggl, "Toggl Track detailed report", Date: "Start date", Amount: "Duration", Billable: "Billable",
        Person: ["Email"], Note: "Description");

    /// <summary>Imports are agency business: clients are refused before their file is even read.</summary>
    public static Error? CheckAccess(CurrentUser user) => user.IsClient ? Error.Forbidden("Only agency staff import time.") : null;

    public async Task<Result<ImportReport>> ImportAsync(
        CurrentUser user, Stream csv, string fileName, ImportFormat? format, bool dryRun, IProgress<ImportProgress>? progress,
        CancellationToken ct)
    {
        if (CheckAccess(user) is { } refused)
        {
            return refused;
        }

        var problems = new Problems();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = m => problems.Malformed((int)m.LineNumber, m.Reason),
        };
        await using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        try
        {
            await reader.ReadHeaderAsync(ct);
            var header = ReadHeader(reader, format);
            if (!header.IsSuccess)
            {
                return header.Error;
            }

            var (layout, columns) = header.Value;
            await using var db = await dbs.OpenAsync(user, ct);
            var lookups = await Lookups.LoadAsync(db, user, ct);
            var pending = new List<Pending>();
            var rowsRead = 0;
            var rowsValid = 0;
            long totalMinutes = 0;
            while (await reader.ReadAsync(ct))
            {
                var line = (int)reader.LineNumber;
                if (IsBlank(reader))
                {
                    continue;
                }

                rowsRead++;
                var row = ReadRow(reader, line, layout, columns, lookups, user, problems);
                if (row is { } entry && !problems.IsMalformed(line))
                {
                    rowsValid++;
                    totalMinutes += entry.Minutes;
                    // A commit writes nothing once a row is bad, so only a clean file needs its rows kept.
                    if (!dryRun && problems.Count == 0)
                    {
                        pending.Add(entry);
                    }
                }

                if (rowsRead % ProgressEvery == 0)
                {
                    progress?.Report(new ImportProgress(ImportStage.Reading, rowsRead));
                }
            }

            if (rowsRead == 0)
            {
                return Error.Invalid("file", $"The file has the header of a {layout.Label} but no rows of time.");
            }

            progress?.Report(new ImportProgress(ImportStage.Reading, rowsRead));
            var name = CleanFileName(fileName);
            if (dryRun || problems.Count > 0)
            {
                return new ImportReport(layout.Format, name, dryRun, rowsRead, rowsValid, totalMinutes,
                    problems.Listed, problems.NotListed, Committed: false, ImportId: null);
            }

            var import = new TimeImport { FileName = name, Format = layout.Format, Rows = rowsRead, TotalMinutes = totalMinutes };
            if (await SaveAsync(db, import, pending, progress, ct) is { } conflict)
            {
                return conflict;
            }

            return new ImportReport(layout.Format, name, dryRun, rowsRead, rowsValid, totalMinutes, [], 0, Committed: true, import.Id);
        }
        catch (CsvFormatException e)
        {
            var where = e.LineNumber > 0 ? $" at line {e.LineNumber}" : "";
            return Error.Invalid("file", $"The file is not readable CSV{where}: {e.Message} Is a quote left open?");
        }
    }

    private static async Task<Error?> SaveAsync(
        LiaisonDb db, TimeImport import, List<Pending> rows, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var entries = new List<TimeEntry>(rows.Count);
        foreach (var engagement in rows.GroupBy(r => r.EngagementId))
        {
            var price = await TimeRules.PricingAsync(db, engagement.Key, [.. engagement.Select(r => r.StaffId).Distinct()], ct);
            foreach (var r in engagement)
            {
                var (cost, bill) = price(r.StaffId, r.Date);
                entries.Add(new TimeEntry
                {
                    AccountId = r.AccountId, EngagementId = r.EngagementId, StaffId = r.StaffId, Date = r.Date, Minutes = r.Minutes,
                    Billable = r.Billable, Note = r.Note, CostRate = cost, BillRate = bill, ImportId = import.Id,
                });
            }
        }

        // Nothing tracked is edited later, so change detection over 100,000 entries would be pure cost.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Checked again inside the transaction: a month may have been locked while the file was read.
        if (await TimeRules.CheckUnlockedAsync(db, rows.Select(r => r.Date).Distinct(), ct) is { } locked)
        {
            return locked;
        }

        db.TimeImports.Add(import);
        var saved = 0;
        foreach (var chunk in entries.Chunk(ProgressEvery))
        {
            db.TimeEntries.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            saved += chunk.Length;
            progress?.Report(new ImportProgress(ImportStage.Saving, saved));
        }

        await Rollups.ApplyAsync(db, entries.Select(Rollups.Contribution.Of), [], ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    private static Result<(Layout Layout, Columns Columns)> ReadHeader(CsvReader reader, ImportFormat? format)
    {
        var names = new List<string>();
        foreach (var name in reader.Headers)
        {
            names.Add(name.Trim().Trim('\uFEFF'));
        }

        if (names.Count == 0 || names.All(string.IsNullOrEmpty))
        {
            return Error.Invalid("file", "The file is empty.");
        }

        if (names.Any(n => n.Contains('\uFFFD', StringComparison.Ordinal) || n.Any(c => char.IsControl(c))))
        {
            return Error.Invalid("file", "The file is not a CSV text file in UTF-8. Export the detailed report from Harvest or Toggl as CSV.");
        }

        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            index.TryAdd(names[i], i);
        }

        var layout = format switch
        {
            ImportFormat.Harvest => Harvest,
            ImportFormat.Toggl => Toggl,
            _ => Detect(index),
        };
        if (layout is null)
        {
            return Error.Invalid("file",
                "The header row is neither that of a Harvest detailed time report (Date, Client, Project, Hours, Billable?, First Name, Last Name, …) " +
                "nor that of a Toggl Track detailed report (User, Email, Client, Project, Start date, Duration, Billable, …).");
        }

        var missing = layout.Required.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return Error.Invalid("file",
                $"The file is not a {layout.Label}: it has no {string.Join(", ", missing.Select(m => $"'{m}'"))} column{(missing.Count > 1 ? "s" : "")}.");
        }

        int At(string column) => index[column];
        var columns = new Columns(
            At(layout.Date), At("Client"), At("Project"), At(layout.Amount), At(layout.Billable), [.. layout.Person.Select(At)],
            index.TryGetValue(layout.Note, out var note) ? note : -1, [.. names]);
        return (layout, columns);
    }

    private static Layout? Detect(Dictionary<string, int> index)
    {
        if (index.ContainsKey("First Name") && index.ContainsKey("Last Name") && index.ContainsKey("Hours"))
        {
            return Harvest;
        }

        return index.ContainsKey("Duration") && (index.ContainsKey("Email") || index.ContainsKey("Start date")) ? Toggl : null;
    }

    /// <summary>Reads and checks one row; returns the entry to write, or null after adding the row's problems.</summary>
    private static Pending? ReadRow(
        CsvReader reader, int line, Layout layout, Columns columns, Lookups lookups, CurrentUser user, Problems problems)
    {
        var before = problems.Count;
        string Field(int i) => i < 0 || i >= reader.FieldCount ? "" : (reader.GetString(i) ?? "").Trim();
        void Add(int column, string message) => problems.Add(new ImportProblem(line, columns.Names[column], message));

        string? Required(int column)
        {
            var value = Field(column);
            if (value.Length == 0)
            {
                Add(column, $"{columns.Names[column]} is empty.");
                return null;
            }

            if (value.Contains('\uFFFD', StringComparison.Ordinal))
            {
                Add(column, "The text is not valid UTF-8; save the file as UTF-8.");
                return null;
            }

            return value;
        }

        DateOnly? date = null;
        if (Required(columns.Date) is { } dateText)
        {
            date = ParseDate(dateText);
            if (date is null)
            {
                Add(columns.Date, $"'{dateText}' is not a date; use YYYY-MM-DD or DD.MM.YYYY.");
            }
        }

        int? minutes = null;
        if (Required(columns.Amount) is { } amount)
        {
            minutes = layout.Format == ImportFormat.Harvest ? ParseHours(amount) : ParseDuration(amount);
            if (minutes is null)
            {
                Add(columns.Amount, layout.Format == ImportFormat.Harvest
                    ? $"'{amount}' is not a number of hours, such as 1.5 or 1,5."
                    : $"'{amount}' is not a duration; use HH:MM:SS.");
            }
            else if (minutes == 0)
            {
                Add(columns.Amount, "The time rounds to 0 minutes; an entry is at least 1 minute.");
            }
            else if (minutes is < 1 or > 24 * 60)
            {
                Add(columns.Amount, "An entry is between 1 minute and 24 hours.");
            }
        }

        bool? billable = null;
        if (Required(columns.Billable) is { } billableText)
        {
            billable = billableText.ToUpperInvariant() switch
            {
                "YES" or "Y" or "TRUE" => true,
                "NO" or "N" or "FALSE" => false,
                _ => null,
            };
            if (billable is null)
            {
                Add(columns.Billable, $"'{billableText}' is neither Yes nor No.");
            }
        }

        var note = Text.Clean(Field(columns.Note));
        if (note is { Length: > 1000 })
        {
            Add(columns.Note, "Keep the note under 1,000 characters.");
        }
        else if (note is not null && note.Contains('\uFFFD', StringComparison.Ordinal))
        {
            Add(columns.Note, "The text is not valid UTF-8; save the file as UTF-8.");
        }

        var engagement = FindEngagement(Required(columns.Client), Required(columns.Project), columns, lookups, Add);
        var person = FindPerson(layout, columns, lookups, Required, Add);

        var personColumn = columns.Person[0];
        if (engagement is not null && person is not null)
        {
            // The rules of TimeRules.CheckLoggerAsync, over the preloaded members.
            if (person.Id != user.StaffId && !EngagementAccess.CanManage(user))
            {
                Add(personColumn, "You can log only your own time.");
            }
            else if (EngagementRules.IsClosed(engagement.Status))
            {
                Add(columns.Project, $"{engagement.Name} is {EngagementService.Labels(engagement.Status)}; it takes no more time.");
            }
            else if (!lookups.Belongs(engagement, person.Id))
            {
                Add(personColumn, $"{person.FullName} is not a member of {engagement.Name}.");
            }
        }

        if (date is { } day && lookups.Locked.Contains(Money.MonthOf(day)))
        {
            Add(columns.Date, $"{day.ToString("MMMM yyyy", CultureInfo.InvariantCulture)} is locked for time; an admin must unlock it first.");
        }

        if (problems.Count > before || engagement is null || person is null || date is null || minutes is null || billable is null)
        {
            return null;
        }

        return new Pending(engagement.AccountId, engagement.Id, person.Id, date.Value, minutes.Value, billable.Value, note);
    }

    private static EngagementInfo? FindEngagement(string? client, string? project, Columns columns, Lookups lookups, Action<int, string> add)
    {
        if (client is null)
        {
            return null;
        }

        if (!lookups.Accounts.TryGetValue(Key(client), out var accounts))
        {
            add(columns.Client, $"No account called '{client}' that you can see.");
            return null;
        }

        if (accounts.Length > 1)
        {
            add(columns.Client, $"More than one account you can see is called '{client}'.");
            return null;
        }

        if (project is null)
        {
            return null;
        }

        if (!lookups.Engagements.TryGetValue((accounts[0].Id, Key(project)), out var engagements))
        {
            add(columns.Project, $"{accounts[0].Name} has no engagement called '{project}' that you can see.");
            return null;
        }

        if (engagements.Length > 1)
        {
            add(columns.Project, $"{accounts[0].Name} has more than one engagement called '{project}'.");
            return null;
        }

        return engagements[0];
    }

    private static PersonInfo? FindPerson(Layout layout, Columns columns, Lookups lookups, Func<int, string?> required, Action<int, string> add)
    {
        if (layout.Format == ImportFormat.Toggl)
        {
            if (required(columns.Person[0]) is not { } email)
            {
                return null;
            }

            if (lookups.StaffByEmail.TryGetValue(email.ToUpperInvariant(), out var byEmail))
            {
                return byEmail;
            }

            add(columns.Person[0], $"No staff member has the e-mail address '{email}'.");
            return null;
        }

        var first = required(columns.Person[0]);
        var last = required(columns.Person[1]);
        if (first is null || last is null)
        {
            return null;
        }

        var fullName = $"{first} {last}";
        if (!lookups.StaffByName.TryGetValue(Key(fullName), out var people))
        {
            add(columns.Person[0], $"No staff member is called '{fullName}'.");
            return null;
        }

        if (people.Length > 1)
        {
            add(columns.Person[0], $"More than one staff member is called '{fullName}', so the row cannot say whose time it is.");
            return null;
        }

        return people[0];
    }

    /// <summary>ISO dates, and the day-first dotted dates of European exports.</summary>
    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    /// <summary>Decimal hours with a point or a comma ("1.5", "1,5"), or hours and minutes ("1:30"); rounded to the minute.</summary>
    private static int? ParseHours(string text)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return ParseDuration(text);
        }

        var normalised = text.Contains(',', StringComparison.Ordinal) && !text.Contains('.', StringComparison.Ordinal)
            ? text.Replace(',', '.')
            : text;
        if (!decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var hours))
        {
            return null;
        }

        // Far out of range is reported as out of range, without overflowing on the way.
        return hours is < 0 or > 1000 ? -1 : (int)Math.Round(hours * 60, MidpointRounding.AwayFromZero);
    }

    /// <summary>"H:MM:SS" or "H:MM", rounded to the nearest minute.</summary>
    private static int? ParseDuration(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)) || parts[0].Length > 4
            || parts.Skip(1).Any(p => p.Length != 2 || p[0] > '5'))
        {
            return null;
        }

        var seconds = int.Parse(parts[0], CultureInfo.InvariantCulture) * 3600 + int.Parse(parts[1], CultureInfo.InvariantCulture) * 60
            + (parts.Length == 3 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0);
        return (int)Math.Round(seconds / 60m, MidpointRounding.AwayFromZero);
    }

    /// <summary>Lines such as ",,,," that spreadsheets leave at the end of a file.</summary>
    private static bool IsBlank(CsvReader reader)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (!string.IsNullOrWhiteSpace(reader.GetString(i)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Names match trimmed, with runs of spaces as one, ignoring case.</summary>
    private static string Key(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();

    private static string CleanFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        name = name.Length == 0 ? "import.csv" : name;
        return name.Length > 260 ? name[..260] : name;
    }

    private sealed record Layout(ImportFormat Format, string Label, string Date, string Amount, string Billable, string[] Person, string Note)
    {
        public IEnumerable<string> Required => [Date, "Client", "Project", Amount, Billable, .. Person];
    }

    /// <summary>Where each used column is in the file (-1 when an optional one is missing), and the header names as written.</summary>
    private sealed record Columns(int Date, int Client, int Project, int Amount, int Billable, int[] Person, int Note, string[] Names);

    private readonly record struct Pending(Guid AccountId, Guid EngagementId, Guid StaffId, DateOnly Date, int Minutes, bool Billable, string? Note);

    private sealed record AccountInfo(Guid Id, string Name);

    private sealed record EngagementInfo(Guid Id, Guid AccountId, string Name, EngagementStatus Status, Guid? ProjectManagerId, Guid? AccountManagerId);

    private sealed record PersonInfo(Guid Id, string FullName);

    /// <summary>Everything a row is checked against, loaded once per import.</summary>
    private sealed class Lookups
    {
        public required Dictionary<string, AccountInfo[]> Accounts { get; init; }

        public required Dictionary<(Guid AccountId, string Name), EngagementInfo[]> Engagements { get; init; }

        public required Dictionary<string, PersonInfo[]> StaffByName { get; init; }

        public required Dictionary<string, PersonInfo> StaffByEmail { get; init; }

        public required HashSet<(Guid EngagementId, Guid StaffId)> Members { get; init; }

        public required HashSet<DateOnly> Locked { get; init; }

        public static async Task<Lookups> LoadAsync(LiaisonDb db, CurrentUser user, CancellationToken ct)
        {
            var visible = db.Engagements.AsNoTracking().VisibleTo(db, user);
            // A member of an engagement may log to it without being on the account's team, as by hand.
            var seen = db.Accounts.VisibleTo(db, user).Select(a => a.Id);
            var accounts = await db.Accounts.AsNoTracking()
                .Where(a => seen.Contains(a.Id) || visible.Any(e => e.AccountId == a.Id))
                .Select(a => new AccountInfo(a.Id, a.Name))
                .ToListAsync(ct);
            var engagements = await visible
                .Select(e => new EngagementInfo(e.Id, e.AccountId, e.Name, e.Status, e.ProjectManagerId, e.AccountManagerId))
                .ToListAsync(ct);
            var members = await db.EngagementMembers.AsNoTracking()
                .Where(m => visible.Select(e => e.Id).Contains(m.EngagementId))
                .Select(m => new { m.EngagementId, m.StaffId })
                .ToListAsync(ct);
            var staff = await db.Staff.AsNoTracking().Select(s => new { s.Id, s.FullName, s.Email }).ToListAsync(ct);
            var locked = await db.MonthLocks.AsNoTracking().Select(l => l.Month).ToListAsync(ct);
            return new Lookups
            {
                Accounts = accounts.GroupBy(a => Key(a.Name)).ToDictionary(g => g.Key, g => g.ToArray()),
                Engagements = engagements.GroupBy(e => (e.AccountId, Key(e.Name))).ToDictionary(g => g.Key, g => g.ToArray()),
                StaffByName = staff.GroupBy(s => Key(s.FullName)).ToDictionary(g => g.Key, g => g.Select(s => new PersonInfo(s.Id, s.FullName)).ToArray()),
                StaffByEmail = staff.GroupBy(s => s.Email.Trim().ToUpperInvariant())
                    .ToDictionary(g => g.Key, g => new PersonInfo(g.First().Id, g.First().FullName)),
                Members = [.. members.Select(m => (m.EngagementId, m.StaffId))],
                Locked = [.. locked],
            };
        }

        public bool Belongs(EngagementInfo engagement, Guid staffId) =>
            engagement.ProjectManagerId == staffId || engagement.AccountManagerId == staffId || Members.Contains((engagement.Id, staffId));
    }

    /// <summary>The problems of a file: the first <see cref="MaxListedProblems"/> listed, the rest counted.</summary>
    private sealed class Problems
    {
        private readonly List<ImportProblem> _listed = [];
        private readonly HashSet<int> _malformedLines = [];

        public int Count { get; private set; }

        public IReadOnlyList<ImportProblem> Listed => _listed;

        public int NotListed => Count - _listed.Count;

        public void Add(ImportProblem problem)
        {
            Count++;
            if (_listed.Count < MaxListedProblems)
            {
                _listed.Add(problem);
            }
        }

        public void Malformed(int line, CsvMalformedReason reason)
        {
            _malformedLines.Add(line);
            Add(new ImportProblem(line, null, reason switch
            {
                CsvMalformedReason.UnterminatedQuote => "A quoted value is never closed; the rest of the file is read as part of it.",
                CsvMalformedReason.FieldCountMismatch => "The row has a different number of columns than the header.",
                _ => "The row's quotes are not as CSV has them: a value with a comma or a quote must be in double quotes, with quotes inside doubled.",
            }));
        }

        public bool IsMalformed(int line) => _malformedLines.Contains(line);
    }
}
