using Liaison.Core.Access;
using Liaison.Core.Features.Users;
using Liaison.E2E.Tests.Infrastructure;
using Liaison.E2E.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests;

public sealed class UserAdminTests(E2EFixture fixture)
{
    [Fact]
    public async Task An_admin_creates_a_user_who_can_then_sign_in()
    {
        var admin = await fixture.NewPageAsync();
        await new SignInPage(admin).SignInAsync("amira@northwind-pike.test", LiveApp.Password);
        await admin.WaitUntilInteractiveAsync();
        await admin.GoToInteractiveAsync("admin/users");

        await admin.ClickAsync("#new-user");
        await admin.FillAsync("#user-email", "nadia@northwind-pike.test");
        await admin.FillAsync("#user-name", "Nadia Farouk");
        await admin.FillAsync("#user-password", "short");
        await admin.ClickAsync("#create-user");
        await admin.GetByText("The password must be 12 to 128 characters long.").WaitForAsync();

        await admin.FillAsync("#user-password", "a-long-enough-password");
        await admin.ClickAsync("#create-user");
        await admin.Locator("#users-table").GetByText("nadia@northwind-pike.test").WaitForAsync();

        var nadia = await fixture.NewPageAsync();
        await new SignInPage(nadia).SignInAsync("nadia@northwind-pike.test", "a-long-enough-password");
        await nadia.WaitUntilInteractiveAsync();
        (await nadia.Locator("#signed-in-as").TextContentAsync()).ShouldBe("Nadia Farouk");
    }

    [Fact]
    public async Task A_disabled_users_open_page_stops_working()
    {
        var lena = await fixture.NewPageAsync();
        await new SignInPage(lena).SignInAsync("lena@northwind-pike.test", LiveApp.Password);
        await lena.WaitUntilInteractiveAsync();
        await lena.Locator("#accounts-table").WaitForAsync();

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserService>();
            var loader = scope.ServiceProvider.GetRequiredService<CurrentUserLoader>();
            var adminId = (await users.ListAsync(new CurrentUser(Guid.Empty, "probe", Role.Admin, null, null), new UserListQuery("amira"), TestContext.Current.CancellationToken)).Value.Items[0].Id;
            var admin = (await loader.LoadAsync(adminId, TestContext.Current.CancellationToken))!;
            var lenaId = (await users.ListAsync(admin, new UserListQuery("lena"), TestContext.Current.CancellationToken)).Value.Items[0].Id;
            (await users.SetDisabledAsync(admin, lenaId, disabled: true, TestContext.Current.CancellationToken)).IsSuccess.ShouldBeTrue();
        }

        // The open circuit re-checks the user and sends the page to sign-in; the cookie no longer works either.
        await lena.WaitForURLAsync("**/login**", new PageWaitForURLOptions { Timeout = 20_000 });
        await lena.GotoAsync("accounts");
        lena.Url.ShouldContain("/login");
        await new SignInPage(lena).SignInAsync("lena@northwind-pike.test", LiveApp.Password);
        (await new SignInPage(lena).Error.TextContentAsync() ?? "").ShouldContain("wrong");
    }
}
