using Liaison.Web.Features.Accounts;
using Liaison.Web.Features.Audit;
using Liaison.Web.Features.ChangeRequests;
using Liaison.Web.Features.Communications;
using Liaison.Web.Features.Deliverables;
using Liaison.Web.Features.Engagements;
using Liaison.Web.Features.Insights;
using Liaison.Web.Features.Integrations;
using Liaison.Web.Features.Meetings;
using Liaison.Web.Features.Recommendations;
using Liaison.Web.Features.Risks;
using Liaison.Web.Features.Staff;
using Liaison.Web.Features.Stakeholders;
using Liaison.Web.Features.Time;
using Liaison.Web.Features.Users;
using Liaison.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Liaison.Web.Infrastructure;

public static class ApiModule
{
    /// <summary>Every /api/v1 endpoint: authenticated by default, the caller resolved once, errors as ProblemDetails.</summary>
    public static IEndpointRouteBuilder MapLiaisonApi(this IEndpointRouteBuilder app)
    {
        // Bearer tokens only: the browser's cookie never authenticates an API call, so another site
        // cannot ride a signed-in user's session (CSRF). The UI calls Core directly, not the API.
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = PersonalAccessTokenHandler.SchemeName })
            .ResolveCaller()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapTokensApi();
        api.MapUsersApi();
        api.MapAccountsApi();
        api.MapStakeholdersApi();
        api.MapStaffApi();
        api.MapAuditApi();
        api.MapEngagementsApi();
        api.MapChangeRequestsApi();
        api.MapTimeApi();
        api.MapExpensesApi();
        api.MapProfitabilityApi();
        api.MapTimeTransferApi();
        api.MapAccountPlanApi();
        api.MapMeetingsApi();
        api.MapCommitmentsApi();
        api.MapCalendarFeedApi();
        app.MapCalendarFeed();
        api.MapRecommendationsApi();
        api.MapInsightsApi();
        api.MapInteractionsApi();
        api.MapRepliesApi();
        api.MapTriageApi();
        api.MapRisksApi();
        api.MapRequestsApi();
        api.MapDeliverablesApi();

        // Unknown API paths answer ProblemDetails, not the UI's not-found page.
        app.Map("/api/{**path}", () => ProblemResults.Problem(StatusCodes.Status404NotFound, "Not found", "There is no such API endpoint."))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
