using Liaison.Core.Common;
using Liaison.Core.Features.Audit;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Audit;

/// <summary>/api/v1/accounts/{id}/audit: an account's change history, for admins.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/accounts/{accountId:guid}/audit", ListAsync).WithTags("Audit").WithName("ListAccountAudit");
        return api;
    }

    private static async Task<Results<Ok<Page<AuditView>>, ProblemHttpResult>> ListAsync(
        Guid accountId, HttpContext http, AuditService audit, CancellationToken ct, int? limit = null, string? cursor = null) =>
        (await audit.ListForAccountAsync(http.Caller(), accountId, new PageRequest(limit, cursor), ct)).ToOk();
}
