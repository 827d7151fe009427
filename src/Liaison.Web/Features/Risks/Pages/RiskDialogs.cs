using Liaison.Core.Access;
using Liaison.Core.Features.Risks;
using MudBlazor;

namespace Liaison.Web.Features.Risks.Pages;

/// <summary>Opens the register's dialogs the same way from the engagement's and the account's Risks tab.</summary>
public static class RiskDialogs
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    /// <summary>Records a new entry, or edits (or, read-only, shows) an existing one.</summary>
    public static async Task<RiskView?> OpenAsync(
        IDialogService dialogs, Guid accountId, Guid? engagementId, CurrentUser user, RiskView? existing, RiskKind kind = RiskKind.Risk,
        Guid? realisedRiskId = null, bool readOnly = false)
    {
        var parameters = new DialogParameters<RiskDialog>
        {
            { d => d.AccountId, accountId },
            { d => d.EngagementId, engagementId },
            { d => d.User, user },
            { d => d.Existing, existing },
            { d => d.Kind, kind },
            { d => d.RealisedRiskId, realisedRiskId },
            { d => d.ReadOnly, readOnly },
        };
        var title = existing?.Title ?? (kind == RiskKind.Risk ? "Record a risk" : "Record an issue");
        var dialog = await dialogs.ShowAsync<RiskDialog>(title, parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: RiskView saved } ? saved : null;
    }

    public static async Task<RiskView?> ReviewAsync(IDialogService dialogs, CurrentUser user, RiskSummary risk)
    {
        var parameters = new DialogParameters<RiskReviewDialog> { { d => d.User, user }, { d => d.Risk, risk } };
        var dialog = await dialogs.ShowAsync<RiskReviewDialog>($"Review: {risk.Title}", parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: RiskView saved } ? saved : null;
    }

    public static async Task<RiskView?> EscalateAsync(IDialogService dialogs, CurrentUser user, RiskSummary risk)
    {
        var parameters = new DialogParameters<RiskEscalationDialog> { { d => d.User, user }, { d => d.Risk, risk } };
        var dialog = await dialogs.ShowAsync<RiskEscalationDialog>($"Escalate: {risk.Title}", parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: RiskView saved } ? saved : null;
    }
}
