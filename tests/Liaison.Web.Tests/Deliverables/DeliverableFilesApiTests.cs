using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Liaison.Core.Features.Deliverables;
using Liaison.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Tests.Deliverables;

/// <summary>
/// Versions as uploaded files through POST /api/v1/deliverables/{id}/versions (multipart), and their download:
/// hostile files refused with nothing kept, the limit answered with 413, files served as attachments only to
/// those who may see them.
/// </summary>
public abstract class DeliverableFilesApiTests(AppFactory app)
{
    private readonly ApiClient _manager = app.ClientFor(Principal.ManagerOnTeam);
    private readonly ApiClient _member = app.ClientFor(Principal.TeamMemberOnTeam);
    private readonly ApiClient _client = app.ClientFor(Principal.ClientOfA);
    private readonly ApiClient _otherClient = app.ClientFor(Principal.ClientOfB);

    private World World => app.World;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUploadedFileIsKeptUnderANormalisedNameAndDownloadedAsAnAttachmentAsync()
    {
        var url = await NewDeliverableInProgressAsync("Launch banner");
        byte[] content = [.. World.Png, .. Encoding.ASCII.GetBytes("pixels")];

        using var uploaded = await _member.PostAsync($"{url}/versions", Form(content, "../../etc/Launch banner?.PNG", notes: "Internal: first cut", link: "https://figma.example/banner"));

        await uploaded.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var version = await uploaded.ReadJsonAsync<VersionView>();
        version.OriginalFileName.ShouldBe("Launch banner.png");
        version.ContentType.ShouldBe("image/png");
        version.SizeBytes.ShouldBe(content.Length);
        version.LinkUrl.ShouldBe("https://figma.example/banner");
        version.Notes.ShouldBe("Internal: first cut");

        await using (var db = await app.OpenDbAsync())
        {
            var key = await db.DeliverableVersions.Where(v => v.Id == version.Id).Select(v => v.StoredFileName).SingleAsync(Ct);
            key.ShouldNotBeNull().ShouldMatch("^[0-9]{4}/[0-9]{2}/[0-9a-f]{32}$");
            File.ReadAllBytes(Path.Combine(app.FilesFolder, key)).ShouldBe(content);
        }

        using var download = await _manager.GetAsync($"{url}/versions/{version.Id}/file");
        await download.ShouldHaveStatusAsync(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("Launch banner.png");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await download.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(content);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>", "banner.png", "markup")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "logo.svg", "markup")]
    [InlineData("<?xml version=\"1.0\"?><svg onload=\"alert(1)\"/>", "chart.png", "markup")]
    [InlineData("%PDF-1.7 a document", "photo.png", "PDF document")]
    [InlineData("MZ\u0090\0\u0003 an executable", "setup.exe", "not accepted")]
    public async Task AHostileOrMislabelledFileIsRefusedAndNothingIsKeptAsync(string content, string name, string reason)
    {
        var url = await NewDeliverableInProgressAsync($"Hostile {name}");
        var filesBefore = StoredFiles();

        using var response = await _member.PostAsync($"{url}/versions", Form(Encoding.UTF8.GetBytes(content), name));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("file").ShouldHaveSingleItem().ShouldContain(reason);
        StoredFiles().ShouldBe(filesBefore);
        (await _manager.GetJsonAsync<DeliverableDetails>(url)).Versions.ShouldBeEmpty();
    }

    [Fact]
    public async Task AFileOverTheLimitIs413AndNothingIsKeptAsync()
    {
        var url = await NewDeliverableInProgressAsync("Huge video");
        var filesBefore = StoredFiles();
        byte[] content = [.. World.Png, .. new byte[AppFactory.MaxUploadBytes]];

        using var response = await _member.PostAsync($"{url}/versions", Form(content, "huge.png"));

        (await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("at most 1 MB");
        StoredFiles().ShouldBe(filesBefore);
        (await _manager.GetJsonAsync<DeliverableDetails>(url)).Versions.ShouldBeEmpty();
    }

    [Fact]
    public async Task AFileWhenNoVersionMayBeAddedIsRefusedBeforeItIsKeptAsync()
    {
        var filesBefore = StoredFiles();

        // The seeded deliverable is in the client's review: no new version until changes are asked for.
        using var inReview = await _member.PostAsync($"/api/v1/deliverables/{World.DeliverableA}/versions", Form(World.Png, "late.png"));
        await inReview.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        using var byClient = await _client.PostAsync($"/api/v1/deliverables/{World.DeliverableA}/versions", Form(World.Png, "client.png"));
        await byClient.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var foreign = await _manager.PostAsync($"/api/v1/deliverables/{World.DeliverableB}/versions", Form(World.Png, "foreign.png"));
        await foreign.ShouldBeProblemAsync(HttpStatusCode.NotFound);

        StoredFiles().ShouldBe(filesBefore);
    }

    [Fact]
    public async Task ABodyThatIsNeitherAFileNorALinkIsABadRequestAsync()
    {
        var url = await NewDeliverableInProgressAsync("Empty handed");

        using var noFile = await _member.PostAsync($"{url}/versions", new MultipartFormDataContent { { new StringContent("just notes"), "notes" } });
        (await noFile.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("file").ShouldNotBeEmpty();
        using var empty = await _member.PostAsync($"{url}/versions", Form([], "empty.png"));
        (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("file").ShouldHaveSingleItem().ShouldContain("empty");
        using var text = await _member.PostAsync($"{url}/versions", new StringContent("https://files.example/v1", Encoding.UTF8, "text/plain"));
        (await text.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("body").ShouldNotBeEmpty();
        using var badLink = await _member.PostAsync($"{url}/versions", Form(World.Png, "ok.png", link: "javascript:alert(1)"));
        (await badLink.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("linkUrl").ShouldNotBeEmpty();
        using var noLink = await _member.PostAsync($"{url}/versions", new { notes = "forgot the link" });
        (await noLink.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("linkUrl").ShouldNotBeEmpty();

        (await _manager.GetJsonAsync<DeliverableDetails>(url)).Versions.ShouldBeEmpty();
    }

    [Fact]
    public async Task AClientDownloadsOnlyTheFilesOfVersionsShownToThemAsync()
    {
        var url = await NewDeliverableInProgressAsync("Brochure");
        var shown = await UploadAsync(url, "brochure-1.pdf", "%PDF-1.7 first");
        await MoveAsync(_member, url, "InternalReview");
        await MoveAsync(_manager, url, "ReadyForClient");
        await MoveAsync(_manager, url, "ClientReview");
        await MoveAsync(_client, url, "ChangesRequested", "Bigger logo.");
        await MoveAsync(_member, url, "InProgress");
        var unseen = await UploadAsync(url, "brochure-2.pdf", "%PDF-1.7 second");

        using var first = await _client.GetAsync($"{url}/versions/{shown}/file");
        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await first.Content.ReadAsStringAsync(Ct)).ShouldBe("%PDF-1.7 first");
        using var second = await _client.GetAsync($"{url}/versions/{unseen}/file");
        await second.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var otherClient = await _otherClient.GetAsync($"{url}/versions/{shown}/file");
        await otherClient.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var wrongDeliverable = await _manager.GetAsync($"/api/v1/deliverables/{World.DeliverableA}/versions/{unseen}/file");
        await wrongDeliverable.ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // A version that is a link has no file.
        var linkOnly = (await _manager.GetJsonAsync<DeliverableDetails>($"/api/v1/deliverables/{World.DeliverableA}")).Versions[0];
        linkOnly.OriginalFileName.ShouldBeNull();
        using var noFile = await _manager.GetAsync($"/api/v1/deliverables/{World.DeliverableA}/versions/{linkOnly.Id}/file");
        await noFile.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<string> NewDeliverableInProgressAsync(string title)
    {
        using var created = await _manager.PostAsync("/api/v1/deliverables", new
        {
            engagementId = World.EngagementA, title, type = "Design",
            assigneeStaffIds = new[] { World.Person(Principal.TeamMemberOnTeam).StaffId },
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var url = $"/api/v1/deliverables/{(await created.ReadJsonAsync<DeliverableDetails>()).Id}";
        await MoveAsync(_member, url, "InProgress");
        return url;
    }

    private async Task<Guid> UploadAsync(string url, string name, string content)
    {
        using var response = await _member.PostAsync($"{url}/versions", Form(Encoding.ASCII.GetBytes(content), name));
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync<VersionView>()).Id;
    }

    private static async Task MoveAsync(ApiClient client, string url, string to, string? comment = null)
    {
        using var response = await client.PostAsync($"{url}/transitions", new { to, comment });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    /// <summary>A version as a browser form would send it; the part's type is what a browser guesses from the name, which the server ignores.</summary>
    private static MultipartFormDataContent Form(byte[] content, string fileName, string? notes = null, string? link = null)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (notes is not null)
        {
            form.Add(new StringContent(notes), "notes");
        }

        if (link is not null)
        {
            form.Add(new StringContent(link), "linkUrl");
        }

        return form;
    }

    private string[] StoredFiles() =>
        Directory.Exists(app.FilesFolder) ? [.. Directory.GetFiles(app.FilesFolder, "*", SearchOption.AllDirectories).Order()] : [];
}

public sealed class DeliverableFilesApiTestsOnSqlite(SqliteApp app) : DeliverableFilesApiTests(app), IClassFixture<SqliteApp>;

public sealed class DeliverableFilesApiTestsOnPostgres(PostgresApp app) : DeliverableFilesApiTests(app), IClassFixture<PostgresApp>;
