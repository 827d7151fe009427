using Liaison.Core.Access;
using Liaison.Core.Features.Communications;
using MudBlazor;

namespace Liaison.Web.Features.Communications.Pages;

public static class InteractionDialogs
{
    public static async Task<InteractionView?> OpenAsync(IDialogService dialogs, Guid accountId, CurrentUser user, InteractionView? existing, bool asQuery = false)
    {
        var parameters = new DialogParameters<InteractionDialog>
        {
            { d => d.AccountId, accountId },
            { d => d.User, user },
            { d => d.Existing, existing },
            { d => d.AsQuery, asQuery },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<InteractionDialog>(existing?.Subject ?? "Log interaction", parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: InteractionView saved } ? saved : null;
    }

    public static async Task<SlaPolicyView?> OpenPolicyAsync(IDialogService dialogs, Guid accountId, CurrentUser user, SlaPolicyView current)
    {
        var parameters = new DialogParameters<SlaPolicyDialog>
        {
            { d => d.AccountId, accountId },
            { d => d.User, user },
            { d => d.Current, current },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<SlaPolicyDialog>("Reply SLA", parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: SlaPolicyView saved } ? saved : null;
    }
}
