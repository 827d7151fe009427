using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Web.Tests.Infrastructure;

namespace Liaison.Web.Tests.Platform;

/// <summary>docs/openapi.json is the published contract: it must be what the app serves at /openapi/v1.json.</summary>
public static class OpenApiDocument
{
    public const string UpdateVariable = "UPDATE_OPENAPI";

    // Relaxed escaping keeps the committed copy readable: ` and < stay as they are.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string CommittedPath { get; } = Path.Combine(
        typeof(OpenApiDocument).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "docs", "openapi.json");

    public static async Task ShouldMatchCommittedCopyAsync(AppFactory app)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await app.AnonymousClient().GetAsync("/openapi/v1.json");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var served = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await WriteAsync(served, ct);
        }

        File.Exists(CommittedPath).ShouldBeTrue($"{CommittedPath} is missing. {HowToRegenerate}");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(CommittedPath, ct))!;
        var servedLines = Canonical(served).Split('\n');
        var committedLines = Canonical(committed).Split('\n');
        var firstDifference = Enumerable.Range(0, Math.Max(servedLines.Length, committedLines.Length))
            .FirstOrDefault(i => Line(servedLines, i) != Line(committedLines, i), -1);

        firstDifference.ShouldBe(-1,
            $"docs/openapi.json differs from the served document (keys sorted), first at line {firstDifference + 1}:\n" +
            $"  committed: {Line(committedLines, firstDifference)}\n  served:    {Line(servedLines, firstDifference)}\n{HowToRegenerate}");
    }

    private static string HowToRegenerate =>
        $"If the API change is intended, regenerate the copy with {UpdateVariable}=1 " +
        "dotnet test --project tests/Liaison.Web.Tests (or the test executable with -method \"*OpenApiDocument*\"), review the diff and commit it.";

    private static string Line(string[] lines, int index) => index >= 0 && index < lines.Length ? lines[index] : "(end of document)";

    /// <summary>Written through a temporary file: both providers' classes may write at once.</summary>
    private static async Task WriteAsync(JsonNode served, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CommittedPath)!);
        var temporary = $"{CommittedPath}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(temporary, served.ToJsonString(Indented) + "\n", ct);
        File.Move(temporary, CommittedPath, overwrite: true);
    }

    /// <summary>Property order carries no meaning in JSON; sorting keys leaves only real differences.</summary>
    private static string Canonical(JsonNode node) => Sorted(node)?.ToJsonString(Indented) ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
