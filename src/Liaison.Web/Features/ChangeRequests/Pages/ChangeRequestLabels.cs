using System.Globalization;
using Liaison.Core.Features.ChangeRequests;
using Liaison.Core.Features.Time;
using MudBlazor;

namespace Liaison.Web.Features.ChangeRequests.Pages;

/// <summary>How change requests read on screen.</summary>
public static class ChangeRequestLabels
{
    public static Color StateColor(ChangeRequestState state) => state switch
    {
        ChangeRequestState.Proposed => Color.Info,
        ChangeRequestState.Approved => Color.Success,
        ChangeRequestState.Rejected => Color.Error,
        ChangeRequestState.Applied => Color.Primary,
        _ => Color.Default,
    };

    /// <summary>A change in time, signed: "+20:00 h", "-2:00 h"; a dash for none unless <paramref name="showZero"/>.</summary>
    public static string Hours(long minutes, bool showZero = false) =>
        minutes == 0 && !showZero ? "—" : $"{(minutes > 0 ? "+" : "")}{Money.Hours(minutes)} h";

    /// <summary>A change in money, signed: "+3,000.00"; a dash for none unless <paramref name="showZero"/>.</summary>
    public static string Fee(long minor, bool showZero = false) =>
        minor == 0 && !showZero ? "—" : $"{(minor > 0 ? "+" : "")}{Money.Format(minor)}";

    /// <summary>A shift of the end date: "+14 days", "-1 day"; a dash for none unless <paramref name="showZero"/>.</summary>
    public static string Days(int days, bool showZero = false) =>
        days == 0 && !showZero ? "—" : $"{(days > 0 ? "+" : "")}{days.ToString(CultureInfo.InvariantCulture)} day{(Math.Abs(days) == 1 ? "" : "s")}";

    public static string RequestedBy(ChangeRequestView change) =>
        change.RequestedByStakeholder is { } client ? $"{client.Name} (client)"
        : change.RequestedByStaff is { } staff ? $"{staff.Name} (agency)"
        : "—";
}
