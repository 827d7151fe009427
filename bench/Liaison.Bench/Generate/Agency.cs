using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Stakeholders;
using Liaison.Core.Features.Users;

namespace Liaison.Bench.Generate;

/// <summary>
/// The agency as first generated, before its time and relationship history: small enough to hold in
/// memory, and what the streams of time entries, interactions and commitments are drawn from.
/// </summary>
public sealed class Agency
{
    public required DateTime Now { get; init; }

    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The first day time may be logged on: <see cref="Scale.Years"/> years back.</summary>
    public DateOnly FirstDay => Today.AddYears(-Scale.Years);

    public List<StaffMember> Staff { get; } = [];

    public List<StaffRate> Rates { get; } = [];

    public List<LiaisonUser> Users { get; } = [];

    public List<Account> Accounts { get; } = [];

    /// <summary>Each account's share of the agency's work, by rank: a few big clients, many small ones.</summary>
    public double[] AccountWeights { get; set; } = [];

    public List<AccountTeamMember> Team { get; } = [];

    public List<Stakeholder> Stakeholders { get; } = [];

    public List<Engagement> Engagements { get; } = [];

    /// <summary>How many time entries each engagement gets, in the order of <see cref="Engagements"/>.</summary>
    public int[] EntriesPerEngagement { get; set; } = [];

    /// <summary>The first and last day time is logged on each engagement; null for those not yet in delivery.</summary>
    public List<(DateOnly From, DateOnly To)?> WorkWindows { get; } = [];

    public List<RateCardLine> RateCards { get; } = [];

    public List<ProgressReading> ProgressReadings { get; } = [];

    public required LiaisonUser Admin { get; set; }

    public ILookup<Guid, StaffRate> RatesByStaff() => Rates.ToLookup(r => r.StaffId);

    public ILookup<Guid, Stakeholder> StakeholdersByAccount() => Stakeholders.ToLookup(s => s.AccountId);

    public ILookup<Guid, AccountTeamMember> TeamByAccount() => Team.ToLookup(t => t.AccountId);
}
