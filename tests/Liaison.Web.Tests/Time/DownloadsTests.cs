using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Liaison.Core.Features.Time;
using Liaison.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Liaison.Web.Tests.Time;

/// <summary>
/// GET /downloads/time-entries, GET /downloads/accounts/{id}/profitability and GET
/// /downloads/meetings/{id}/ics: the API's files for the browser, which sends its sign-in cookie and never a bearer token. The cookie is got as a
/// browser gets it, by posting the sign-in form.
/// </summary>
public abstract partial class DownloadsTests(AppFactory app)
{
    private static readonly string[] Downloads =
    [
        "/downloads/time-entries",
        "/downloads/accounts/{0}/profitability",
        "/downloads/meetings/{1}/ics",
    ];

    private World World => app.World;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Url(string template) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, World.AccountA, World.MeetingA);

    [Fact]
    public async Task AnAnonymousBrowserIsSentToSignInAsync()
    {
        var anonymous = app.AnonymousClient();
        foreach (var download in Downloads)
        {
            using var response = await anonymous.GetAsync(Url(download));

            await response.ShouldHaveStatusAsync(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldContain("/login?ReturnUrl=", Case.Sensitive, download);
        }
    }

    [Fact]
    public async Task ABearerTokenDoesNotOpenThemAsync()
    {
        // Tokens are for /api/v1; these endpoints take the cookie alone.
        var withToken = app.ClientFor(Principal.Admin);
        foreach (var download in Downloads)
        {
            using var response = await withToken.GetAsync(Url(download));

            await response.ShouldHaveStatusAsync(HttpStatusCode.Redirect);
        }
    }

    [Fact]
    public async Task ASignedInBrowserDownloadsTheTimeOfAnEngagementAsCsvAsync()
    {
        var browser = await SignInAsync(Principal.ManagerOnTeam);

        using var response = await browser.GetAsync($"/downloads/time-entries?engagementId={World.EngagementA}&format=csv");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition?.DispositionType.ShouldBe("attachment");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        bytes[..3].ShouldBe(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).TrimEnd('\r', '\n').Split("\r\n");
        lines.ShouldBe([
            "Date,Account,Engagement,Person,Hours,Minutes,Billable,Note",
            $"2026-03-10,{World.AccountAName},Matrix engagement,Tara Teammember,1.50,90,Yes,Internal: seeded",
        ]);
    }

    [Fact]
    public async Task ASignedInBrowserDownloadsAccountProfitabilityAsExcelAsync()
    {
        var browser = await SignInAsync(Principal.ManagerOnTeam);

        using var response = await browser.GetAsync($"/downloads/accounts/{World.AccountA}/profitability?format=xlsx");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(TimeExportService.XlsxContentType);
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        using var workbook = new XLWorkbook(body);
        var sheet = workbook.Worksheet(1);
        sheet.Cell(1, 1).GetString().ShouldBe("Line");
        sheet.Column(1).CellsUsed().Select(c => c.GetString()).ShouldContain("Total");
    }

    [Fact]
    public async Task ASignedInBrowserDownloadsAMeetingAsAnICalendarFileAsync()
    {
        var client = await SignInAsync(Principal.ClientOfA);

        using var response = await client.GetAsync($"/downloads/meetings/{World.MeetingA}/ics");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/calendar");
        response.Content.Headers.ContentDisposition?.DispositionType.ShouldBe("attachment");
        var text = await response.Content.ReadAsStringAsync(Ct);
        text.ShouldContain($"UID:meeting-{World.MeetingA}@liaison");
        text.ShouldNotContain("Internal:");

        using var foreign = await client.GetAsync($"/downloads/meetings/{World.MeetingB}/ics");
        await foreign.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ASignedInBrowserDownloadsADeliverablesFileOnlyWhereItMaySeeItAsync()
    {
        Guid versionA;
        await using (var db = await app.OpenDbAsync())
        {
            versionA = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.DeliverableVersions.Where(v => v.DeliverableId == World.DeliverableA && v.StoredFileName != null).Select(v => v.Id), Ct);
        }

        var url = $"/downloads/deliverables/{World.DeliverableA}/versions/{versionA}/file";
        var client = await SignInAsync(Principal.ClientOfA);
        using var response = await client.GetAsync(url);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition?.DispositionType.ShouldBe("attachment");
        (await response.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(World.Png);

        var otherClient = await SignInAsync(Principal.ClientOfB);
        using var foreign = await otherClient.GetAsync(url);
        await foreign.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var anonymous = await app.AnonymousClient().GetAsync(url);
        await anonymous.ShouldHaveStatusAsync(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task TheyAnswerAsTheApiDoesAsync()
    {
        var manager = await SignInAsync(Principal.ManagerOnTeam);

        using var badFormat = await manager.GetAsync("/downloads/time-entries?format=pdf");
        (await badFormat.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("format").ShouldNotBeEmpty();

        // Account B is not on the manager's team: it answers exactly like a missing account.
        using var foreign = await manager.GetAsync($"/downloads/accounts/{World.AccountB}/profitability");
        await foreign.ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var client = await SignInAsync(Principal.ClientOfA);
        using var time = await client.GetAsync("/downloads/time-entries");
        await time.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>A browser-like client (cookies kept, redirects not followed) signed in through the sign-in form.</summary>
    private async Task<ApiClient> SignInAsync(Principal who)
    {
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await http.GetStringAsync("/login", Ct);
        var antiforgery = AntiforgeryField().Match(form);
        antiforgery.Success.ShouldBeTrue("The sign-in form has no antiforgery token.");

        using var response = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery.Groups[1].Value),
            ["Input.Email"] = World.Person(who).Email,
            ["Input.Password"] = World.Password,
        }), Ct);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Redirect);
        response.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeTrue("Signing in set no cookie.");
        cookies.ShouldContain(c => c.StartsWith("liaison.auth=", StringComparison.Ordinal));
        return new ApiClient(http);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class DownloadsTestsOnSqlite(SqliteApp app) : DownloadsTests(app), IClassFixture<SqliteApp>;

public sealed class DownloadsTestsOnPostgres(PostgresApp app) : DownloadsTests(app), IClassFixture<PostgresApp>;
