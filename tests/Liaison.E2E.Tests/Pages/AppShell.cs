using Microsoft.Playwright;

namespace Liaison.E2E.Tests.Pages;

/// <summary>Waits for Blazor's circuit before a test clicks, as a user's clicks only count once it is live.</summary>
public static class AppShell
{
    public static Task WaitUntilInteractiveAsync(this IPage page) =>
        page.Locator("#interactive-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public static async Task GoToInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitUntilInteractiveAsync();
    }
}
