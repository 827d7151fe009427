using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Liaison.E2E.Tests.Infrastructure.E2EFixture))]

namespace Liaison.E2E.Tests.Infrastructure;

/// <summary>One app and one browser for the whole run; each test gets its own browser context (cookies).</summary>
public sealed class E2EFixture : IAsyncLifetime
{
    private readonly Browser _browser = new();

    public LiveApp App { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        App = new LiveApp();
        await _browser.InitializeAsync();
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        await App.DisposeAsync();
    }
}
