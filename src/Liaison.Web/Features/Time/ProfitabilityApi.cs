using Liaison.Core.Features.Time;
using Liaison.Web.Infrastructure;

namespace Liaison.Web.Features.Time;

/// <summary>Profitability of engagements and accounts, and workload against capacity.</summary>
public static class ProfitabilityApi
{
    public static RouteGroupBuilder MapProfitabilityApi(this RouteGroupBuilder api)
    {
        api.MapGet("/engagements/{id:guid}/profitability",
                async (Guid id, HttpContext http, ProfitabilityService service, CancellationToken ct, DateOnly? from = null, DateOnly? to = null) =>
                    (await service.ForEngagementAsync(http.Caller(), id, from, to, ct)).ToOk())
            .WithTags("Profitability").WithName("GetEngagementProfitability");
        api.MapGet("/accounts/{id:guid}/profitability",
                async (Guid id, HttpContext http, ProfitabilityService service, CancellationToken ct, DateOnly? from = null, DateOnly? to = null) =>
                    (await service.ForAccountAsync(http.Caller(), id, from, to, ct)).ToOk())
            .WithTags("Profitability").WithName("GetAccountProfitability");
        api.MapGet("/workload",
                async (HttpContext http, WorkloadService service, CancellationToken ct, DateOnly? until = null, int weeks = 8) =>
                    (await service.ForStaffAsync(http.Caller(), until, weeks, ct)).ToOk())
            .WithTags("Workload").WithName("GetWorkload");
        api.MapGet("/accounts/{id:guid}/workload",
                async (Guid id, HttpContext http, WorkloadService service, CancellationToken ct) =>
                    (await service.ForAccountTeamAsync(http.Caller(), id, ct)).ToOk())
            .WithTags("Workload").WithName("GetAccountTeamWorkload");
        return api;
    }
}
