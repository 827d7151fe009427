using System.Globalization;
using Liaison.Core.Features.Communications;
using MudBlazor;

namespace Liaison.Web.Features.Communications.Pages;

/// <summary>How reply deadlines and business time read on screen.</summary>
public static class SlaLabels
{
    /// <summary>"2 h 05 min", "45 min", "3 d 1 h" for business minutes (a business day is not 24 hours, so days only past 24 h).</summary>
    public static string Duration(int minutes)
    {
        var span = TimeSpan.FromMinutes(Math.Abs(minutes));
        return span.TotalHours switch
        {
            < 1 => $"{span.Minutes} min",
            < 24 => $"{(int)span.TotalHours} h {span.Minutes:00} min",
            _ => $"{span.Days} d {span.Hours} h",
        };
    }

    /// <summary>The countdown of a query still waiting: time left, or how late it is.</summary>
    public static string Countdown(int businessMinutesLeft) =>
        businessMinutesLeft >= 0 ? $"{Duration(businessMinutesLeft)} left" : $"Overdue by {Duration(businessMinutesLeft)}";

    /// <summary>Red once breached, amber inside the last business hour.</summary>
    public static Color CountdownColor(int businessMinutesLeft) => businessMinutesLeft switch
    {
        < 0 => Color.Error,
        < 60 => Color.Warning,
        _ => Color.Success,
    };

    public static Color PriorityColor(QueryPriority priority) => priority switch
    {
        QueryPriority.Urgent => Color.Error,
        QueryPriority.High => Color.Warning,
        QueryPriority.Normal => Color.Info,
        _ => Color.Default,
    };

    public static string Channel(InteractionChannel channel) => channel == InteractionChannel.WhatsApp ? "WhatsApp" : channel.ToString();

    public static string Minutes(int? minutes) => minutes is { } m ? Duration(m) : "—";

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
