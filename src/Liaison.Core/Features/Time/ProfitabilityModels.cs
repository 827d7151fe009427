using Liaison.Core.Features.Engagements;

namespace Liaison.Core.Features.Time;

public sealed record MonthFigures(DateOnly Month, long Revenue, long Cost, long Margin, long Minutes);

public sealed record BurnPoint(DateOnly Month, long Consumed, long Cumulative, long Budget);

public sealed record StaffFigures(Guid StaffId, string FullName, long Minutes, long BillableMinutes, long Cost, long BillableValue);

/// <param name="Revenue">Recognised in the range (see docs/profitability.md).</param>
/// <param name="MarginPercent">Margin ÷ revenue; null without revenue.</param>
public sealed record EngagementProfitability(
    Guid EngagementId, Guid AccountId, string Name, EngagementType Type, DateOnly From, DateOnly To,
    long Revenue, long TimeCost, long ExpenseCost, long Cost, long Margin, decimal? MarginPercent,
    long Minutes, long BillableMinutes, BurnUnit BurnUnit, BurnForecast? Burn,
    IReadOnlyList<MonthFigures> Months, IReadOnlyList<BurnPoint> BurnUp, IReadOnlyList<StaffFigures> ByStaff);

public sealed record AccountProfitability(
    Guid AccountId, string Name, DateOnly From, DateOnly To, long Revenue, long Cost, long Margin, decimal? MarginPercent,
    long Minutes, IReadOnlyList<MonthFigures> Months, IReadOnlyList<EngagementProfitability> Engagements);
