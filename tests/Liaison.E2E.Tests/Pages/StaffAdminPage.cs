using System.Globalization;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests.Pages;

/// <summary>/admin/staff: people, and their effective-dated rates.</summary>
public sealed class StaffAdminPage(IPage page)
{
    public async Task AddRateAsync(string person, DateOnly from, decimal cost, decimal bill)
    {
        await page.GoToInteractiveAsync("admin/staff");
        await page.Locator("#staff-table").GetByText(person).ClickAsync();
        var dialog = page.Locator("#staff-dialog");
        await page.Locator("#rates-table").WaitForAsync();
        await page.FillDateAsync("rate-from", from);
        await page.FillAsync("#rate-cost", cost.ToString("0.00", CultureInfo.InvariantCulture));
        await page.FillAsync("#rate-bill", bill.ToString("0.00", CultureInfo.InvariantCulture));
        await page.ClickAsync("#add-rate");
        await page.Locator("#rates-table").GetByText(bill.ToString("N2", CultureInfo.InvariantCulture)).WaitForAsync();
        await page.ClickAsync("#close-staff");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
