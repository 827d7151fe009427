using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Deliverables;
using MudBlazor;

namespace Liaison.Web.Features.Deliverables.Pages;

public static class DeliverableDialogs
{
    private static readonly DialogOptions Wide = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
    private static readonly DialogOptions Narrow = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    /// <summary>Logs a request (or edits the brief of one not yet triaged).</summary>
    public static async Task<ClientRequestView?> RequestAsync(IDialogService dialogs, Guid accountId, CurrentUser user, ClientRequestView? existing = null)
    {
        var parameters = new DialogParameters<RequestDialog>
        {
            { d => d.AccountId, accountId },
            { d => d.User, user },
            { d => d.Existing, existing },
        };
        var dialog = await dialogs.ShowAsync<RequestDialog>(existing is null ? "Log a client request" : "Edit the brief", parameters, Wide);
        return await dialog.Result is { Canceled: false, Data: ClientRequestView saved } ? saved : null;
    }

    public static async Task<ClientRequestView?> TriageAsync(IDialogService dialogs, CurrentUser user, ClientRequestView request)
    {
        var parameters = new DialogParameters<TriageDialog> { { d => d.User, user }, { d => d.Request, request } };
        var dialog = await dialogs.ShowAsync<TriageDialog>("Triage", parameters, Wide);
        return await dialog.Result is { Canceled: false, Data: ClientRequestView triaged } ? triaged : null;
    }

    /// <summary>Adds a deliverable to the engagement, or edits one when <paramref name="existing"/> is given.</summary>
    public static async Task<DeliverableDetails?> DeliverableAsync(
        IDialogService dialogs, Guid accountId, Guid engagementId, CurrentUser user, DeliverableDetails? existing = null)
    {
        var parameters = new DialogParameters<DeliverableDialog>
        {
            { d => d.AccountId, accountId },
            { d => d.EngagementId, engagementId },
            { d => d.User, user },
            { d => d.Existing, existing },
        };
        var dialog = await dialogs.ShowAsync<DeliverableDialog>(existing is null ? "New deliverable" : "Edit deliverable", parameters, Wide);
        return await dialog.Result is { Canceled: false, Data: DeliverableDetails saved } ? saved : null;
    }

    /// <summary>
    /// A move that needs words (a comment, or whose decision the agency records). Returns the moved
    /// deliverable, or the error the page should show when the move was refused for its state.
    /// </summary>
    public static async Task<object?> MoveAsync(
        IDialogService dialogs, CurrentUser user, DeliverableDetails deliverable, DeliverableState to, bool needsComment, bool recordsClientDecision)
    {
        var parameters = new DialogParameters<MoveDialog>
        {
            { d => d.User, user },
            { d => d.Deliverable, deliverable },
            { d => d.To, to },
            { d => d.NeedsComment, needsComment },
            { d => d.RecordsClientDecision, recordsClientDecision },
        };
        var dialog = await dialogs.ShowAsync<MoveDialog>(DeliverableLabels.Move(deliverable.State, to), parameters, Narrow);
        return await dialog.Result is { Canceled: false, Data: DeliverableDetails or Error } result ? result.Data : null;
    }

    public static async Task<VersionView?> VersionAsync(IDialogService dialogs, CurrentUser user, DeliverableDetails deliverable)
    {
        var parameters = new DialogParameters<VersionDialog> { { d => d.User, user }, { d => d.Deliverable, deliverable } };
        var dialog = await dialogs.ShowAsync<VersionDialog>("Add version", parameters, Narrow);
        return await dialog.Result is { Canceled: false, Data: VersionView added } ? added : null;
    }
}
