using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Liaison.Core;
using Liaison.Core.Access;
using Liaison.Core.Common.Files;
using Liaison.Core.Data;
using Liaison.Core.Features.Users;
using Liaison.Web.Components;
using Liaison.Web.Components.Shared;
using Liaison.Web.Features.Integrations;
using Liaison.Web.Features.Time;
using Liaison.Web.Features.Users;
using Liaison.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace Liaison.Web.Infrastructure;

/// <summary>The composition root, kept out of Program.cs so that Program reads as a table of contents.</summary>
public static class LiaisonHosting
{
    public const string SmartScheme = "Liaison";
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplicationBuilder AddLiaison(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Port 5080 unless the deployment says otherwise (ASPNETCORE_URLS, --urls or "Urls").
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var database = DatabaseSettings.From(builder.Configuration);
        services.AddLiaisonCore(database.Provider, DatabaseSettings.ConnectionString(builder.Configuration, database.Provider));
        services.AddOptions<FileStorageOptions>().Bind(builder.Configuration.GetSection(FileStorageOptions.Section))
            .Validate(o => o.MaxUploadBytes is > 0 and <= 2L * 1024 * 1024 * 1024, $"{FileStorageOptions.Section}:MaxUploadBytes must be between 1 byte and 2 GB.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Folder), $"{FileStorageOptions.Section}:Folder is required.")
            .ValidateOnStart();

        services.AddLiaisonIdentity(builder.Configuration);
        services.AddLiaisonApi(builder.Configuration);

        // Behind a TLS-terminating load balancer the app must learn the client's scheme and address from
        // it, or the cookie loses Secure, HSTS is never sent and the rate limit sees one client. Off by
        // default: trusting these headers without such a proxy would let a client forge them.
        if (builder.Configuration.GetValue("Proxy:TrustForwardedHeaders", false))
        {
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
            });
        }

        services.AddDataProtection().SetApplicationName("Liaison").PersistKeysToDbContext<LiaisonDb>();
        services.AddHealthChecks().AddDbContextCheck<LiaisonDb>("database", tags: ["ready"]);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();
        services.AddScoped<PageUser>();
        services.AddMudServices();
        return builder;
    }

    private static void AddLiaisonIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
            })
            // API clients send a bearer token; the browser sends the Identity cookie.
            .AddPolicyScheme(SmartScheme, null, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? PersonalAccessTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null)
            .AddIdentityCookies();

        services.AddIdentityCore<LiaisonUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                // Length over composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = NewUserInput.MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<LiaisonDb>()
            .AddSignInManager<LiaisonSignInManager>()
            .AddClaimsPrincipalFactory<LiaisonClaimsFactory>();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        // Cookies and open pages are re-checked against the database this often (default a minute),
        // so a disabled user or a changed role takes effect without waiting for the cookie to expire.
        var revalidation = TimeSpan.FromSeconds(configuration.GetValue("Security:SessionRevalidationSeconds", 60));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = revalidation);

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/login";
            options.AccessDeniedPath = "/forbidden";
            options.Cookie.Name = "liaison.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            // Identity already hooks security-stamp validation into these events: amend them, never replace them.
            options.Events.OnRedirectToLogin = context => IsApi(context.Request)
                ? ProblemResults.Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "Sign in, or send a personal access token.").ExecuteAsync(context.HttpContext)
                : RedirectAsync(context);
            options.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                ? ProblemResults.Problem(StatusCodes.Status403Forbidden, "Forbidden", "Your role does not allow this.").ExecuteAsync(context.HttpContext)
                : RedirectAsync(context);
        });

        services.AddAuthorizationBuilder()
            // Deny by default: an endpoint or page without its own policy still needs a signed-in user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(UsersApi.AdminPolicy, policy => policy.RequireRole(nameof(Role.Admin)));
    }

    private static void AddLiaisonApi(this IServiceCollection services, IConfiguration configuration)
    {
        // Enums travel as their names only: a number such as "tier": 42 would bind to a value the enum does not define.
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        services.AddOpenApi(OpenApiDocument.Configure);

        var perMinute = configuration.GetValue("Security:TokenRequestsPerMinute", 10);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(TokensApi.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(ProblemResults.Problem(StatusCodes.Status429TooManyRequests, "Too many requests",
                    "Too many token requests from this address. Wait a minute and try again.").ExecuteAsync(context.HttpContext));
            };
        });
    }

    public static WebApplication UseLiaison(this WebApplication app)
    {
        if (app.Configuration.GetValue("Proxy:TrustForwardedHeaders", false))
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseWhen(context => IsApi(context.Request), api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context.Request), ui => ui.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));

        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Liaison API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
                // Self-contained: no fonts or telemetry from third-party hosts.
                .DisableDefaultFonts().DisableTelemetry())
            .AllowAnonymous();
        app.MapLiaisonApi();
        app.MapSignInEndpoints();
        app.MapDownloads();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
