using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Web.Tests.Infrastructure;

/// <summary>One routable endpoint of the running app, keyed as "METHOD /route/{param}".</summary>
public sealed record EndpointInfo(string Method, string Route, RouteEndpoint Endpoint)
{
    public string Key => $"{Method} {Route}";
}

/// <summary>Reads the endpoints the app really maps, so tests notice new ones without being told.</summary>
public static partial class EndpointCatalog
{
    public static IReadOnlyList<EndpointInfo> All(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => new EndpointInfo(method, Normalise(e.RoutePattern.RawText ?? ""), e)))];

    public static IReadOnlyList<EndpointInfo> Api(IServiceProvider services) =>
        [.. All(services).Where(e => e.Route.StartsWith("/api/v1/", StringComparison.Ordinal) || e.Route == "/api/v1")];

    /// <summary>"/api/v1/accounts/{id:guid}/" becomes "/api/v1/accounts/{id}": constraints and the trailing slash say nothing about access.</summary>
    public static string Normalise(string rawRoute)
    {
        var route = RouteConstraint().Replace(rawRoute, "{$1}");
        route = "/" + route.Trim('/');
        return route;
    }

    [GeneratedRegex(@"\{(\*{0,2}[A-Za-z_][A-Za-z0-9_]*\??)(?::[^}]*)?\}")]
    private static partial Regex RouteConstraint();
}
