using System.Text.Json;
using Liaison.Core.Common;
using Liaison.Core.Common.Files;
using Liaison.Core.Features.Deliverables;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Liaison.Web.Features.Deliverables;

/// <summary>
/// Versions of deliverables as links or uploaded files, and their files back out. One endpoint takes both
/// bodies, told apart by content type, so a version is a version whichever way it arrives.
/// </summary>
public static class DeliverableFilesApi
{
    /// <summary>Room for the multipart framing and the text fields around the file itself.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    internal static async Task<Results<Created<VersionView>, ProblemHttpResult>> AddVersionAsync(
        Guid id, HttpContext http, DeliverableService deliverables, FileStore files, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        Result<VersionView> result;
        if (http.Request.HasFormContentType)
        {
            var form = await ReadFormAsync(http, files, ct);
            if (!form.IsSuccess)
            {
                return form.Error.ToProblem();
            }

            var (file, input) = form.Value;
            await using var content = file.OpenReadStream();
            result = await deliverables.AddFileVersionAsync(http.Caller(), id, ifMatch.Optional, content, file.FileName, input, ct);
        }
        else
        {
            var input = await ReadJsonAsync(http, ct);
            if (input is null)
            {
                return Error.Invalid("body",
                    "Send the version as JSON ({\"linkUrl\": \"https://…\", \"notes\": \"…\"}) or as multipart/form-data with the file in a field named 'file'.").ToProblem();
            }

            result = await deliverables.AddVersionAsync(http.Caller(), id, ifMatch.Optional, input, ct);
        }

        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/deliverables/{id}/versions", result.Value)
            : result.Error.ToProblem(versionFromIfMatch: true);
    }

    /// <summary>
    /// The file of a version, as an attachment that no browser renders in place: the name was normalised and
    /// the type sniffed when it was kept, and nosniff stops a browser from guessing another.
    /// </summary>
    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, Guid versionId, HttpContext http, DeliverableService deliverables, CancellationToken ct)
    {
        var result = await deliverables.OpenVersionFileAsync(http.Caller(), id, versionId, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var file = result.Value;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Result<(IFormFile File, NewFileVersionInput Input)>> ReadFormAsync(HttpContext http, FileStore files, CancellationToken ct)
    {
        var maxBytes = files.MaxUploadBytes;
        // Kestrel's own limit (30 MB) would cut a legitimate upload short; this endpoint's limit is the store's.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = maxBytes + FormOverheadBytes;
        }

        if (http.Request.ContentLength > maxBytes + FormOverheadBytes)
        {
            return files.TooLarge();
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return files.TooLarge();
        }
        catch (InvalidDataException)
        {
            return Error.Invalid("file", "The upload is not a well-formed multipart/form-data body.");
        }

        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return Error.Invalid("file", "Attach the file in a form field named 'file', or send a link as JSON instead.");
        }

        if (file.Length > maxBytes)
        {
            return files.TooLarge();
        }

        var input = new NewFileVersionInput { LinkUrl = Field(form, "linkUrl"), Notes = Field(form, "notes") };
        return (file, input);
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The JSON body, or null when there is none or it is not JSON at all (field errors come from Core).</summary>
    private static async Task<NewVersionInput?> ReadJsonAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            return await http.Request.ReadFromJsonAsync<NewVersionInput>(ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Both bodies in the OpenAPI document. Described rather than declared with Accepts: declared content
    /// types also filter routing, and a request of another type would miss the endpoint instead of getting its 400.
    /// </summary>
    internal static async Task DescribeVersionBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var linkSchema = await context.GetOrCreateSchemaAsync(typeof(NewVersionInput), cancellationToken: ct);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = linkSchema },
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
                                Type = JsonSchemaType.String, Format = "binary",
                                Description = "The version's file: PDF, image, video, audio, Office document, ZIP or plain text; never HTML, SVG or XML.",
                            },
                            ["notes"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 4000, Description = "What changed, for the reviewer (internal)." },
                            ["linkUrl"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 2000, Description = "A link as well, if there is one." },
                        },
                    },
                },
            },
        };
    }
}
