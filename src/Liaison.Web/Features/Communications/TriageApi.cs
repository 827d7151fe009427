using Liaison.Core.Common;
using Liaison.Core.Features.Communications;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Communications;

/// <summary>/api/v1/inbound-triage: inbound e-mail that matched no stakeholder, filed under an account or dismissed.</summary>
public static class TriageApi
{
    public static RouteGroupBuilder MapTriageApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/inbound-triage").WithTags("Interactions");
        group.MapGet("/", async (HttpContext http, TriageService triage, CancellationToken ct, TriageStatus? status = null, int? limit = null, string? cursor = null) =>
                (await triage.ListAsync(http.Caller(), new TriageListQuery(status, limit, cursor), ct)).ToOk())
            .WithName("ListTriageMessages").WithDescription("Admins and account managers; newest first; status defaults to Pending.");
        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, TriageService triage, CancellationToken ct) =>
                (await triage.GetAsync(http.Caller(), id, ct)).ToOk())
            .WithName("GetTriageMessage");
        group.MapPost("/{id:guid}/file", async (Guid id, FileTriageInput input, HttpContext http, TriageService triage, CancellationToken ct) =>
                (await triage.FileAsync(http.Caller(), id, input, ct)).ToOk())
            .WithName("FileTriageMessage")
            .WithDescription("Makes the message an inbound e-mail interaction of the account (a query unless isQuery=false); a message already filed or dismissed is 409.");
        group.MapPost("/{id:guid}/dismiss", async (Guid id, HttpContext http, TriageService triage, CancellationToken ct) =>
                (await triage.DismissAsync(http.Caller(), id, ct)).ToOk())
            .WithName("DismissTriageMessage");
        return api;
    }
}
