using Liaison.Core.Access;
using Liaison.Core.Features.Stakeholders;
using MudBlazor;

namespace Liaison.Web.Features.Stakeholders.Pages;

/// <summary>Opens the stakeholder dialog the same way from the list and from the map.</summary>
public static class StakeholderDialogs
{
    public static async Task<StakeholderView?> OpenAsync(IDialogService dialogs, Guid accountId, CurrentUser user, StakeholderView? existing)
    {
        var parameters = new DialogParameters<StakeholderDialog>
        {
            { d => d.AccountId, accountId },
            { d => d.User, user },
            { d => d.Existing, existing },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<StakeholderDialog>(existing?.FullName ?? "New stakeholder", parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: StakeholderView saved } ? saved : null;
    }
}
