using Liaison.Core.Features.Risks;
using MudBlazor;

namespace Liaison.Web.Features.Risks.Pages;

/// <summary>How the register's scales, levels and statuses read and look on screen.</summary>
public static class RiskLabels
{
    private static readonly string[] Probabilities = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];

    private static readonly string[] Impacts = ["Negligible", "Minor", "Moderate", "Major", "Severe"];

    public static string Probability(int value) => value is >= 1 and <= 5 ? $"{value} · {Probabilities[value - 1]}" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Impact(int value) => value is >= 1 and <= 5 ? $"{value} · {Impacts[value - 1]}" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Color LevelColor(RiskLevel level) => level switch
    {
        RiskLevel.Critical => Color.Error,
        RiskLevel.High => Color.Warning,
        RiskLevel.Medium => Color.Info,
        _ => Color.Success,
    };

    /// <summary>The heat map's fill: green to red, light enough for dark text.</summary>
    public static string LevelFill(RiskLevel level) => level switch
    {
        RiskLevel.Critical => "#ef9a9a",
        RiskLevel.High => "#ffcc80",
        RiskLevel.Medium => "#fff59d",
        _ => "#c8e6c9",
    };

    public static Color StatusColor(RiskStatus status) => status switch
    {
        RiskStatus.Open => Color.Warning,
        RiskStatus.Mitigating => Color.Info,
        RiskStatus.Realised => Color.Error,
        _ => Color.Success,
    };

    /// <summary>The statuses the dialog offers for an item of the kind; a realised risk shows its status but cannot leave it.</summary>
    public static IReadOnlyList<RiskStatus> Choices(RiskKind kind, RiskStatus current) =>
        current == RiskStatus.Realised
            ? [RiskStatus.Realised]
            : [.. Enum.GetValues<RiskStatus>().Where(s => RiskRules.MaySet(kind, s))];
}
