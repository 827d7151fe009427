using System.ComponentModel.DataAnnotations;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Staff;

public sealed record StaffView(
    Guid Id, string FullName, string Email, string? JobTitle, Discipline Discipline, int WeeklyCapacityMinutes, bool IsActive,
    bool HasSignIn, long Version);

/// <summary>A staff member with their rate history; <paramref name="Rates"/> is null for anyone but an admin.</summary>
public sealed record StaffDetail(StaffView Staff, IReadOnlyList<StaffRateView>? Rates);

public sealed record StaffRateView(Guid Id, DateOnly EffectiveFrom, long CostRate, long BillRate, DateTime CreatedAt);

public sealed record StaffListQuery(string? Search = null, bool IncludeInactive = false, Discipline? Discipline = null, int? Limit = null, string? Cursor = null);

public sealed class StaffInput
{
    [Required(ErrorMessage = "Give the person's name.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Give the person's e-mail address.")]
    [EmailAddress(ErrorMessage = "That is not an e-mail address.")]
    [StringLength(254)]
    public string Email { get; set; } = "";

    [StringLength(100, ErrorMessage = "Keep the job title under 100 characters.")]
    public string? JobTitle { get; set; }

    public Discipline Discipline { get; set; } = Discipline.Other;

    [Range(0, 80 * 60, ErrorMessage = "Weekly capacity is between 0 and 80 hours.")]
    public int WeeklyCapacityMinutes { get; set; } = 37 * 60 + 30;

    public bool IsActive { get; set; } = true;
}

public sealed class StaffRateInput
{
    public DateOnly EffectiveFrom { get; set; }

    [Range(0, 100_000_000, ErrorMessage = "The cost rate is between 0 and 1,000,000.00 an hour.")]
    public long CostRate { get; set; }

    [Range(0, 100_000_000, ErrorMessage = "The bill rate is between 0 and 1,000,000.00 an hour.")]
    public long BillRate { get; set; }
}

/// <summary>The agency's people and their rates. Every staff user may see the directory; only admins see and set rates.</summary>
public sealed class StaffService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    public async Task<Result<Page<StaffView>>> ListAsync(CurrentUser user, StaffListQuery query, CancellationToken ct)
    {
        if (!user.IsStaff)
        {
            return Error.Forbidden("The staff directory is internal to the agency.");
        }

        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        var staff = db.Staff.AsNoTracking();
        if (!query.IncludeInactive)
        {
            staff = staff.Where(s => s.IsActive);
        }

        if (query.Discipline is { } discipline)
        {
            staff = staff.Where(s => s.Discipline == discipline);
        }

        if (Text.Clean(query.Search) is { } search)
        {
            var term = search.ToLower();
            staff = staff.Where(s => s.FullName.ToLower().Contains(term) || s.Email.ToLower().Contains(term)
                || (s.JobTitle != null && s.JobTitle.ToLower().Contains(term)));
        }

        var rows = await staff.OrderBy(s => s.FullName).ThenBy(s => s.Id).Skip(offset).Take(limit + 1)
            .Select(s => new StaffView(s.Id, s.FullName, s.Email, s.JobTitle, s.Discipline, s.WeeklyCapacityMinutes, s.IsActive,
                s.UserId != null, s.Version))
            .ToListAsync(ct);
        return rows.ToPage(offset, limit);
    }

    public async Task<Result<StaffDetail>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var person = user.IsStaff ? await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        return person is null ? Error.NotFound("The staff member") : await DetailAsync(db, user, person, ct);
    }

    public async Task<Result<StaffDetail>> CreateAsync(CurrentUser user, StaffInput input, CancellationToken ct)
    {
        if (CheckAdmin(user) is { } denied)
        {
            return denied;
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbs.OpenAsync(user, ct);
        var email = input.Email.Trim().ToLowerInvariant();
        if (await db.Staff.AnyAsync(s => s.Email == email, ct))
        {
            return Error.Invalid("email", "Someone on the staff already has that e-mail address.");
        }

        var person = new StaffMember { FullName = input.FullName.Trim(), Email = email };
        Apply(person, input);
        db.Staff.Add(person);
        await db.SaveChangesAsync(ct);
        return await DetailAsync(db, user, person, ct);
    }

    public async Task<Result<StaffDetail>> UpdateAsync(CurrentUser user, Guid id, long? expectedVersion, StaffInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var person = user.IsStaff ? await db.Staff.FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        if (person is null)
        {
            return Error.NotFound("The staff member");
        }

        if (CheckAdmin(user) is { } denied)
        {
            return denied;
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (expectedVersion is { } version && person.Version != version)
        {
            return Error.Stale("The staff member");
        }

        var email = input.Email.Trim().ToLowerInvariant();
        if (await db.Staff.AnyAsync(s => s.Email == email && s.Id != id, ct))
        {
            return Error.Invalid("email", "Someone on the staff already has that e-mail address.");
        }

        person.Email = email;
        Apply(person, input);
        return await db.TrySaveAsync("The staff member", ct) is { } stale ? stale : await DetailAsync(db, user, person, ct);
    }

    /// <summary>
    /// Adds a rate from a day on. Time already logged from that day (up to the next rate) is repriced
    /// and its rollups rebuilt in the same transaction; a locked month is never repriced, so a rate
    /// may not start in or before one that holds this person's time.
    /// </summary>
    public async Task<Result<StaffDetail>> AddRateAsync(CurrentUser user, Guid id, StaffRateInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var person = user.IsStaff ? await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        if (person is null)
        {
            return Error.NotFound("The staff member");
        }

        if (CheckAdmin(user) is { } denied)
        {
            return denied;
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (input.EffectiveFrom == default)
        {
            return Error.Invalid("effectiveFrom", "Give the day the rate starts.");
        }

        if (await db.StaffRates.AnyAsync(r => r.StaffId == id && r.EffectiveFrom == input.EffectiveFrom, ct))
        {
            return Error.Invalid("effectiveFrom", "A rate already starts on that day; rates are added, not edited, so pick another day.");
        }

        var month = Money.MonthOf(input.EffectiveFrom);
        var lockedWithTime = await db.MonthLocks.Where(l => l.Month >= month)
            .Where(l => db.TimeEntries.Any(t => t.StaffId == id && t.Date >= l.Month && t.Date < l.Month.AddMonths(1)))
            .OrderBy(l => l.Month).Select(l => (DateOnly?)l.Month).FirstOrDefaultAsync(ct);
        if (lockedWithTime is { } locked)
        {
            return Error.Conflict($"The rate would reprice time in {locked:MMMM yyyy}, which is locked. Start it after that month.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.StaffRates.Add(new StaffRate
        {
            StaffId = id, EffectiveFrom = input.EffectiveFrom, CostRate = input.CostRate, BillRate = input.BillRate,
            CreatedAt = clock.UtcNowStorable(),
        });
        await db.SaveChangesAsync(ct);
        await Repricing.RepriceAsync(db, staffId: id, engagementId: null, from: input.EffectiveFrom, ct);
        await transaction.CommitAsync(ct);
        return await DetailAsync(db, user, person, ct);
    }

    private static Error? CheckAdmin(CurrentUser user) =>
        user.IsAdmin ? null : Error.Forbidden("Only admins manage staff and rates.");

    private static void Apply(StaffMember person, StaffInput input)
    {
        person.FullName = input.FullName.Trim();
        person.JobTitle = Text.Clean(input.JobTitle);
        person.Discipline = input.Discipline;
        person.WeeklyCapacityMinutes = input.WeeklyCapacityMinutes;
        person.IsActive = input.IsActive;
    }

    private static async Task<StaffDetail> DetailAsync(LiaisonDb db, CurrentUser user, StaffMember s, CancellationToken ct)
    {
        var view = new StaffView(s.Id, s.FullName, s.Email, s.JobTitle, s.Discipline, s.WeeklyCapacityMinutes, s.IsActive, s.UserId != null, s.Version);
        if (!user.IsAdmin)
        {
            return new StaffDetail(view, null);
        }

        var rates = await db.StaffRates.AsNoTracking().Where(r => r.StaffId == s.Id).OrderByDescending(r => r.EffectiveFrom)
            .Select(r => new StaffRateView(r.Id, r.EffectiveFrom, r.CostRate, r.BillRate, r.CreatedAt)).ToListAsync(ct);
        return new StaffDetail(view, rates);
    }
}
