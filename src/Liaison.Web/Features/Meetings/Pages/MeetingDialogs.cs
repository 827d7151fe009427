using Liaison.Core.Access;
using Liaison.Core.Features.Meetings;
using MudBlazor;

namespace Liaison.Web.Features.Meetings.Pages;

/// <summary>Opens the meeting dialog the same way from the account's list and from the meeting's page.</summary>
public static class MeetingDialogs
{
    public static async Task<MeetingView?> OpenAsync(IDialogService dialogs, Guid accountId, CurrentUser user, MeetingView? existing, MeetingForm? defaults = null)
    {
        var parameters = new DialogParameters<MeetingDialog>
        {
            { d => d.AccountId, accountId },
            { d => d.User, user },
            { d => d.Existing, existing },
            { d => d.Defaults, defaults },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };
        var dialog = await dialogs.ShowAsync<MeetingDialog>(existing?.Title ?? "New meeting", parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: MeetingView saved } ? saved : null;
    }
}
