using System.Net;
using Liaison.Web.Tests.Infrastructure;

namespace Liaison.Web.Tests.Platform;

/// <summary>Health, unknown routes, security headers and the published API description: what the whole app shares.</summary>
public abstract class PlatformTests(AppFactory app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpointsAnswerOkWithoutSignInAsync(string path)
    {
        using var response = await app.AnonymousClient().GetAsync(path);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnknownApiPathIsNotFoundProblemAsync()
    {
        using var response = await app.ClientFor(Principal.Admin).GetAsync("/api/v1/nope");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ApiResponsesCarrySecurityHeadersAsync()
    {
        using var response = await app.ClientFor(Principal.Admin).GetAsync("/api/v1/accounts");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        ShouldHaveSecurityHeaders(response);
    }

    [Fact]
    public async Task LoginPageCarriesSecurityHeadersAsync()
    {
        using var response = await app.AnonymousClient().GetAsync("/login");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        ShouldHaveSecurityHeaders(response);
    }

    [Fact]
    public Task OpenApiDocumentMatchesTheCommittedCopyAsync() => OpenApiDocument.ShouldMatchCommittedCopyAsync(app);

    [Fact]
    public async Task ApiReferencePageIsServedAsync()
    {
        // The reference page lives at /api/docs/ and the bare path redirects there.
        using var redirect = await app.AnonymousClient().GetAsync("/api/docs");
        await redirect.ShouldHaveStatusAsync(HttpStatusCode.Found);
        var page = new Uri(redirect.RequestMessage!.RequestUri!, redirect.Headers.Location!).AbsolutePath;
        page.ShouldBe("/api/docs/");

        using var response = await app.AnonymousClient().GetAsync(page);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        Header(response, "Content-Security-Policy").ShouldContain("frame-ancestors 'none'");
    }

    private static void ShouldHaveSecurityHeaders(HttpResponseMessage response)
    {
        Header(response, "Content-Security-Policy").ShouldContain("frame-ancestors 'none'");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "Referrer-Policy").ShouldNotBeNullOrWhiteSpace();
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ForwardedHeadersCountOnlyWhenTheProxyIsTrustedAsync(bool trusted)
    {
        await using var host = app.WithWebHostBuilder(b => b.UseSetting("Proxy:TrustForwardedHeaders", trusted ? "true" : "false"));
        using var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        // As a TLS-terminating load balancer would send it, for a public host name (HSTS skips localhost).
        request.Headers.Host = "liaison.example";
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").ShouldBe(trusted);
    }
}

public sealed class PlatformTestsOnSqlite(SqliteApp app) : PlatformTests(app), IClassFixture<SqliteApp>;

public sealed class PlatformTestsOnPostgres(PostgresApp app) : PlatformTests(app), IClassFixture<PostgresApp>;
