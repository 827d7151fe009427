using System.Globalization;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests.Pages;

/// <summary>Drives MudBlazor controls the way a user does: open the list, click the option; type a date and leave the field.</summary>
public static class MudControls
{
    /// <summary>Picks the option of a MudSelect whose text contains <paramref name="option"/>.</summary>
    public static async Task ChooseAsync(this IPage page, string selectId, string option)
    {
        // MudSelect keeps its value in a hidden input; the visible control is its wrapper.
        await page.Locator($".mud-select:has(#{selectId}) .mud-input-control-input-container").ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First;
        await item.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Ticks the option of a multi-selection MudSelect and closes its list with Escape, as a keyboard user does.</summary>
    public static async Task TickAsync(this IPage page, string selectId, string option)
    {
        await page.Locator($".mud-select:has(#{selectId}) .mud-input-control-input-container").ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First;
        await item.ClickAsync();
        await Assertions.Expect(item).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Types a date into an editable MudDatePicker and leaves the field, which commits it.</summary>
    public static async Task FillDateAsync(this IPage page, string pickerId, DateOnly date)
    {
        var input = page.Locator($"input#{pickerId}, .mud-picker:has(#{pickerId}) input").First;
        await input.FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await input.PressAsync("Tab");
    }
}
