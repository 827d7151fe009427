using Microsoft.Playwright;

namespace Liaison.E2E.Tests.Pages;

public sealed class SignInPage(IPage page)
{
    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
    }

    public ILocator Error => page.Locator("#sign-in-error");
}
