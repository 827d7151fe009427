using Liaison.E2E.Tests.Infrastructure;
using Liaison.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests;

public sealed class AccountJourneyTests(E2EFixture fixture)
{
    [Fact]
    public async Task An_account_manager_creates_an_account_adds_a_stakeholder_and_finds_them_on_the_map()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync("clara@northwind-pike.test", LiveApp.Password);
        await page.WaitUntilInteractiveAsync();
        var accounts = new AccountPages(page);

        await accounts.CreateAccountAsync("Lumen Opticians", "Retail");
        (await page.Locator("#account-manager-name").TextContentAsync()).ShouldBe("Clara Dufresne");

        await accounts.AddStakeholderAsync("Ruth Calloway", "Chief Marketing Officer", influence: 5, support: "Skeptic");
        await page.Locator("#stakeholders-table").GetByText("Ruth Calloway").WaitForAsync();

        var chip = await accounts.FindOnMapAsync("Ruth Calloway");
        await chip.WaitForAsync();
        var cell = chip.Locator("xpath=ancestor::div[contains(@class,'cell')]");
        (await cell.GetAttributeAsync("data-influence")).ShouldBe("5");
        (await cell.GetAttributeAsync("data-support")).ShouldBe("Skeptic");

        // The map is clickable: the person opens for editing.
        await chip.ClickAsync();
        (await page.InputValueAsync("#stakeholder-title")).ShouldBe("Chief Marketing Officer");
    }

    [Fact]
    public async Task The_account_list_filters_by_search()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync("amira@northwind-pike.test", LiveApp.Password);
        await page.WaitUntilInteractiveAsync();
        await page.Locator("#accounts-table").GetByText("Tidewater Bank").WaitForAsync();

        await page.FillAsync("#account-search", "verdant");

        await page.Locator("#accounts-table tbody tr").Filter(new() { HasText = "Tidewater Bank" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await page.Locator("#accounts-table").GetByText("Verdant Foods").CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_client_sees_their_account_and_cannot_open_another_by_its_address()
    {
        var admin = await fixture.NewPageAsync();
        await new SignInPage(admin).SignInAsync("amira@northwind-pike.test", LiveApp.Password);
        await admin.WaitUntilInteractiveAsync();
        await admin.Locator("#accounts-table").GetByText("Tidewater Bank").ClickAsync();
        await admin.Locator("#account-title").Filter(new() { HasText = "Tidewater Bank" }).WaitForAsync();
        // The agency's overview: the demo's app onboarding has its deliverables open, one at the filter.
        await Assertions.Expect(admin.Locator("#overview-engagements")).ToContainTextAsync("1 in flight");
        await Assertions.Expect(admin.Locator("#overview-delivery")).ToContainTextAsync("awaiting the filter");
        var foreignUrl = admin.Url;

        var client = await fixture.NewPageAsync();
        await new SignInPage(client).SignInAsync("olivia@harbourline.example", LiveApp.Password);
        await client.WaitUntilInteractiveAsync();
        await client.Locator("#account-title").Filter(new() { HasText = "Harbourline Ferries" }).WaitForAsync();
        // Internal assessments of people are not for the client.
        (await client.GetByRole(AriaRole.Tab, new() { Name = "Stakeholder map" }).CountAsync()).ShouldBe(0);
        (await client.Locator("#account-overview").CountAsync()).ShouldBe(0);

        await client.GotoAsync(foreignUrl);
        await client.Locator("#not-found").WaitForAsync();
        (await client.ContentAsync()).ShouldNotContain("Tidewater");
    }
}
