using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;

namespace Liaison.Core.Features.Communications;

/// <summary>
/// An account's promise on replies: its business calendar and the reply time per priority. Accounts
/// without one use <see cref="Defaults"/>, so every query has a deadline from the first day.
/// </summary>
public sealed class AccountSlaPolicy : Entity, IAccountOwned
{
    public Guid AccountId { get; set; }

    public string TimeZoneId { get; set; } = Defaults.TimeZoneId;

    public List<DayOfWeek> WorkingDays { get; set; } = [.. Defaults.WorkingDays];

    public TimeOnly DayStart { get; set; } = Defaults.DayStart;

    public TimeOnly DayEnd { get; set; } = Defaults.DayEnd;

    public List<DateOnly> Holidays { get; set; } = [];

    public int UrgentMinutes { get; set; } = Defaults.UrgentMinutes;

    public int HighMinutes { get; set; } = Defaults.HighMinutes;

    public int NormalMinutes { get; set; } = Defaults.NormalMinutes;

    public int LowMinutes { get; set; } = Defaults.LowMinutes;

    /// <summary>The policy an account has until someone sets one: Monday to Friday, 09:00–17:00 UTC, and <see cref="SlaPolicy.Default"/>.</summary>
    public static class Defaults
    {
        public const string TimeZoneId = "UTC";

        public static readonly IReadOnlyList<DayOfWeek> WorkingDays =
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

        public static readonly TimeOnly DayStart = new(9, 0);

        public static readonly TimeOnly DayEnd = new(17, 0);

        public const int UrgentMinutes = 2 * 60;

        public const int HighMinutes = 4 * 60;

        public const int NormalMinutes = 8 * 60;

        public const int LowMinutes = 16 * 60;
    }

    /// <summary>The calendar and reply times as the SLA arithmetic needs them; stored values were validated on the way in.</summary>
    public (BusinessCalendar Calendar, SlaPolicy Policy) Resolve()
    {
        var calendar = BusinessCalendar.TryCreate(TimeZoneId, WorkingDays, DayStart, DayEnd, Holidays);
        var policy = SlaPolicy.TryCreate(
            TimeSpan.FromMinutes(LowMinutes), TimeSpan.FromMinutes(NormalMinutes), TimeSpan.FromMinutes(HighMinutes), TimeSpan.FromMinutes(UrgentMinutes));
        return calendar.IsSuccess && policy.IsSuccess
            ? (calendar.Value, policy.Value)
            : throw new InvalidOperationException($"The SLA policy of account {AccountId} is invalid; fix it on the account's SLA settings.");
    }
}
