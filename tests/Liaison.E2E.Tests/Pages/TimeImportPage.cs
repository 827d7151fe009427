using System.Text;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests.Pages;

/// <summary>/time/import: choose a CSV file, check it, import it.</summary>
public sealed class TimeImportPage(IPage page)
{
    public ILocator CheckButton => page.Locator("#check-file");

    public ILocator ImportButton => page.Locator("#import-now");

    public ILocator Problems => page.Locator("#import-problems");

    public ILocator Done => page.Locator("#import-done");

    public async Task OpenFromMenuAsync()
    {
        await page.ClickAsync("#nav-time-import");
        await page.Locator("#import-file").WaitForAsync();
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>Chooses a file from memory, as if picked in the file dialog, and waits until the page has read it.</summary>
    public async Task ChooseAsync(string fileName, string csv)
    {
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = fileName, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        // Choosing a file clears the previous report; the check button is enabled once the bytes are read.
        await Assertions.Expect(page.Locator("#import-problems-summary, #import-ready, #import-done")).ToHaveCountAsync(0);
        await Assertions.Expect(CheckButton).ToBeEnabledAsync();
    }

    public async Task CheckAsync()
    {
        await CheckButton.ClickAsync();
        await page.Locator("#import-problems-summary, #import-ready").First.WaitForAsync();
    }

    public async Task ImportAsync()
    {
        await Assertions.Expect(ImportButton).ToBeEnabledAsync();
        await ImportButton.ClickAsync();
        await Done.WaitForAsync();
    }

    /// <summary>The problems table's row for a line of the file.</summary>
    public ILocator ProblemOnLine(int line) =>
        Problems.Locator("tbody tr").Filter(new() { Has = page.Locator($"td:first-child:text-is(\"{line}\")") });
}
