using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Liaison.Web.Infrastructure;

/// <summary>The published description of /api/v1; a copy is committed at docs/openapi.json and kept in sync by a test.</summary>
public static class OpenApiDocument
{
    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Liaison API",
                Version = "v1",
                Description = "Accounts, stakeholders and teams of an agency. Authenticate with `Authorization: Bearer <personal access token>` " +
                    "(POST /api/v1/tokens). Lists page with `limit` and `cursor`; updates need `If-Match`; writes accept `Idempotency-Key`.",
            };
            // The server is whatever host serves the document; a fixed one would make the committed copy drift.
            document.Servers = [];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal access token.",
                },
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
            return Task.CompletedTask;
        });
    }
}
