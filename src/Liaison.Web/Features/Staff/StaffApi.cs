using Liaison.Core.Common;
using Liaison.Core.Features.Staff;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Staff;

/// <summary>/api/v1/staff: the agency's people.</summary>
public static class StaffApi
{
    public static RouteGroupBuilder MapStaffApi(this RouteGroupBuilder api)
    {
        api.MapGet("/staff", ListAsync).WithTags("Staff").WithName("ListStaff");
        return api;
    }

    private static async Task<Results<Ok<Page<StaffView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, StaffService staff, CancellationToken ct,
        string? search = null, bool includeInactive = false, int? limit = null, string? cursor = null) =>
        (await staff.ListAsync(http.Caller(), new StaffListQuery(search, includeInactive, limit, cursor), ct)).ToOk();
}
