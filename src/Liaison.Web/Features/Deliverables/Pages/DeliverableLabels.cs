using System.Globalization;
using System.Text.RegularExpressions;
using Liaison.Core.Features.Deliverables;
using Liaison.Web.Components.Shared;
using MudBlazor;

namespace Liaison.Web.Features.Deliverables.Pages;

/// <summary>How requests and deliverables read on screen, and the words of each move of the workflow.</summary>
public static partial class DeliverableLabels
{
    public static string Of(DeliverableState state) => state switch
    {
        DeliverableState.ReadyForClient => "Ready for the client",
        _ => Labels.Of(state),
    };

    public static string Of(DeliverableType type) => Labels.Of(type);

    public static string Of(RequestOutcome? outcome) => outcome switch
    {
        null => "Waiting for triage",
        RequestOutcome.Deliverables => "Deliverables",
        RequestOutcome.ChangeRequest => "Change request",
        _ => "Declined",
    };

    public static Color OutcomeColor(RequestOutcome? outcome) => outcome switch
    {
        null => Color.Warning,
        RequestOutcome.Deliverables => Color.Success,
        RequestOutcome.ChangeRequest => Color.Info,
        _ => Color.Default,
    };

    public static Color StateColor(DeliverableState state) => state switch
    {
        DeliverableState.Briefed => Color.Default,
        DeliverableState.InProgress => Color.Info,
        DeliverableState.InternalReview => Color.Warning,
        DeliverableState.ReadyForClient => Color.Primary,
        DeliverableState.ClientReview => Color.Secondary,
        DeliverableState.ChangesRequested => Color.Error,
        DeliverableState.Approved => Color.Success,
        _ => Color.Dark,
    };

    /// <summary>The button's words for a move from one state to another.</summary>
    public static string Move(DeliverableState from, DeliverableState to) => (from, to) switch
    {
        (DeliverableState.Briefed, DeliverableState.InProgress) => "Start work",
        (DeliverableState.InProgress, DeliverableState.InternalReview) => "Submit for internal review",
        (DeliverableState.InternalReview, DeliverableState.InProgress) => "Send back to work",
        (DeliverableState.InternalReview, DeliverableState.ReadyForClient) => "Pass the filter",
        (DeliverableState.ReadyForClient, DeliverableState.InProgress) => "Back to work",
        (DeliverableState.ReadyForClient, DeliverableState.ClientReview) => "Send to the client",
        (DeliverableState.ClientReview, DeliverableState.ChangesRequested) => "Client requested changes",
        (DeliverableState.ClientReview, DeliverableState.Approved) => "Client approved",
        (DeliverableState.ClientReview, DeliverableState.InProgress) => "Withdraw from the client",
        (DeliverableState.ChangesRequested, DeliverableState.InProgress) => "Work on the changes",
        (DeliverableState.Approved, DeliverableState.Delivered) => "Mark delivered",
        _ => $"Move to {Of(to).ToLowerInvariant()}",
    };

    /// <summary>"ReadyForClient" as "ready-for-client", for element ids.</summary>
    public static string Id<T>(T value) where T : struct, Enum => WordBoundary().Replace(value.ToString(), "-$1").ToLowerInvariant();

    public static string Outcome(ReviewOutcome? outcome) => outcome switch
    {
        null => "Open",
        ReviewOutcome.Approved => "Approved",
        ReviewOutcome.ChangesRequested => "Changes requested",
        _ => "Withdrawn",
    };

    public static Color OutcomeColor(ReviewOutcome? outcome) => outcome switch
    {
        null => Color.Warning,
        ReviewOutcome.Approved => Color.Success,
        ReviewOutcome.ChangesRequested => Color.Error,
        _ => Color.Default,
    };

    /// <summary>Only http and https addresses become links: data can arrive by other roads than the form.</summary>
    /// <summary>A file size as people read it: "820 KB", "4.2 MB".</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    public static bool IsWebAddress(string? url) => url is not null && WebAddress.IsValid(url);

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex WordBoundary();
}
