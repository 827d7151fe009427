using System.Text.RegularExpressions;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Stakeholders;
using MudBlazor;

namespace Liaison.Web.Components.Shared;

/// <summary>How enum values and dates read on screen.</summary>
public static partial class Labels
{
    /// <summary>"DecisionMaker" reads "Decision maker"; "ProcurementLegal" reads "Procurement/legal".</summary>
    public static string Of<T>(T value) where T : struct, Enum => value switch
    {
        StakeholderRole.ProcurementLegal => "Procurement/legal",
        AccountStatus.AtRisk => "At risk",
        AccountStatus.OnHold => "On hold",
        Channel.WhatsApp => "WhatsApp",
        Liaison.Core.Features.Meetings.MeetingType.Qbr => "QBR",
        _ => Sentence(value.ToString()),
    };

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    public static string Date(DateTime? instant) =>
        instant?.ToString("d MMM yyyy HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    public static string Day(DateTime? instant) =>
        instant?.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    public static Color StatusColor(AccountStatus status) => status switch
    {
        AccountStatus.Active => Color.Success,
        AccountStatus.AtRisk => Color.Error,
        AccountStatus.Onboarding => Color.Info,
        AccountStatus.Prospect => Color.Secondary,
        AccountStatus.OnHold => Color.Warning,
        _ => Color.Default,
    };

    public static Color SupportColor(Support support) => support switch
    {
        Support.Champion => Color.Success,
        Support.Supporter => Color.Info,
        Support.Neutral => Color.Default,
        Support.Skeptic => Color.Warning,
        _ => Color.Error,
    };

    /// <summary>"Noor Brennan · Marketing Director": a client's person is easier to pick by role.</summary>
    public static string Person(string fullName, string? title) => title is null ? fullName : $"{fullName} · {title}";

    /// <summary>A share as "83.5 %", or "—" when there is nothing to divide.</summary>
    public static string Percent(decimal? percent) =>
        percent is { } p ? p.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " %" : "—";

    public static DateTime? ToPicker(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? FromPicker(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    private static string Sentence(string pascal)
    {
        var words = WordBoundary().Replace(pascal, " $1").Trim();
        return words.Length == 0 ? words : words[0] + words[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex WordBoundary();
}
