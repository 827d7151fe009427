using Liaison.Core.Access;
using Liaison.Core.Features.Meetings;
using MudBlazor;

namespace Liaison.Web.Features.Meetings.Pages;

/// <summary>Opens the commitment dialogs the same way from the account's tab, a meeting and "My commitments".</summary>
public static class CommitmentDialogs
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    public static async Task<CommitmentView?> OpenAsync(
        IDialogService dialogs, Guid accountId, CurrentUser user, CommitmentSummary? existing, Guid? meetingId = null)
    {
        var parameters = new DialogParameters<CommitmentDialog>
        {
            { d => d.AccountId, accountId },
            { d => d.User, user },
            { d => d.Existing, existing },
            { d => d.MeetingId, meetingId },
        };
        var dialog = await dialogs.ShowAsync<CommitmentDialog>(existing is null ? "Record a commitment" : "Edit commitment", parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: CommitmentView saved } ? saved : null;
    }

    /// <summary>The progress log of a commitment with a form for the next update; <paramref name="status"/> preselects a change of status.</summary>
    public static async Task<CommitmentView?> UpdateAsync(IDialogService dialogs, CurrentUser user, CommitmentSummary commitment, CommitmentStatus? status)
    {
        var parameters = new DialogParameters<CommitmentUpdateDialog>
        {
            { d => d.User, user },
            { d => d.Commitment, commitment },
            { d => d.Status, status },
        };
        var dialog = await dialogs.ShowAsync<CommitmentUpdateDialog>(commitment.Title, parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: CommitmentView saved } ? saved : null;
    }
}
