using Liaison.E2E.Tests.Infrastructure;
using Liaison.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests;

public sealed class SignInTests(E2EFixture fixture)
{
    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        var page = await fixture.NewPageAsync();
        var signIn = new SignInPage(page);

        await signIn.SignInAsync("jonas@northwind-pike.test", "not-the-password");

        (await signIn.Error.TextContentAsync() ?? "").ShouldContain("wrong");
        page.Url.ShouldContain("/login");
    }

    [Fact]
    public async Task Signing_in_and_out_guards_the_pages()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("accounts");
        page.Url.ShouldContain("/login");

        await new SignInPage(page).SignInAsync("jonas@northwind-pike.test", LiveApp.Password);
        await page.WaitUntilInteractiveAsync();
        await page.Locator("#accounts-table").GetByText("Harbourline Ferries").WaitForAsync();

        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync("**/login");
        await page.GotoAsync("accounts");
        page.Url.ShouldContain("/login");
    }
}
