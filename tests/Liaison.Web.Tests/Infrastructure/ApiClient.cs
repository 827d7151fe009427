using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Liaison.Web.Tests.Infrastructure;

/// <summary>An HTTP client of the API acting as one caller, with the API's JSON conventions.</summary>
public sealed class ApiClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public HttpClient Http => http;

    /// <summary>A body sent exactly as written, for JSON the typed models could not produce.</summary>
    public static HttpContent RawJson(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(HttpMethod.Get, url);

    public Task<HttpResponseMessage> PostAsync(string url, object? body = null, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, url, body, idempotencyKey: idempotencyKey);

    public Task<HttpResponseMessage> PutAsync(string url, object body, string? ifMatch = null) =>
        SendAsync(HttpMethod.Put, url, body, ifMatch);

    public Task<HttpResponseMessage> DeleteAsync(string url, string? ifMatch = null) =>
        SendAsync(HttpMethod.Delete, url, ifMatch: ifMatch);

    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string url, object? body = null, string? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Content = body switch
        {
            null => null,
            HttpContent content => content,
            _ => JsonContent.Create(body, body.GetType(), options: Json),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>GETs and reads the body, failing with the response text on any status other than 200.</summary>
    public async Task<T> GetJsonAsync<T>(string url)
    {
        using var response = await GetAsync(url);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync<T>();
    }
}

public static class ResponseAssertions
{
    public const string ProblemContentType = "application/problem+json";

    public static async Task<T> ReadJsonAsync<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(ApiClient.Json, TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException("The response body was empty.");

    /// <summary>Asserts the status, showing the body when it differs: a problem's detail says why.</summary>
    public static async Task ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered: {body}");
        }
    }

    /// <summary>Asserts an RFC 9457 problem with this status and returns its JSON.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldHaveStatusAsync(expected);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(ProblemContentType);
        var problem = await response.ReadJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe((int)expected);
        problem.TryGetProperty("title", out _).ShouldBeTrue("A problem has a title.");
        return problem;
    }

    /// <summary>The messages of one field in a validation problem's `errors`.</summary>
    public static string[] FieldErrors(this JsonElement problem, string field)
    {
        problem.TryGetProperty("errors", out var errors).ShouldBeTrue($"The problem has no errors: {problem}");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue($"The problem has no error for '{field}': {errors}");
        return [.. messages.EnumerateArray().Select(m => m.GetString() ?? "")];
    }

    public static string? ETag(this HttpResponseMessage response) => response.Headers.ETag?.ToString();
}
