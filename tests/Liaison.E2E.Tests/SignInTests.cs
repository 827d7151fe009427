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

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("///evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    public async Task The_return_address_never_leaves_the_site(string returnUrl)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#email", "jonas@northwind-pike.test");
        await page.FillAsync("#password", LiveApp.Password);
        await page.ClickAsync("#sign-in");

        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        page.Url.ShouldStartWith(fixture.App.BaseUrl);
    }

    [Fact]
    public async Task The_return_address_brings_the_user_back_to_the_page_they_asked_for()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("profile/tokens");
        page.Url.ShouldContain("/login");

        await page.FillAsync("#email", "jonas@northwind-pike.test");
        await page.FillAsync("#password", LiveApp.Password);
        await page.ClickAsync("#sign-in");

        await page.Locator("#tokens-table").WaitForAsync();
    }

    [Fact]
    public async Task The_sign_in_cookie_does_not_authenticate_the_api()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync("amira@northwind-pike.test", LiveApp.Password);
        await page.WaitUntilInteractiveAsync();

        // The browser sends its cookie, as a form on another site would: the API wants a bearer token.
        var response = await page.Context.APIRequest.GetAsync("api/v1/accounts");

        response.Status.ShouldBe(401);
        response.Headers["content-type"].ShouldStartWith("application/problem+json");
    }
}
