using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Communications;

/// <summary>
/// An account's reply promise. Changing it sets the deadline of queries logged from then on; queries
/// already logged keep the deadline they were given, as the client was told.
/// </summary>
public sealed class SlaPolicyService(IDbContextFactory<LiaisonDb> dbs)
{
    private const string What = "The SLA policy";

    public async Task<Result<SlaPolicyView>> GetAsync(CurrentUser user, Guid accountId, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        if (await InteractionService.CheckReadAsync(db, user, accountId, ct) is { } denied)
        {
            return denied;
        }

        var stored = await db.AccountSlaPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        return ToView(stored ?? new AccountSlaPolicy { AccountId = accountId, Version = 0 }, isDefault: stored is null);
    }

    /// <param name="expectedVersion">The version read; 0 for an account still on the defaults.</param>
    public async Task<Result<SlaPolicyView>> SetAsync(CurrentUser user, Guid accountId, long? expectedVersion, SlaPolicyInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        if (!await AccountAccess.CanSeeAccountAsync(db, user, accountId, ct))
        {
            return Error.NotFound("The account");
        }

        if (!AccountAccess.CanEditAccount(user))
        {
            return Error.Forbidden("Only admins and account managers change an account's SLA policy.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        var holidays = (input.Holidays ?? []).Distinct().Order().ToList();
        var workingDays = (input.WorkingDays ?? []).Distinct().Order().ToList();
        var calendar = BusinessCalendar.TryCreate(input.TimeZoneId.Trim(), workingDays, input.DayStart, input.DayEnd, holidays);
        if (!calendar.IsSuccess)
        {
            return calendar.Error;
        }

        var policy = await db.AccountSlaPolicies.FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        if (expectedVersion is { } version && (policy?.Version ?? 0) != version)
        {
            return Error.Stale(What);
        }

        if (policy is null)
        {
            policy = new AccountSlaPolicy { AccountId = accountId };
            db.AccountSlaPolicies.Add(policy);
        }

        policy.TimeZoneId = calendar.Value.TimeZoneId;
        policy.WorkingDays = workingDays;
        policy.DayStart = input.DayStart;
        policy.DayEnd = input.DayEnd;
        policy.Holidays = holidays;
        policy.UrgentMinutes = input.UrgentMinutes;
        policy.HighMinutes = input.HighMinutes;
        policy.NormalMinutes = input.NormalMinutes;
        policy.LowMinutes = input.LowMinutes;
        try
        {
            return await db.TrySaveAsync(What, ct) is { } stale ? stale : ToView(policy, isDefault: false);
        }
        catch (DbUpdateException) when (policy.Version == 1)
        {
            // Two first saves at once: the unique account index lets one through.
            return Error.Stale(What);
        }
    }

    private static SlaPolicyView ToView(AccountSlaPolicy p, bool isDefault) => new(
        p.AccountId, isDefault, p.TimeZoneId, p.WorkingDays, p.DayStart, p.DayEnd, p.Holidays, p.UrgentMinutes, p.HighMinutes,
        p.NormalMinutes, p.LowMinutes, p.Version);
}
