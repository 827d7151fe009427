using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Time;
using Liaison.Web.Components.Shared;
using MudBlazor;

namespace Liaison.Web.Features.Engagements.Pages;

/// <summary>How engagement values read on screen.</summary>
public static class EngagementLabels
{
    public static string Of(EngagementStatus status) => status switch
    {
        EngagementStatus.HandOff => "Hand-off",
        _ => Labels.Of(status),
    };

    public static string Of(EngagementType type) => Labels.Of(type);

    public static Color StatusColor(EngagementStatus status) => status switch
    {
        EngagementStatus.Draft => Color.Default,
        EngagementStatus.HandOff => Color.Info,
        EngagementStatus.InDelivery => Color.Success,
        EngagementStatus.OnHold => Color.Warning,
        EngagementStatus.Completed => Color.Primary,
        _ => Color.Dark,
    };

    public static Color RagColor(Rag rag) => rag switch
    {
        Rag.Red => Color.Error,
        Rag.Amber => Color.Warning,
        _ => Color.Success,
    };

    /// <summary>A budget figure in its unit: money as "12,345.67", time as "12:30 h".</summary>
    public static string Amount(long value, BurnUnit unit) =>
        unit == BurnUnit.Money ? Money.Format(value) : $"{Money.Hours(value)} h";

    /// <summary>
    /// The statuses offered as next steps from a status. Core decides; this only keeps the menu from
    /// offering moves it would refuse (see EngagementService.SetStatusAsync).
    /// </summary>
    /// <summary>The moves Core allows from a status, each with the words of its menu item.</summary>
    public static IReadOnlyList<(EngagementStatus To, string Action)> NextSteps(EngagementStatus from) =>
        [.. EngagementService.NextStatuses(from).Select(to => (to, to switch
        {
            EngagementStatus.InDelivery => from switch
            {
                EngagementStatus.OnHold => "Resume delivery",
                EngagementStatus.Completed => "Reopen",
                _ => "Start delivery",
            },
            EngagementStatus.Draft => "Back to draft",
            EngagementStatus.OnHold => "Put on hold",
            EngagementStatus.Completed => "Mark completed",
            _ => "Cancel engagement",
        }))];
}
