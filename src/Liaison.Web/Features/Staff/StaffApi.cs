using Liaison.Core.Common;
using Liaison.Core.Features.Staff;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Staff;

/// <summary>/api/v1/staff: the agency's people, their capacity and (for admins) their rates.</summary>
public static class StaffApi
{
    public static RouteGroupBuilder MapStaffApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/staff").WithTags("Staff");
        group.MapGet("/", ListAsync).WithName("ListStaff");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetStaffMember");
        group.MapPost("/", CreateAsync).WithName("CreateStaffMember");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateStaffMember");
        group.MapPost("/{id:guid}/rates", AddRateAsync).WithName("AddStaffRate");
        return api;
    }

    private static async Task<Results<Ok<Page<StaffView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, StaffService staff, CancellationToken ct,
        string? search = null, bool includeInactive = false, Discipline? discipline = null, int? limit = null, string? cursor = null) =>
        (await staff.ListAsync(http.Caller(), new StaffListQuery(search, includeInactive, discipline, limit, cursor), ct)).ToOk();

    private static async Task<Results<Ok<StaffDetail>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, StaffService staff, CancellationToken ct)
    {
        var result = await staff.GetAsync(http.Caller(), id, ct);
        if (result.IsSuccess)
        {
            http.SetETag(result.Value.Staff.Version);
        }

        return result.ToOk();
    }

    private static async Task<Results<Created<StaffDetail>, ProblemHttpResult>> CreateAsync(
        StaffInput input, HttpContext http, StaffService staff, CancellationToken ct)
    {
        var result = await staff.CreateAsync(http.Caller(), input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Staff.Version);
        return TypedResults.Created($"/api/v1/staff/{result.Value.Staff.Id}", result.Value);
    }

    private static async Task<Results<Ok<StaffDetail>, ProblemHttpResult>> UpdateAsync(
        Guid id, StaffInput input, HttpContext http, StaffService staff, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await staff.UpdateAsync(http.Caller(), id, ifMatch.Required, input, ct);
        return result.ToUpdateResponse(http, ifMatch, r => r.Staff.Version);
    }

    private static async Task<Results<Ok<StaffDetail>, ProblemHttpResult>> AddRateAsync(
        Guid id, StaffRateInput input, HttpContext http, StaffService staff, CancellationToken ct) =>
        (await staff.AddRateAsync(http.Caller(), id, input, ct)).ToOk();
}
