using Liaison.Web.Features.Deliverables;
using Liaison.Web.Features.Meetings;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Liaison.Web.Features.Time;

/// <summary>
/// The API's CSV, Excel, iCalendar and deliverable files for the browser: a download link cannot send a bearer token, so
/// these copies of the export endpoints take the sign-in cookie instead. Same handlers, so the same
/// query parameters, files and statuses.
/// </summary>
public static class DownloadsEndpoints
{
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder app)
    {
        // The cookie scheme alone: the default scheme would also accept a bearer token, and tokens
        // belong to the API under /api/v1. GETs that change nothing, so the cookie needs no antiforgery.
        var downloads = app.MapGroup("/downloads")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.ApplicationScheme })
            .ResolveCaller()
            .ExcludeFromDescription();

        downloads.MapGet("/time-entries", TimeTransferApi.ExportTimeAsync);
        downloads.MapGet("/accounts/{id:guid}/profitability", TimeTransferApi.ExportProfitabilityAsync);
        downloads.MapGet("/meetings/{id:guid}/ics", MeetingsApi.CalendarFileAsync);
        downloads.MapGet("/deliverables/{id:guid}/versions/{versionId:guid}/file", DeliverableFilesApi.DownloadAsync);
        return app;
    }
}
