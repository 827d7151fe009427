using System.Globalization;
using Liaison.Core.Common;
using Liaison.Core.Features.Time;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Liaison.Web.Features.Time;

/// <summary>Time entries in from Harvest and Toggl CSV files, and time and profitability out as CSV or Excel.</summary>
public static class TimeTransferApi
{
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    /// <summary>Room for the multipart framing around the file itself.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public static RouteGroupBuilder MapTimeTransferApi(this RouteGroupBuilder api)
    {
        // Bearer tokens only (see ApiModule), so there is no cookie for a forged form to ride on.
        api.MapPost("/time-entries/import", ImportAsync)
            .WithTags("Time").WithName("ImportTimeEntries")
            .DisableAntiforgery()
            .WithMetadata(new UploadLimit(MaxUploadBytes + FormOverheadBytes))
            // Described, not declared with Accepts: declared content types also filter routing, and a
            // request of another type would then miss the endpoint (404) instead of getting its 403 or 400.
            .AddOpenApiOperationTransformer(DescribeUploadAsync)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/time-entries/export", ExportTimeAsync)
            .WithTags("Time").WithName("ExportTimeEntries")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv", TimeExportService.XlsxContentType);
        api.MapGet("/accounts/{id:guid}/profitability/export", ExportProfitabilityAsync)
            .WithTags("Time").WithName("ExportAccountProfitability")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv", TimeExportService.XlsxContentType);
        return api;
    }

    /// <summary>
    /// Reads the uploaded file and imports it. A dry run answers 200 with the report; a commit answers
    /// 201 with it, or 422 with every problem and nothing written.
    /// </summary>
    /// <param name="dryRun">Check the file without writing anything (the default).</param>
    /// <param name="format">Harvest or Toggl; detected from the header row when left out.</param>
    private static async Task<Results<Ok<ImportReport>, Created<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpContext http, TimeImportService imports, CancellationToken ct, bool dryRun = true, string? format = null)
    {
        var user = http.Caller();
        if (TimeImportService.CheckAccess(user) is { } refused)
        {
            return refused.ToProblem();
        }

        ImportFormat? layout = null;
        if (!string.IsNullOrWhiteSpace(format))
        {
            if (!Enum.TryParse<ImportFormat>(format.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Error.Invalid("format", "The format is Harvest or Toggl, or left out to detect it from the header row.").ToProblem();
            }

            layout = parsed;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = MaxUploadBytes + FormOverheadBytes;
        }

        if (http.Request.ContentLength > MaxUploadBytes + FormOverheadBytes)
        {
            return TooLarge();
        }

        if (!http.Request.HasFormContentType)
        {
            return Error.Invalid("file", "Upload the CSV file as multipart/form-data, in a field named 'file'.").ToProblem();
        }

        IFormFile? file;
        try
        {
            file = (await http.Request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (InvalidDataException)
        {
            return Error.Invalid("file", "The upload is not a well-formed multipart/form-data body.").ToProblem();
        }

        if (file is null)
        {
            return Error.Invalid("file", "Attach the CSV file in a form field named 'file'.").ToProblem();
        }

        if (file.Length > MaxUploadBytes)
        {
            return TooLarge();
        }

        if (file.Length == 0)
        {
            return Error.Invalid("file", "The file is empty.").ToProblem();
        }

        await using var stream = file.OpenReadStream();
        var result = await imports.ImportAsync(user, stream, file.FileName, layout, dryRun, progress: null, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var report = result.Value;
        if (report.DryRun)
        {
            return TypedResults.Ok(report);
        }

        return report.Committed
            ? TypedResults.Created((string?)null, report)
            : TypedResults.Problem(
                detail: string.Create(CultureInfo.InvariantCulture,
                    $"{report.Problems.Count + report.ProblemsNotListed} problem(s) in {report.RowsRead - report.RowsValid} of {report.RowsRead} rows; nothing was imported. Fix the rows and upload the file again."),
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Import refused",
                extensions: new Dictionary<string, object?>
                {
                    ["format"] = report.Format.ToString(),
                    ["rowsRead"] = report.RowsRead,
                    ["rowsValid"] = report.RowsValid,
                    ["problems"] = report.Problems,
                    ["problemsNotListed"] = report.ProblemsNotListed,
                });
    }

    // This handler and the next are internal: DownloadsEndpoints serves the same files to the signed-in browser.
    /// <param name="format">csv (the default) or xlsx.</param>
    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportTimeAsync(
        HttpContext http, TimeExportService exports, CancellationToken ct, string? format = null, Guid? engagementId = null,
        Guid? accountId = null, Guid? staffId = null, DateOnly? from = null, DateOnly? to = null)
    {
        if (!TimeExportService.TryParseFormat(format, out var kind))
        {
            return BadFormat();
        }

        var result = await exports.TimeEntriesAsync(http.Caller(), new TimeEntryQuery(engagementId, accountId, staffId, from, to), kind, ct);
        return result.IsSuccess ? Download(result.Value, ct) : result.Error.ToProblem();
    }

    /// <param name="format">csv (the default) or xlsx.</param>
    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportProfitabilityAsync(
        Guid id, HttpContext http, TimeExportService exports, CancellationToken ct, string? format = null, DateOnly? from = null,
        DateOnly? to = null)
    {
        if (!TimeExportService.TryParseFormat(format, out var kind))
        {
            return BadFormat();
        }

        var result = await exports.ProfitabilityAsync(http.Caller(), id, from, to, kind, ct);
        return result.IsSuccess ? Download(result.Value, ct) : result.Error.ToProblem();
    }

    /// <summary>The file as an attachment, written straight to the response.</summary>
    private static PushStreamHttpResult Download(ExportFile file, CancellationToken ct) =>
        TypedResults.Stream(body => file.WriteAsync(body, ct), file.ContentType, file.FileName);

    private static ProblemHttpResult BadFormat() => Error.Invalid("format", "The format is csv or xlsx.").ToProblem();

    private static ProblemHttpResult TooLarge() => ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "Request too large",
        $"A file to import can be at most {MaxUploadBytes / (1024 * 1024)} MB. Split it by month and import the parts.");

    private static Task DescribeUploadAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["file"] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.String,
                                Format = "binary",
                                Description = "A Harvest detailed time report or a Toggl Track detailed report, as CSV (UTF-8), at most 50 MB.",
                            },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    /// <summary>Raises the server's body limit for this endpoint alone (Kestrel's default is 30 MB).</summary>
    private sealed record UploadLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
