using Microsoft.JSInterop;

namespace Liaison.Web.Components.Shared;

/// <summary>What pages ask the browser: its time zone, and to copy text to the clipboard.</summary>
public static class BrowserJs
{
    private const string Module = "./js/browser.js";

    /// <summary>The browser's IANA time zone, or null if it will not say.</summary>
    public static async Task<string?> TimeZoneAsync(IJSRuntime js)
    {
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", Module);
            return await module.InvokeAsync<string?>("timeZone");
        }
        catch (JSException)
        {
            return null;
        }
    }

    /// <summary>Copies the text; false when the browser refuses (no permission, no secure context).</summary>
    public static async Task<bool> CopyAsync(IJSRuntime js, string text)
    {
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", Module);
            return await module.InvokeAsync<bool>("copy", text);
        }
        catch (JSException)
        {
            return false;
        }
    }
}
