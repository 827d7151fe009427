using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.ChangeRequests;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Deliverables;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Meetings;
using Liaison.Core.Features.Insights;
using Liaison.Core.Features.Recommendations;
using Liaison.Core.Features.Risks;
using Liaison.Core.Features.Stakeholders;
using Liaison.Core.Features.Time;
using Liaison.Core.Features.Users;
using Liaison.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Liaison.Web.Tests.Infrastructure.Principal;

namespace Liaison.Web.Tests.Access;

/// <summary>
/// Who gets what from every /api/v1 endpoint (DESIGN.md rule 4). Each row gives the status every
/// principal gets for the "own" record (account A, its stakeholder, …) and for the "foreign" one
/// (account B, …). An invisible record answers 404 like a missing one; a visible record the caller
/// may not change answers 403; no or a disabled sign-in answers 401; a refused write changes nothing.
/// A new endpoint fails <see cref="TableCoversEveryApiEndpoint"/> until it gets a row here.
/// Beyond the API, every endpoint of the app (pages included) must declare its policy, and only
/// an explicit allow-list may be anonymous.
/// </summary>
public abstract class AccessMatrixTests(AppFactory app)
{
    /// <summary>The order of the statuses in every row.</summary>
    private static readonly Principal[] Columns =
        [Anonymous, Admin, ManagerOnTeam, ManagerOffTeam, TeamMemberOnTeam, ClientOfA, ClientOfB, Disabled];

    /// <summary>
    /// The framework's own endpoints, which cannot carry metadata of ours: Blazor's circuit hub and
    /// redirect helper, and the static-asset fallback MapStaticAssets adds when it serves from the
    /// build output. The app's fallback policy (a signed-in user) still applies to them.
    /// </summary>
    private static readonly string[] FrameworkRoutes =
        ["/_blazor", "/_blazor/negotiate", "/_blazor/disconnect", "/_blazor/initializers", "/_framework/opaque-redirect", "/{**path}"];

    /// <summary>Everything that may be called without signing in; static assets are recognised by their metadata.</summary>
    private static readonly string[] AnonymousRoutes =
    [
        "* /health/live", "* /health/ready",
        "GET /openapi/{documentName}.json",
        "POST /api/v1/tokens",
        // Unknown API paths answer a 404 problem rather than a sign-in challenge.
        "* /api/{**path}",
        "GET /login", "POST /login", "GET /not-found", "POST /not-found", "GET /error", "POST /error",
        // Calendar apps cannot sign in: the 256-bit secret in the feed's address is the credential, and
        // an unknown or revoked one answers 404.
        "GET /calendar/{secret}.ics",
    ];

    /// <summary>The API reference page and its scripts (Scalar).</summary>
    private const string ApiDocsPrefix = "/api/docs";

    private static readonly Guid MissingId = Guid.Parse("00000000-0000-7000-8000-000000000404");

    private World World => app.World;

    private IReadOnlyList<Row> Table =>
    [
        // Columns:   anon admin mgrOn mgrOff tmOn cliA cliB disabled
        // Signing in is open to anyone (whatever token they send): "own" sends good credentials, "foreign" an unknown address.
        new("POST /api/v1/tokens",
            Own:     "201  201   201   201    201  201  201  201",
            Foreign: "401  401   401   401    401  401  401  401",
            c => Task.FromResult(new Call(Body: new
            {
                email = c.Own ? World.ManagerOfB.Email : "nobody@liaison.test", password = World.Password, name = "matrix",
            }))),
        new("GET /api/v1/tokens",
            Own:     "401  200   200   200    200  200  200  401",
            Foreign: "401  200   200   200    200  200  200  401",
            _ => Call.None),
        // Tokens belong to their user: "own" is the caller's spare token, "foreign" another user's.
        new("DELETE /api/v1/tokens/{id}",
            Own:     "401  204   204   204    204  204  204  401",
            Foreign: "401  404   404   404    404  404  404  401",
            c => Call.To(("id", c.Own ? c.CallerOrManagerOfB.SpareTokenId : World.ManagerOfB.SpareTokenId))),

        // Users are admin business; for them the "foreign" record is a user that does not exist.
        new("GET /api/v1/users",
            Own:     "401  200   403   403    403  403  403  401",
            Foreign: "401  200   403   403    403  403  403  401",
            _ => Call.None),
        new("POST /api/v1/users",
            Own:     "401  201   403   403    403  403  403  401",
            Foreign: "401  201   403   403    403  403  403  401",
            c => Task.FromResult(new Call(Body: c.Own
                ? new { email = UniqueEmail(), password = World.Password, role = "ProjectManager" }
                : new { email = UniqueEmail(), password = World.Password, role = "Client", accountId = (Guid?)World.AccountB }))),
        new("PUT /api/v1/users/{id}/role",
            Own:     "401  200   403   403    403  403  403  401",
            Foreign: "401  404   403   403    403  403  403  401",
            c => Task.FromResult(new Call(Route: [("id", c.Own ? World.Victim.UserId : MissingId)], Body: new { role = "ProjectManager" }))),
        new("POST /api/v1/users/{id}/disable",
            Own:     "401  200   403   403    403  403  403  401",
            Foreign: "401  404   403   403    403  403  403  401",
            c => Call.To(("id", c.Own ? World.Victim.UserId : MissingId)),
            CleanUpAsync: async _ => World.Must(await AsAdminAsync<UserService, Result<UserView>>((users, admin, ct) =>
                users.SetDisabledAsync(admin, World.Victim.UserId, disabled: false, ct)))),
        new("POST /api/v1/users/{id}/enable",
            Own:     "401  200   403   403    403  403  403  401",
            Foreign: "401  404   403   403    403  403  403  401",
            c => Call.To(("id", c.Own ? World.Victim.UserId : MissingId))),

        new("GET /api/v1/accounts",
            Own:     "401  200   200   200    200  200  200  401",
            Foreign: "401  200   200   200    200  200  200  401",
            _ => Call.None),
        new("POST /api/v1/accounts",
            Own:     "401  201   201   201    403  403  403  401",
            Foreign: "401  201   201   201    403  403  403  401",
            _ => Task.FromResult(new Call(Body: new { name = "Matrix account" }))),
        new("GET /api/v1/accounts/{id}",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Call.To(("id", c.Account))),
        // The overview is the agency's: a client user of the account is refused it.
        new("GET /api/v1/accounts/{id}/overview",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("id", c.Account))),
        new("PUT /api/v1/accounts/{id}",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            async c => new Call(
                Route: [("id", c.Account)],
                Body: new { name = c.Own ? World.AccountAName : World.AccountBName, accountManagerId = await AccountManagerAsync(c.Account), industry = $"Matrix {c.Principal}" },
                IfMatch: await AccountETagAsync(c.Account))),
        new("DELETE /api/v1/accounts/{id}",
            Own:     "401  204   204   404    403  403  404  401",
            Foreign: "401  204   404   404    404  404  403  401",
            c => Call.To(("id", c.Account)),
            CleanUpAsync: async c => World.Must(await AsAdminAsync<AccountService, Result<AccountDetails>>((accounts, admin, ct) =>
                accounts.RestoreAsync(admin, c.Account, ct)))),
        new("POST /api/v1/accounts/{id}/restore",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("id", c.Account))),
        // A client sees who works on their own account, as on the account page.
        new("GET /api/v1/accounts/{id}/team",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Call.To(("id", c.Account))),
        new("POST /api/v1/accounts/{id}/team",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Route: [("id", c.Account)], Body: new { staffId = World.SpareStaff.StaffId, role = "Specialist" })),
            CleanUpAsync: c => RemoveSpareStaffAsync(c.Account)),
        new("DELETE /api/v1/accounts/{id}/team/{staffId}",
            Own:     "401  204   204   404    403  403  404  401",
            Foreign: "401  204   404   404    404  404  403  401",
            async c =>
            {
                World.Must(await AsAdminAsync<AccountService, Result<TeamMemberView>>((accounts, admin, ct) =>
                    accounts.AddTeamMemberAsync(admin, c.Account, new TeamMemberInput { StaffId = World.SpareStaff.StaffId }, ct)));
                return new Call(Route: [("id", c.Account), ("staffId", World.SpareStaff.StaffId!.Value)]);
            },
            CleanUpAsync: c => RemoveSpareStaffAsync(c.Account)),

        // Stakeholders are the agency's private reading of people: staff only, and a client never
        // finds a single one (404), though it may know its own account has them (403 on the list).
        new("GET /api/v1/accounts/{accountId}/stakeholders",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("accountId", c.Account))),
        new("POST /api/v1/accounts/{accountId}/stakeholders",
            Own:     "401  201   201   404    403  403  404  401",
            Foreign: "401  201   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Route: [("accountId", c.Account)], Body: new { fullName = "Matrix Person", influence = 3 }))),
        new("GET /api/v1/accounts/{accountId}/stakeholders/{id}",
            Own:     "401  200   200   404    200  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            c => Call.To(("accountId", c.Account), ("id", c.Stakeholder))),
        new("PUT /api/v1/accounts/{accountId}/stakeholders/{id}",
            Own:     "401  200   200   404    403  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            async c => new Call(
                Route: [("accountId", c.Account), ("id", c.Stakeholder)],
                Body: new { fullName = c.Own ? "Alma Sponsor" : "Bert Buyer", influence = 4, title = $"Matrix {c.Principal}" },
                IfMatch: await StakeholderETagAsync(c.Stakeholder))),
        new("DELETE /api/v1/accounts/{accountId}/stakeholders/{id}",
            Own:     "401  204   204   404    403  404  404  401",
            Foreign: "401  204   404   404    404  404  404  401",
            async c => new Call(Route: [("accountId", c.Account), ("id", await NewStakeholderAsync(c.Account))])),

        new("GET /api/v1/staff",
            Own:     "401  200   200   200    200  403  403  401",
            Foreign: "401  200   200   200    200  403  403  401",
            _ => Call.None),
        // Staff records are the agency's; only admins change them or see rates. "Foreign" is a missing person.
        new("GET /api/v1/staff/{id}",
            Own:     "401  200   200   200    200  404  404  401",
            Foreign: "401  404   404   404    404  404  404  401",
            c => Call.To(("id", c.Own ? World.SpareStaff.StaffId!.Value : MissingId))),
        new("POST /api/v1/staff",
            Own:     "401  201   403   403    403  403  403  401",
            Foreign: "401  201   403   403    403  403  403  401",
            _ => Task.FromResult(new Call(Body: new { fullName = "Matrix Staff", email = UniqueEmail(), discipline = "Design" }))),
        new("PUT /api/v1/staff/{id}",
            Own:     "401  200   403   403    403  404  404  401",
            Foreign: "401  404   404   404    404  404  404  401",
            async c => new Call(
                Route: [("id", c.Own ? World.SpareStaff.StaffId!.Value : MissingId)],
                Body: new { fullName = "Sam Spare", email = World.SpareStaff.Email, discipline = "Design", weeklyCapacityMinutes = 2100 + (int)c.Principal },
                IfMatch: c.Own ? await ETagAsync(db => db.Staff.Where(x => x.Id == World.SpareStaff.StaffId).Select(x => x.Version)) : "\"1\"")),
        new("POST /api/v1/staff/{id}/rates",
            Own:     "401  200   403   403    403  404  404  401",
            Foreign: "401  404   404   404    404  404  404  401",
            c => Task.FromResult(new Call(
                Route: [("id", c.Own ? World.SpareStaff.StaffId!.Value : MissingId)],
                Body: new { effectiveFrom = NextDay(), costRate = 5000, billRate = 12000 }))),

        // Engagements: managers on the account's team run them, team members see the ones they are on,
        // a client sees their own account's (without money or notes) and may change none.
        new("GET /api/v1/engagements",
            Own:     "401  200   200   200    200  200  200  401",
            Foreign: "401  200   200   200    200  200  200  401",
            _ => Call.None),
        new("POST /api/v1/engagements",
            Own:     "401  201   201   400    403  403  403  401",
            Foreign: "401  201   400   400    403  403  403  401",
            c => Task.FromResult(new Call(Body: new { accountId = c.Account, name = "Matrix engagement" }))),
        new("GET /api/v1/engagements/{id}",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Call.To(("id", c.Engagement))),
        new("PUT /api/v1/engagements/{id}",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            async c => new Call(Route: [("id", c.Engagement)], Body: EngagementBody(c), IfMatch: await EngagementETagAsync(c.Engagement))),
        new("POST /api/v1/engagements/{id}/rag",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Route: [("id", c.Engagement)], Body: new { rag = "Amber", reason = "Matrix" }))),
        new("POST /api/v1/engagements/{id}/status",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Route: [("id", c.Engagement)], Body: new { status = "InDelivery" }))),
        new("POST /api/v1/engagements/{id}/progress",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Route: [("id", c.Engagement)], Body: new { percent = 10 }))),
        // The hand-off rows each get a fresh engagement in the state they act on; drafts and hand-offs
        // are invisible to clients and to team members who are not on them.
        new("POST /api/v1/engagements/{id}/hand-off",
            Own:     "401  200   200   404    404  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            async c => new Call(Route: [("id", await NewEngagementAsync(c, send: false))])),
        new("POST /api/v1/engagements/{id}/hand-off/acknowledge",
            Own:     "401  403   200   404    404  404  404  401",
            Foreign: "401  403   404   404    404  404  404  401",
            async c => new Call(Route: [("id", await NewEngagementAsync(c, send: true))], Body: new { questions = new[] { "Who signs off?" } })),
        new("POST /api/v1/engagements/{id}/hand-off/questions/{questionId}/answer",
            Own:     "401  200   200   404    404  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            async c =>
            {
                var (engagementId, questionId) = await NewQuestionAsync(c);
                return new Call(Route: [("id", engagementId), ("questionId", questionId)], Body: new { answer = "The sponsor." });
            }),
        new("GET /api/v1/engagements/{id}/budget",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("id", c.Engagement))),
        new("PUT /api/v1/engagements/{id}/budget",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            async c => new Call(Route: [("id", c.Engagement)], Body: new { hoursCapMinutes = 60000 }, IfMatch: await EngagementETagAsync(c.Engagement))),
        new("GET /api/v1/engagements/{id}/profitability",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("id", c.Engagement))),
        new("GET /api/v1/accounts/{id}/profitability",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("id", c.Account))),
        new("GET /api/v1/accounts/{id}/workload",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("id", c.Account))),
        new("GET /api/v1/workload",
            Own:     "401  200   200   200    200  403  403  401",
            Foreign: "401  200   200   200    200  403  403  401",
            _ => Call.None),

        // Change requests: whoever sees the engagement sees its change requests, a client only the proposed
        // and decided ones (without internal notes). Staff on the engagement draft; the account manager (or an
        // admin) proposes and applies; the client decides, and admins, account and project managers may record
        // the decision for them. The step rows each get a fresh change request in the state they act on.
        new("GET /api/v1/change-requests",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Task.FromResult(new Call(Query: $"engagementId={c.Engagement}"))),
        new("POST /api/v1/change-requests",
            Own:     "401  201   201   400    201  403  403  401",
            Foreign: "401  201   400   400    400  403  403  401",
            c => Task.FromResult(new Call(Body: new { engagementId = c.Engagement, title = "Matrix change", requestedByStakeholderId = c.Stakeholder, hoursDeltaMinutes = 60 }))),
        new("GET /api/v1/change-requests/{id}",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Call.To(("id", c.ChangeRequest))),
        new("PUT /api/v1/change-requests/{id}",
            Own:     "401  200   200   404    200  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            async c => new Call(
                Route: [("id", await NewChangeRequestAsync(c, ChangeRequestState.Draft))],
                Body: new { title = $"Matrix {c.Principal}", requestedByStakeholderId = c.Stakeholder, feeDelta = 1000 },
                IfMatch: "\"1\"")),
        new("DELETE /api/v1/change-requests/{id}",
            Own:     "401  204   204   404    403  404  404  401",
            Foreign: "401  204   404   404    404  404  404  401",
            async c => new Call(Route: [("id", await NewChangeRequestAsync(c, ChangeRequestState.Draft))])),
        new("POST /api/v1/change-requests/{id}/propose",
            Own:     "401  200   200   404    403  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            async c => new Call(Route: [("id", await NewChangeRequestAsync(c, ChangeRequestState.Draft))])),
        new("POST /api/v1/change-requests/{id}/approve",
            Own:     "401  200   200   404    403  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            async c => new Call(Route: [("id", await NewChangeRequestAsync(c, ChangeRequestState.Proposed))], Body: new { note = "Matrix yes" })),
        new("POST /api/v1/change-requests/{id}/reject",
            Own:     "401  200   200   404    403  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            async c => new Call(Route: [("id", await NewChangeRequestAsync(c, ChangeRequestState.Proposed))], Body: new { note = "Matrix no" })),
        new("POST /api/v1/change-requests/{id}/apply",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            async c => new Call(Route: [("id", await NewChangeRequestAsync(c, ChangeRequestState.Approved))])),
        new("GET /api/v1/engagements/{id}/scope",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Call.To(("id", c.Engagement))),

        // Time and expenses: people log to engagements they belong to; managers see and fix their
        // engagements' entries; clients see none. A wrong engagement in the body is a 400.
        new("GET /api/v1/time-entries",
            Own:     "401  200   200   200    200  403  403  401",
            Foreign: "401  200   200   200    200  403  403  401",
            _ => Call.None),
        new("POST /api/v1/time-entries",
            Own:     "401  400   201   400    201  403  403  401",
            Foreign: "401  400   400   400    400  403  403  401",
            c => Task.FromResult(new Call(Body: new { engagementId = c.Engagement, date = World.WorkDay, minutes = 30 }))),
        new("GET /api/v1/time-entries/{id}",
            Own:     "401  200   200   404    200  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            c => Call.To(("id", c.TimeEntry))),
        new("PUT /api/v1/time-entries/{id}",
            Own:     "401  200   200   404    200  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            async c => new Call(
                Route: [("id", c.TimeEntry)],
                Body: new { engagementId = c.Engagement, staffId = c.Logger, date = World.WorkDay, minutes = 90 },
                IfMatch: await ETagAsync(db => db.TimeEntries.Where(x => x.Id == c.TimeEntry).Select(x => x.Version)))),
        new("DELETE /api/v1/time-entries/{id}",
            Own:     "401  204   204   404    204  404  404  401",
            Foreign: "401  204   404   404    404  404  404  401",
            async c => new Call(Route: [("id", await NewTimeEntryAsync(c))])),
        new("GET /api/v1/time-entries/week",
            Own:     "401  200   200   200    200  403  403  401",
            Foreign: "401  200   200   200    404  403  403  401",
            c => Task.FromResult(new Call(Query: c.Own ? null : $"staffId={World.ManagerOfB.StaffId}"))),
        new("PUT /api/v1/time-entries/week",
            Own:     "401  200   200   200    200  403  403  401",
            Foreign: "401  200   200   200    404  403  403  401",
            c => Task.FromResult(new Call(Body: new { staffId = c.Own ? null : World.ManagerOfB.StaffId, weekStart = new DateOnly(2019, 1, 7), rows = Array.Empty<object>() }))),
        // Imports: "own" is a dry run of a good file, "foreign" a commit of a file with an unknown
        // client, which every staff caller gets back as 422 with nothing written.
        new("POST /api/v1/time-entries/import",
            Own:     "401  200   200   200    200  403  403  401",
            Foreign: "401  422   422   422    422  403  403  401",
            c => Task.FromResult(new Call(
                Body: HarvestFile(c.Own ? $"{World.AccountAName},Matrix engagement" : "Nowhere Ltd,Matrix engagement"),
                Query: c.Own ? "dryRun=true" : "dryRun=false"))),
        new("GET /api/v1/time-entries/export",
            Own:     "401  200   200   200    200  403  403  401",
            Foreign: "401  200   200   200    200  403  403  401",
            c => Task.FromResult(new Call(Query: c.Own ? "format=csv" : "format=xlsx"))),
        new("GET /api/v1/accounts/{id}/profitability/export",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("id", c.Account))),
        new("GET /api/v1/time-locks",
            Own:     "401  200   200   200    200  403  403  401",
            Foreign: "401  200   200   200    200  403  403  401",
            _ => Call.None),
        new("POST /api/v1/time-locks",
            Own:     "401  201   403   403    403  403  403  401",
            Foreign: "401  201   403   403    403  403  403  401",
            _ => Task.FromResult(new Call(Body: new { month = NextMonth() }))),
        // "Own" is a locked month, "foreign" one that is not.
        new("DELETE /api/v1/time-locks/{month}",
            Own:     "401  204   403   403    403  403  403  401",
            Foreign: "401  404   403   403    403  403  403  401",
            async c =>
            {
                var month = NextMonth();
                if (c.Own)
                {
                    World.Must(await AsAdminAsync<MonthLockService, Result<MonthLockView>>((locks, admin, ct) => locks.LockAsync(admin, new LockInput(month), ct)));
                }

                return new Call(Route: [("month", month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
            }),
        new("GET /api/v1/expenses",
            Own:     "401  200   200   200    200  403  403  401",
            Foreign: "401  200   200   200    200  403  403  401",
            _ => Call.None),
        new("POST /api/v1/expenses",
            Own:     "401  400   201   400    201  403  403  401",
            Foreign: "401  400   400   400    400  403  403  401",
            c => Task.FromResult(new Call(Body: new { engagementId = c.Engagement, date = World.WorkDay, amount = 1000 }))),
        new("GET /api/v1/expenses/{id}",
            Own:     "401  200   200   404    200  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            c => Call.To(("id", c.Expense))),
        new("PUT /api/v1/expenses/{id}",
            Own:     "401  200   200   404    200  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            async c => new Call(
                Route: [("id", c.Expense)],
                Body: new { engagementId = c.Engagement, staffId = c.Logger, date = World.WorkDay, amount = 4500 },
                IfMatch: await ETagAsync(db => db.Expenses.Where(x => x.Id == c.Expense).Select(x => x.Version)))),
        new("DELETE /api/v1/expenses/{id}",
            Own:     "401  204   204   404    204  404  404  401",
            Foreign: "401  204   404   404    404  404  404  401",
            async c => new Call(Route: [("id", await NewExpenseAsync(c))])),
        new("GET /api/v1/accounts/{accountId}/audit",
            Own:     "401  200   403   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("accountId", c.Account))),

        // The account plan is the agency's working document: staff on the team read it, managers edit
        // it, and a client learns only that their own account has one (403).
        new("GET /api/v1/accounts/{id}/plan",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("id", c.Account))),
        new("PUT /api/v1/accounts/{id}/plan",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Route: [("id", c.Account)], Body: new { vision = $"Matrix {c.Principal}", clientObjectives = new[] { "Grow" } }, IfMatch: "*"))),

        // Meetings: staff on the team read them, managers arrange them; a client sees their own
        // account's (without notes) and their calendar files, but not the preparation.
        new("GET /api/v1/meetings",
            Own:     "401  200   200   200    200  200  200  401",
            Foreign: "401  200   200   200    200  200  200  401",
            _ => Call.None),
        new("POST /api/v1/meetings",
            Own:     "401  201   201   400    403  403  403  401",
            Foreign: "401  201   400   400    403  403  403  401",
            c => Task.FromResult(new Call(Body: new { accountId = c.Account, title = "Matrix meeting", startsAt = World.MeetingStart, timeZone = "Europe/London" }))),
        new("GET /api/v1/meetings/{id}",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Call.To(("id", c.Meeting))),
        new("PUT /api/v1/meetings/{id}",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            async c => new Call(Route: [("id", c.Meeting)], Body: MeetingBody(c), IfMatch: await ETagAsync(db => db.Meetings.Where(m => m.Id == c.Meeting).Select(m => m.Version)))),
        new("DELETE /api/v1/meetings/{id}",
            Own:     "401  204   204   404    403  403  404  401",
            Foreign: "401  204   404   404    404  404  403  401",
            async c => new Call(Route: [("id", await NewMeetingAsync(c))])),
        new("GET /api/v1/meetings/{id}/prepare",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("id", c.Meeting))),
        new("GET /api/v1/meetings/{id}/ics",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Call.To(("id", c.Meeting))),
        // Everyone signed in has a calendar feed of their own; own and foreign are the same call.
        new("GET /api/v1/calendar-feed",
            Own:     "401  200   200   200    200  200  200  401",
            Foreign: "401  200   200   200    200  200  200  401",
            _ => Call.None),
        new("POST /api/v1/calendar-feed",
            Own:     "401  200   200   200    200  200  200  401",
            Foreign: "401  200   200   200    200  200  200  401",
            _ => Call.None),
        new("DELETE /api/v1/calendar-feed",
            Own:     "401  204   204   204    204  204  204  401",
            Foreign: "401  204   204   204    204  204  204  401",
            _ => Call.None),

        // Commitments: "own" is A's client-visible client-side commitment, "foreign" B's. Managers record
        // and edit them; a client sees their own account's client-visible ones and may log progress on
        // (or tick off) their own side's; a team member may update only the agency commitments they own.
        new("GET /api/v1/commitments",
            Own:     "401  200   200   200    200  200  200  401",
            Foreign: "401  200   200   200    200  200  200  401",
            _ => Call.None),
        new("POST /api/v1/commitments",
            Own:     "401  201   201   400    403  403  403  401",
            Foreign: "401  201   400   400    403  403  403  401",
            c => Task.FromResult(new Call(Body: new
            {
                accountId = c.Account, side = "Agency", ownerStaffId = c.Manager.StaffId, title = "Matrix promise", dueDate = World.CommitmentDue,
            }))),
        new("GET /api/v1/commitments/{id}",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Call.To(("id", c.Commitment))),
        new("PUT /api/v1/commitments/{id}",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            async c => new Call(
                Route: [("id", c.Commitment)],
                Body: World.NewClientCommitment(c.Account, c.Stakeholder),
                IfMatch: await ETagAsync(db => db.Commitments.Where(x => x.Id == c.Commitment).Select(x => x.Version)))),
        new("POST /api/v1/commitments/{id}/updates",
            Own:     "401  200   200   404    403  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Task.FromResult(new Call(Route: [("id", c.Commitment)], Body: new { text = $"Matrix {c.Principal}" }))),
        new("GET /api/v1/accounts/{id}/reliability",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("id", c.Account))),
        // Recommendations and insights are the agency's working notes: staff on the team read them,
        // admins, account managers and project managers write them; a client is refused its own
        // account's list (403) and never finds a single one (404), as with stakeholders.
        new("GET /api/v1/recommendations",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Query: $"accountId={c.Account}"))),
        new("POST /api/v1/recommendations",
            Own:     "401  201   201   400    403  403  403  401",
            Foreign: "401  201   400   400    403  403  403  401",
            c => Task.FromResult(new Call(Body: new { accountId = c.Account, title = "Matrix recommendation" }))),
        new("GET /api/v1/recommendations/acceptance",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Query: $"accountId={c.Account}"))),
        new("GET /api/v1/recommendations/{id}",
            Own:     "401  200   200   404    200  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            c => Call.To(("id", c.Recommendation))),
        new("PUT /api/v1/recommendations/{id}",
            Own:     "401  200   200   404    403  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            async c => new Call(
                Route: [("id", c.Recommendation)],
                Body: World.NewRecommendation(c.Account, c.Manager.StaffId!.Value, $"Matrix {c.Principal}"),
                IfMatch: await ETagAsync(db => db.Recommendations.Where(x => x.Id == c.Recommendation).Select(x => x.Version)))),
        new("POST /api/v1/recommendations/{id}/present",
            Own:     "401  200   200   404    403  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            async c => new Call(Route: [("id", await NewRecommendationAsync(c))], Body: new { presentedOn = World.WorkDay })),
        new("POST /api/v1/recommendations/{id}/decision",
            Own:     "401  200   200   404    403  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            c => Task.FromResult(new Call(Route: [("id", c.Recommendation)], Body: new { decision = "PartlyAccepted", reasonCategory = "Budget" }))),
        new("GET /api/v1/insights",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Query: $"accountId={c.Account}"))),
        new("POST /api/v1/insights",
            Own:     "401  201   201   400    403  403  403  401",
            Foreign: "401  201   400   400    403  403  403  401",
            c => Task.FromResult(new Call(Body: new { accountId = c.Account, title = "Matrix insight", sourceUrl = "https://example.com/m" }))),
        new("GET /api/v1/insights/{id}",
            Own:     "401  200   200   404    200  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            c => Call.To(("id", c.Insight))),
        new("PUT /api/v1/insights/{id}",
            Own:     "401  200   200   404    403  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            async c => new Call(
                Route: [("id", c.Insight)],
                Body: new { title = "Seeded insight", summary = $"Matrix {c.Principal}", sourceUrl = "https://example.com/seeded" },
                IfMatch: await ETagAsync(db => db.Insights.Where(x => x.Id == c.Insight).Select(x => x.Version)))),
        new("DELETE /api/v1/insights/{id}",
            Own:     "401  204   204   404    403  404  404  401",
            Foreign: "401  204   404   404    404  404  404  401",
            async c => new Call(Route: [("id", await NewInsightAsync(c))])),
        // Always with an override reason, so the account's throttle never decides the status here.
        new("POST /api/v1/insights/{id}/share",
            Own:     "401  200   200   404    403  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            c => Task.FromResult(new Call(Route: [("id", c.Insight)], Body: new { stakeholderIds = new[] { c.Stakeholder }, overrideReason = "Matrix" }))),
        // The throttle is an account setting: team staff read it, the account's editors change it.
        new("GET /api/v1/accounts/{id}/insight-limit",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("id", c.Account))),
        new("PUT /api/v1/accounts/{id}/insight-limit",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Route: [("id", c.Account)], Body: new { insightsPer30Days = 10 + (int)c.Principal }))),

        // The interaction log is the agency's: staff on the team read and log; the author and the
        // people who run the account change it; a client never finds one (404) and is refused the list (403).
        new("GET /api/v1/interactions",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Query: $"accountId={c.Account}"))),
        new("POST /api/v1/interactions",
            Own:     "401  201   201   400    201  403  403  401",
            Foreign: "401  201   400   400    400  403  403  401",
            c => Task.FromResult(new Call(Body: new { accountId = c.Account, subject = "Matrix call", channel = "Phone", stakeholderIds = new[] { c.Stakeholder } }))),
        new("GET /api/v1/interactions/{id}",
            Own:     "401  200   200   404    200  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            c => Call.To(("id", c.Interaction))),
        new("PUT /api/v1/interactions/{id}",
            Own:     "401  200   200   404    403  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            async c => new Call(
                Route: [("id", c.Interaction)],
                Body: new { subject = "Seeded query", summary = $"Matrix {c.Principal}", isQuery = true, stakeholderIds = new[] { c.Stakeholder } },
                IfMatch: await ETagAsync(db => db.Interactions.Where(x => x.Id == c.Interaction).Select(x => x.Version)))),
        new("DELETE /api/v1/interactions/{id}",
            Own:     "401  204   204   404    403  404  404  401",
            Foreign: "401  204   404   404    404  404  404  401",
            async c => new Call(Route: [("id", await NewInteractionAsync(c))])),
        new("GET /api/v1/queries/awaiting-reply",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Query: $"accountId={c.Account}"))),
        new("GET /api/v1/accounts/{id}/reply-times",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("id", c.Account))),
        // Over the accounts the caller can see; a client has none to compare.
        new("GET /api/v1/reply-times/by-account-manager",
            Own:     "401  200   200   200    200  403  403  401",
            Foreign: "401  200   200   200    200  403  403  401",
            _ => Call.None),
        // The SLA policy is an account setting: team staff read it, the account's editors change it.
        new("GET /api/v1/accounts/{id}/sla-policy",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("id", c.Account))),
        new("PUT /api/v1/accounts/{id}/sla-policy",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Route: [("id", c.Account)], Body: new { timeZoneId = "Europe/London", normalMinutes = 420 + (int)c.Principal }))),
        new("GET /api/v1/accounts/{accountId}/stakeholder-coverage",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("accountId", c.Account))),
        // Unmatched inbound e-mail belongs to no account yet: admins and account managers triage it;
        // filing needs an account the caller is on the team of. "Foreign" for a single one is a missing id.
        new("GET /api/v1/inbound-triage",
            Own:     "401  200   200   200    403  403  403  401",
            Foreign: "401  200   200   200    403  403  403  401",
            _ => Call.None),
        new("GET /api/v1/inbound-triage/{id}",
            Own:     "401  200   200   200    404  404  404  401",
            Foreign: "401  404   404   404    404  404  404  401",
            async c => new Call(Route: [("id", c.Own ? await NewTriageMessageAsync() : MissingId)])),
        new("POST /api/v1/inbound-triage/{id}/file",
            Own:     "401  200   200   400    404  404  404  401",
            Foreign: "401  200   400   400    404  404  404  401",
            async c => new Call(Route: [("id", await NewTriageMessageAsync())], Body: new { accountId = c.Account, isQuery = false })),
        new("POST /api/v1/inbound-triage/{id}/dismiss",
            Own:     "401  200   200   200    404  404  404  401",
            Foreign: "401  200   200   200    404  404  404  401",
            async _ => new Call(Route: [("id", await NewTriageMessageAsync())])),

        // The risk register: staff who see the account read it; admins, account and project managers write;
        // the owner (the team member on A, B's manager on B) reviews and escalates. "Own" is A's client-visible
        // risk, "foreign" B's: a client reads their own account's client-visible entries and changes none.
        new("GET /api/v1/risks",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Task.FromResult(new Call(Query: $"accountId={c.Account}"))),
        new("POST /api/v1/risks",
            Own:     "401  201   201   400    403  403  403  401",
            Foreign: "401  201   400   400    403  403  403  401",
            c => Task.FromResult(new Call(Body: new { accountId = c.Account, title = "Matrix risk", probability = 2, impact = 3 }))),
        new("GET /api/v1/risks/heat-map",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Task.FromResult(new Call(Query: $"accountId={c.Account}"))),
        new("GET /api/v1/risks/{id}",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Call.To(("id", c.Risk))),
        new("PUT /api/v1/risks/{id}",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            async c => new Call(
                Route: [("id", c.Risk)],
                Body: World.NewRisk(c.Account, c.Engagement, c.RiskOwner, $"Seeded risk {c.Principal}"),
                IfMatch: await ETagAsync(db => db.Risks.Where(x => x.Id == c.Risk).Select(x => x.Version)))),
        new("POST /api/v1/risks/{id}/review",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Route: [("id", c.Risk)], Body: new { nextReviewDate = World.RiskReview, impact = 4 }))),
        new("POST /api/v1/risks/{id}/escalate",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Route: [("id", c.Risk)], Body: new { to = $"Matrix {c.Principal}", note = "Internal: matrix escalation." }))),
        new("POST /api/v1/risks/{id}/close",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            async c => new Call(Route: [("id", await NewRiskAsync(c))])),
        new("DELETE /api/v1/risks/{id}",
            Own:     "401  204   204   404    403  403  404  401",
            Foreign: "401  204   404   404    404  404  403  401",
            async c => new Call(Route: [("id", await NewRiskAsync(c))])),
        // Requests are the agency's until the client portal: staff on the team log and read them; whoever
        // logged one and the people who run the account edit it; only those triage it. A client is refused
        // their account's list (403) and never finds one (404).
        new("GET /api/v1/requests",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Task.FromResult(new Call(Query: $"accountId={c.Account}"))),
        new("POST /api/v1/requests",
            Own:     "401  201   201   400    201  403  403  401",
            Foreign: "401  201   400   400    400  403  403  401",
            c => Task.FromResult(new Call(Body: World.NewRequest(c.Account, c.Stakeholder, "Matrix request")))),
        new("GET /api/v1/requests/{id}",
            Own:     "401  200   200   404    200  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            c => Call.To(("id", c.Request))),
        new("PUT /api/v1/requests/{id}",
            Own:     "401  200   200   404    403  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            async c => new Call(
                Route: [("id", c.Request)],
                Body: World.NewRequest(c.Account, c.Stakeholder),
                IfMatch: await ETagAsync(db => db.ClientRequests.Where(x => x.Id == c.Request).Select(x => x.Version)))),
        new("POST /api/v1/requests/{id}/triage",
            Own:     "401  200   200   404    403  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            async c => new Call(Route: [("id", await NewRequestAsync(c))], Body: new
            {
                outcome = "Deliverables", engagementId = c.Engagement, deliverables = new[] { new { title = "Matrix poster", type = "Design" } },
            })),

        // Deliverables: staff who see the engagement work on them, managers add and edit them, only the
        // account manager, a designated reviewer or an admin passes work to the client (the filter). A client
        // sees their account's deliverables once sent to them ("own" and "foreign" are in client review),
        // without the history of moves (403), and comments in the client's review.
        new("GET /api/v1/deliverables",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Task.FromResult(new Call(Query: $"engagementId={c.Engagement}"))),
        new("POST /api/v1/deliverables",
            Own:     "401  201   201   400    403  403  403  401",
            Foreign: "401  201   400   400    403  403  403  401",
            c => Task.FromResult(new Call(Body: World.NewDeliverable(c.Engagement, "Matrix deliverable")))),
        new("GET /api/v1/deliverables/{id}",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Call.To(("id", c.Deliverable))),
        new("PUT /api/v1/deliverables/{id}",
            Own:     "401  200   200   404    403  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            async c => new Call(
                Route: [("id", c.Deliverable)],
                Body: World.NewDeliverable(c.Engagement),
                IfMatch: await ETagAsync(db => db.Deliverables.Where(x => x.Id == c.Deliverable).Select(x => x.Version)))),
        new("GET /api/v1/deliverables/{id}/transitions",
            Own:     "401  200   200   404    200  403  404  401",
            Foreign: "401  200   404   404    404  404  403  401",
            c => Call.To(("id", c.Deliverable))),
        // The filter itself: a fresh deliverable in internal review, passed to the client.
        new("POST /api/v1/deliverables/{id}/transitions",
            Own:     "401  200   200   404    403  404  404  401",
            Foreign: "401  200   404   404    404  404  404  401",
            async c => new Call(Route: [("id", await NewDeliverableAsync(c, DeliverableState.InternalReview))], Body: new { to = "ReadyForClient" })),
        new("GET /api/v1/deliverables/{id}/versions",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Call.To(("id", c.Deliverable))),
        new("POST /api/v1/deliverables/{id}/versions",
            Own:     "401  201   201   404    201  404  404  401",
            Foreign: "401  201   404   404    404  404  404  401",
            async c => new Call(Route: [("id", await NewDeliverableAsync(c, DeliverableState.InProgress))], Body: new { linkUrl = "https://files.example/matrix" })),
        // The seeded deliverable's second version is a file, shown to the client in their review.
        new("GET /api/v1/deliverables/{id}/versions/{versionId}/file",
            Own:     "401  200   200   404    200  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            async c => new Call(Route: [("id", c.Deliverable), ("versionId", await FileVersionAsync(c.Deliverable))])),
        // In the client's review: the client and the agency's leads speak; other team members do not.
        new("POST /api/v1/deliverables/{id}/comments",
            Own:     "401  200   200   404    403  200  404  401",
            Foreign: "401  200   404   404    404  404  200  401",
            c => Task.FromResult(new Call(Route: [("id", c.Deliverable)], Body: new { text = $"Matrix {c.Principal}" }))),
    ];

    [Fact]
    public void TableCoversEveryApiEndpoint()
    {
        var mapped = EndpointCatalog.Api(app.Services).Select(e => e.Key).ToHashSet();
        var listed = Table.Select(r => r.Key).ToList();

        listed.ShouldBeUnique();
        mapped.Except(listed).ShouldBeEmpty(
            "These endpoints have no row in the access matrix. Add one, with the status every principal must get.");
        listed.Except(mapped).ShouldBeEmpty("These rows name endpoints that no longer exist. Remove them.");
    }

    [Fact]
    public void EveryEndpointDeclaresWhoMayCallIt()
    {
        var undeclared = EndpointCatalog.All(app.Services)
            .Where(e => e.Endpoint.Metadata.GetMetadata<IAuthorizeData>() is null && e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !FrameworkRoutes.Contains(e.Route))
            .Select(e => e.Key)
            .ToList();

        undeclared.ShouldBeEmpty("These endpoints have no policy of their own: add RequireAuthorization / [Authorize] (or, if they must be public, AllowAnonymous and the allow-list here).");
    }

    [Fact]
    public void OnlyTheAllowListIsAnonymous()
    {
        var anonymous = EndpointCatalog.All(app.Services)
            .Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Where(e => e.Endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Where(e => !e.Route.StartsWith(ApiDocsPrefix + "/", StringComparison.Ordinal))
            .Select(e => e.Key)
            .ToList();

        anonymous.Except(AnonymousRoutes).ShouldBeEmpty("These endpoints allow anonymous callers but are not on the allow-list.");
        AnonymousRoutes.Except(anonymous).ShouldBeEmpty("These allow-listed endpoints are gone or no longer anonymous: update the allow-list.");
    }

    [Fact]
    public async Task EveryCallerGetsTheExpectedStatusAndRefusedWritesChangeNothingAsync()
    {
        var failures = new List<string>();
        foreach (var row in Table)
        {
            foreach (var own in (bool[])[true, false])
            {
                var expected = row.Expected(own);
                for (var i = 0; i < Columns.Length; i++)
                {
                    var failure = await RunCaseAsync(row, new Case(Columns[i], own, World), expected[i]);
                    if (failure is not null)
                    {
                        failures.Add(failure);
                    }
                }
            }
        }

        failures.Count.ShouldBe(0, $"Access matrix cases failed:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public async Task InvisibleRecordsAnswerExactlyLikeMissingOnesAsync()
    {
        // Same status and same words: nothing tells a caller that the record exists.
        (Principal Caller, string Invisible, string Missing)[] pairs =
        [
            (ManagerOnTeam, $"/api/v1/accounts/{World.AccountB}", $"/api/v1/accounts/{MissingId}"),
            (ManagerOnTeam, $"/api/v1/accounts/{World.AccountB}/team", $"/api/v1/accounts/{MissingId}/team"),
            (ManagerOnTeam, $"/api/v1/accounts/{World.AccountB}/audit", $"/api/v1/accounts/{MissingId}/audit"),
            (ManagerOnTeam, $"/api/v1/accounts/{World.AccountB}/stakeholders", $"/api/v1/accounts/{MissingId}/stakeholders"),
            (ManagerOnTeam, $"/api/v1/accounts/{World.AccountB}/stakeholders/{World.StakeholderB}",
                $"/api/v1/accounts/{World.AccountB}/stakeholders/{MissingId}"),
            (ClientOfA, $"/api/v1/accounts/{World.AccountA}/stakeholders/{World.StakeholderA}",
                $"/api/v1/accounts/{World.AccountA}/stakeholders/{MissingId}"),
            (ManagerOnTeam, $"/api/v1/recommendations?accountId={World.AccountB}", $"/api/v1/recommendations?accountId={MissingId}"),
            (ManagerOnTeam, $"/api/v1/recommendations/{World.RecommendationB}", $"/api/v1/recommendations/{MissingId}"),
            (ClientOfA, $"/api/v1/recommendations/{World.RecommendationA}", $"/api/v1/recommendations/{MissingId}"),
            (ManagerOnTeam, $"/api/v1/insights/{World.InsightB}", $"/api/v1/insights/{MissingId}"),
            (ClientOfA, $"/api/v1/insights/{World.InsightA}", $"/api/v1/insights/{MissingId}"),
            (ManagerOnTeam, $"/api/v1/accounts/{World.AccountB}/insight-limit", $"/api/v1/accounts/{MissingId}/insight-limit"),
            (ManagerOnTeam, $"/api/v1/interactions/{World.InteractionB}", $"/api/v1/interactions/{MissingId}"),
            (ClientOfA, $"/api/v1/interactions/{World.InteractionA}", $"/api/v1/interactions/{MissingId}"),
            (ManagerOnTeam, $"/api/v1/accounts/{World.AccountB}/sla-policy", $"/api/v1/accounts/{MissingId}/sla-policy"),
            (ManagerOnTeam, $"/api/v1/change-requests/{World.ChangeRequestB}", $"/api/v1/change-requests/{MissingId}"),
            (ClientOfB, $"/api/v1/change-requests/{World.ChangeRequestA}", $"/api/v1/change-requests/{MissingId}"),
            (ManagerOnTeam, $"/api/v1/change-requests?engagementId={World.EngagementB}", $"/api/v1/change-requests?engagementId={MissingId}"),
            (ManagerOnTeam, $"/api/v1/engagements/{World.EngagementB}/scope", $"/api/v1/engagements/{MissingId}/scope"),
            (ManagerOnTeam, $"/api/v1/risks/{World.RiskB}", $"/api/v1/risks/{MissingId}"),
            (ClientOfA, $"/api/v1/risks/{World.InternalRiskA}", $"/api/v1/risks/{MissingId}"),
            (ClientOfB, $"/api/v1/risks/{World.RiskA}", $"/api/v1/risks/{MissingId}"),
            (ManagerOnTeam, $"/api/v1/risks?accountId={World.AccountB}", $"/api/v1/risks?accountId={MissingId}"),
            (ClientOfA, $"/api/v1/risks/heat-map?accountId={World.AccountB}", $"/api/v1/risks/heat-map?accountId={MissingId}"),
            (ManagerOnTeam, $"/api/v1/requests/{World.RequestB}", $"/api/v1/requests/{MissingId}"),
            (ClientOfA, $"/api/v1/requests/{World.RequestA}", $"/api/v1/requests/{MissingId}"),
            (ManagerOnTeam, $"/api/v1/deliverables/{World.DeliverableB}", $"/api/v1/deliverables/{MissingId}"),
            (ClientOfA, $"/api/v1/deliverables/{World.DeliverableB}", $"/api/v1/deliverables/{MissingId}"),
            (ManagerOnTeam, $"/api/v1/deliverables/{World.DeliverableB}/versions", $"/api/v1/deliverables/{MissingId}/versions"),
            (ClientOfA, $"/api/v1/deliverables/{World.DeliverableB}/transitions", $"/api/v1/deliverables/{MissingId}/transitions"),
        ];

        foreach (var (caller, invisible, missing) in pairs)
        {
            var client = app.ClientFor(caller);
            using var hidden = await client.GetAsync(invisible);
            using var absent = await client.GetAsync(missing);

            var hiddenProblem = await hidden.ShouldBeProblemAsync(System.Net.HttpStatusCode.NotFound);
            var absentProblem = await absent.ShouldBeProblemAsync(System.Net.HttpStatusCode.NotFound);
            hiddenProblem.GetProperty("detail").GetString().ShouldBe(absentProblem.GetProperty("detail").GetString(), $"{caller}: {invisible}");
        }
    }

    private async Task<string?> RunCaseAsync(Row row, Case c, int expected)
    {
        var call = await row.PrepareAsync(c);
        var isWrite = row.Method != "GET";
        var before = isWrite ? await SnapshotAsync() : null;

        using var response = await app.ClientFor(c.Principal).SendAsync(
            new HttpMethod(row.Method), call.Url(row.Route), call.Body, call.IfMatch);
        var status = (int)response.StatusCode;
        var what = $"{row.Key} as {c.Principal} on the {(c.Own ? "own" : "foreign")} record";
        string? failure = null;
        if (status != expected)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            failure = $"{what}: expected {expected}, got {status} {Shorten(body)}";
        }
        else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != ResponseAssertions.ProblemContentType)
        {
            failure = $"{what}: the {status} is not {ResponseAssertions.ProblemContentType} but {response.Content.Headers.ContentType}";
        }
        else if (before is not null && status >= 400 && await SnapshotAsync() is var after && after != before)
        {
            failure = $"{what}: refused with {status} but the database changed: {before} -> {after}";
        }
        else if (c.Principal is ClientOfA or ClientOfB && status < 300)
        {
            failure = LeakToClient(what, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
                response.Content.Headers.ContentType?.MediaType);
        }

        if (row.CleanUpAsync is not null)
        {
            await row.CleanUpAsync(c);
        }

        return failure;
    }

    /// <summary>Enough of the database to see any write: counts, versions, roles and states.</summary>
    private async Task<Snapshot> SnapshotAsync()
    {
        await using var db = await app.OpenDbAsync();
        var ct = TestContext.Current.CancellationToken;
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Role, u.IsDisabled, u.SecurityStamp }).ToListAsync(ct);
        return new Snapshot(
            await db.Accounts.CountAsync(ct),
            await db.Accounts.SumAsync(a => a.Version, ct),
            await db.Accounts.CountAsync(a => a.ArchivedAt != null, ct),
            await db.AccountTeamMembers.CountAsync(ct),
            await db.Stakeholders.CountAsync(ct),
            await db.Stakeholders.SumAsync(s => s.Version, ct),
            string.Join(",", users.Select(u => $"{u.Role}/{u.IsDisabled}/{u.SecurityStamp}")),
            await db.PersonalAccessTokens.CountAsync(ct),
            await db.PersonalAccessTokens.CountAsync(t => t.RevokedAt != null, ct),
            await db.AuditEntries.CountAsync(ct),
            await db.Engagements.SumAsync(e => e.Version, ct),
            await db.TimeEntries.SumAsync(t => t.Version, ct) + await db.TimeEntries.CountAsync(ct),
            await db.Expenses.SumAsync(x => x.Version, ct) + await db.Expenses.CountAsync(ct),
            await db.Staff.SumAsync(x => x.Version, ct) + await db.StaffRates.CountAsync(ct),
            await db.MonthLocks.CountAsync(ct) + await db.HandOffQuestions.CountAsync(q => q.Answer != null, ct),
            await db.AccountPlans.SumAsync(x => x.Version, ct) + await db.AccountPlans.CountAsync(ct)
                + await db.Meetings.SumAsync(x => x.Version, ct) + await db.Meetings.CountAsync(ct)
                + await db.Commitments.SumAsync(x => x.Version, ct) + await db.Commitments.CountAsync(ct)
                + await db.CommitmentUpdates.CountAsync(ct) + await db.CalendarFeeds.SumAsync(x => x.Version, ct) + await db.CalendarFeeds.CountAsync(ct),
            await db.Recommendations.SumAsync(r => r.Version, ct) + await db.Recommendations.CountAsync(ct) + await db.RecommendationOptions.CountAsync(ct),
            await db.Insights.SumAsync(i => i.Version, ct) + await db.Insights.CountAsync(ct) + await db.InsightShares.CountAsync(ct),
            await db.Interactions.SumAsync(i => i.Version, ct) + await db.Interactions.CountAsync(ct) + await db.InteractionStakeholders.CountAsync(ct)
                + await db.AccountSlaPolicies.SumAsync(p => p.Version, ct) + await db.AccountSlaPolicies.CountAsync(ct)
                + await db.TriageMessages.CountAsync(m => m.Status != TriageStatus.Pending, ct),
            await db.ChangeRequests.SumAsync(x => x.Version, ct) + await db.ChangeRequests.CountAsync(ct),
            await db.Risks.SumAsync(r => r.Version, ct) + await db.Risks.CountAsync(ct),
            await db.ClientRequests.SumAsync(r => r.Version, ct) + await db.ClientRequests.CountAsync(ct)
                + await db.Deliverables.SumAsync(d => d.Version, ct) + await db.Deliverables.CountAsync(ct)
                + await db.DeliverableAssignees.CountAsync(ct) + await db.DeliverableVersions.CountAsync(ct) + await db.DeliverableRounds.CountAsync(ct)
                + await db.DeliverableComments.CountAsync(ct) + await db.DeliverableTransitions.CountAsync(ct));
    }

    /// <summary>Arranges or tidies up through Core, as the seeded admin.</summary>
    private async Task<T> AsAdminAsync<TService, T>(Func<TService, CurrentUser, CancellationToken, Task<T>> action)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>(), World.Admin, TestContext.Current.CancellationToken);
    }

    private async Task<Guid?> AccountManagerAsync(Guid accountId)
    {
        await using var db = await app.OpenDbAsync();
        return await db.Accounts.Where(a => a.Id == accountId).Select(a => a.AccountManagerId).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> AccountETagAsync(Guid accountId)
    {
        await using var db = await app.OpenDbAsync();
        var version = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Version).SingleAsync(TestContext.Current.CancellationToken);
        return $"\"{version}\"";
    }

    private async Task<string> StakeholderETagAsync(Guid stakeholderId)
    {
        await using var db = await app.OpenDbAsync();
        var version = await db.Stakeholders.Where(s => s.Id == stakeholderId).Select(s => s.Version).SingleAsync(TestContext.Current.CancellationToken);
        return $"\"{version}\"";
    }

    /// <summary>A stakeholder to delete, so each delete case has one to aim at.</summary>
    private async Task<Guid> NewStakeholderAsync(Guid accountId) =>
        World.Must(await AsAdminAsync<StakeholderService, Result<StakeholderView>>((stakeholders, admin, ct) =>
            stakeholders.CreateAsync(admin, accountId, new StakeholderInput { FullName = "Doomed Person" }, ct))).Id;

    /// <summary>Takes the spare staff member off the team; not finding them there is fine, as a refused case never added them.</summary>
    private Task<Result> RemoveSpareStaffAsync(Guid accountId) => AsAdminAsync<AccountService, Result>((accounts, admin, ct) =>
        accounts.RemoveTeamMemberAsync(admin, accountId, World.SpareStaff.StaffId!.Value, ct));

    /// <summary>
    /// What a client may never read: costs, rates, margins, budgets, revenue, internal notes and the
    /// hand-off. Any such field with a value, or any text the seed marked "Internal:", fails the walk.
    /// </summary>
    private static readonly Regex InternalField = new(
        "^(cost|.*Cost$|.*Rate$|rate|margin|.*Margin|revenue|.*Revenue|budget|fee|.*Fee|.*Units$|notes|internalNotes|note|handOff|brief|ragReason|burn|ledger)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// Money a client is meant to see: a change request's fee change is what they are asked to approve
    /// (docs/change-requests.md). Budgets, costs and rates around it stay hidden.
    /// </summary>
    private static readonly HashSet<string> ClientFacingMoney = ["feeDelta"];

    private static string? LeakToClient(string what, string body, string? mediaType)
    {
        if (body.Contains("Internal:", StringComparison.Ordinal))
        {
            return $"{what}: a client got internal text: {Shorten(body)}";
        }

        // Calendar files have no fields to walk; the text check above is what applies to them.
        if (body.Length == 0 || mediaType?.EndsWith("json", StringComparison.Ordinal) != true)
        {
            return null;
        }

        using var json = JsonDocument.Parse(body);
        var leaks = new List<string>();
        void Walk(JsonElement element, string path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (InternalField.IsMatch(property.Name) && property.Value.ValueKind is not JsonValueKind.Null
                            && !ClientFacingMoney.Contains(property.Name))
                        {
                            leaks.Add($"{path}.{property.Name}");
                        }

                        Walk(property.Value, $"{path}.{property.Name}");
                    }

                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item, $"{path}[{i++}]");
                    }

                    break;
            }
        }

        Walk(json.RootElement, "$");
        return leaks.Count == 0 ? null : $"{what}: a client got internal fields {string.Join(", ", leaks)}";
    }

    /// <summary>A one-row Harvest export for Tara's time on the named client and project.</summary>
    private static MultipartFormDataContent HarvestFile(string clientAndProject)
    {
        var csv = "Date,Client,Project,Project Code,Task,Notes,Hours,Billable?,First Name,Last Name\n"
            + $"2026-03-12,{clientAndProject},,Design,Matrix import,1.5,Yes,Tara,Teammember\n";
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "harvest.csv");
        return form;
    }

    private static int _days;

    /// <summary>A day no earlier call used, for rates that must start on distinct days.</summary>
    private static DateOnly NextDay() => new DateOnly(2020, 1, 1).AddDays(Interlocked.Increment(ref _days));

    private static int _months;

    /// <summary>A month no earlier call used and no seeded time falls in.</summary>
    private static DateOnly NextMonth() => new DateOnly(1990, 1, 1).AddMonths(Interlocked.Increment(ref _months));

    private async Task<string> ETagAsync(Func<Liaison.Core.Data.LiaisonDb, IQueryable<long>> version)
    {
        await using var db = await app.OpenDbAsync();
        return $"\"{await version(db).SingleAsync(TestContext.Current.CancellationToken)}\"";
    }

    private Task<string> EngagementETagAsync(Guid id) => ETagAsync(db => db.Engagements.Where(e => e.Id == id).Select(e => e.Version));

    /// <summary>The body of an update that keeps the seeded engagement as it is.</summary>
    private static object EngagementBody(Case c)
    {
        var seed = World.NewEngagement(c.Account, c.Manager.StaffId!.Value, c.Own ? [c.Logger] : []);
        return new
        {
            seed.Name, seed.Type, seed.ClientNeeds, seed.Goals, seed.Deliverables, seed.StartDate, seed.EndDate,
            seed.AccountManagerId, seed.ProjectManagerId, seed.Members, seed.InternalNotes,
        };
    }

    /// <summary>A fresh engagement of the case's account, run by its manager: a draft, or sent to the PM.</summary>
    private async Task<Guid> NewEngagementAsync(Case c, bool send)
    {
        var draft = World.Must(await AsAdminAsync<EngagementService, Result<EngagementView>>((engagements, admin, ct) =>
            engagements.CreateAsync(admin, World.NewEngagement(c.Account, c.Manager.StaffId!.Value, [], "Matrix hand-off"), ct)));
        if (send)
        {
            World.Must(await AsAdminAsync<HandOffService, Result<EngagementView>>((handOffs, admin, ct) => handOffs.SendAsync(admin, draft.Id, null, ct)));
        }

        return draft.Id;
    }

    /// <summary>A hand-off the PM acknowledged with one question.</summary>
    private async Task<(Guid Engagement, Guid Question)> NewQuestionAsync(Case c)
    {
        var id = await NewEngagementAsync(c, send: true);
        await using var scope = app.Services.CreateAsyncScope();
        var ct = TestContext.Current.CancellationToken;
        var pm = await scope.ServiceProvider.GetRequiredService<CurrentUserLoader>().LoadAsync(c.Manager.UserId, ct);
        var view = World.Must(await scope.ServiceProvider.GetRequiredService<HandOffService>()
            .AcknowledgeAsync(pm!, id, null, new AcknowledgeInput(["Who signs off?"]), ct));
        return (id, view.HandOff.Questions[0].Id);
    }

    /// <summary>The body of an update that keeps the seeded meeting as it is.</summary>
    private static object MeetingBody(Case c)
    {
        var seed = World.NewMeeting(c.Account, c.Stakeholder, c.Manager.StaffId!.Value);
        return new
        {
            seed.Title, seed.Type, seed.StartsAt, seed.TimeZone, seed.DurationMinutes, seed.Location, seed.StakeholderIds, seed.StaffIds,
            seed.Agenda, seed.Notes, seed.Decisions, seed.ReviewsPlan,
        };
    }

    /// <summary>A fresh meeting of the case's account, for a delete to aim at.</summary>
    private async Task<Guid> NewMeetingAsync(Case c) =>
        World.Must(await AsAdminAsync<MeetingService, Result<MeetingView>>((meetings, admin, ct) =>
            meetings.CreateAsync(admin, World.NewMeeting(c.Account, c.Stakeholder, c.Manager.StaffId!.Value, "Doomed meeting"), ct))).Id;

    private async Task<Guid> NewTimeEntryAsync(Case c) =>
        World.Must(await AsAdminAsync<TimeService, Result<TimeEntryView>>((time, admin, ct) => time.CreateAsync(admin,
            new TimeEntryInput { EngagementId = c.Engagement, StaffId = c.Logger, Date = World.WorkDay, Minutes = 15 }, ct))).Id;

    private async Task<Guid> NewExpenseAsync(Case c) =>
        World.Must(await AsAdminAsync<ExpenseService, Result<ExpenseView>>((expenses, admin, ct) => expenses.CreateAsync(admin,
            new ExpenseInput { EngagementId = c.Engagement, StaffId = c.Logger, Date = World.WorkDay, Amount = 100 }, ct))).Id;

    /// <summary>A fresh draft ready to present, so each present case has one to aim at.</summary>
    private async Task<Guid> NewRecommendationAsync(Case c) =>
        World.Must(await AsAdminAsync<RecommendationService, Result<RecommendationView>>((recommendations, admin, ct) =>
            recommendations.CreateAsync(admin, World.NewRecommendation(c.Account, c.Manager.StaffId!.Value, "Matrix draft"), ct))).Id;

    private async Task<Guid> NewInsightAsync(Case c) =>
        World.Must(await AsAdminAsync<InsightService, Result<InsightView>>((insights, admin, ct) =>
            insights.CreateAsync(admin, new NewInsightInput { AccountId = c.Account, Title = "Doomed insight" }, ct))).Id;

    /// <summary>
    /// A fresh change request on the case's engagement, taken as far as <paramref name="state"/>. Its only
    /// impact is hours on an uncapped engagement, so applying it leaves the seeded engagement as it is.
    /// </summary>
    private async Task<Guid> NewChangeRequestAsync(Case c, ChangeRequestState state)
    {
        var input = World.NewChangeRequest(c.Engagement, c.Stakeholder, "Matrix change");
        (input.FeeDelta, input.EndDateShiftDays) = (0, 0);
        var id = World.Must(await AsAdminAsync<ChangeRequestService, Result<ChangeRequestView>>((changes, admin, ct) =>
            changes.CreateAsync(admin, input, ct))).Id;
        if (state >= ChangeRequestState.Proposed)
        {
            World.Must(await AsAdminAsync<ChangeRequestService, Result<ChangeRequestView>>((changes, admin, ct) => changes.ProposeAsync(admin, id, null, ct)));
        }

        if (state >= ChangeRequestState.Approved)
        {
            World.Must(await AsAdminAsync<ChangeRequestService, Result<ChangeRequestView>>((changes, admin, ct) =>
                changes.ApproveAsync(admin, id, null, new ChangeRequestDecisionInput(), ct)));
        }

        return id;
    }

    private async Task<Guid> NewInteractionAsync(Case c) =>
        World.Must(await AsAdminAsync<InteractionService, Result<InteractionView>>((interactions, admin, ct) =>
            interactions.CreateAsync(admin, new NewInteractionInput { AccountId = c.Account, Subject = "Doomed interaction" }, ct))).Id;

    /// <summary>A fresh client-visible risk of the case's account, for a close or delete to aim at.</summary>
    private async Task<Guid> NewRiskAsync(Case c) =>
        World.Must(await AsAdminAsync<RiskService, Result<RiskView>>((risks, admin, ct) => risks.CreateAsync(admin, new NewRiskInput
        {
            AccountId = c.Account, Title = "Doomed risk", Probability = 1, Impact = 2, ClientVisible = true,
        }, ct))).Id;

    private async Task<Guid> NewRequestAsync(Case c) =>
        World.Must(await AsAdminAsync<ClientRequestService, Result<ClientRequestView>>((requests, admin, ct) =>
            requests.CreateAsync(admin, World.NewRequest(c.Account, c.Stakeholder, "Doomed request"), ct))).Id;

    /// <summary>A fresh deliverable of the case's engagement, in progress with no version yet, or in internal review with one.</summary>
    private async Task<Guid> NewDeliverableAsync(Case c, DeliverableState state)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var deliverables = scope.ServiceProvider.GetRequiredService<DeliverableService>();
        var ct = TestContext.Current.CancellationToken;
        var id = World.Must(await deliverables.CreateAsync(World.Admin, World.NewDeliverable(c.Engagement, "Matrix work"), ct)).Id;
        if (state == DeliverableState.InProgress)
        {
            World.Must(await deliverables.TransitionAsync(World.Admin, id, null, new TransitionInput { To = DeliverableState.InProgress }, ct));
        }
        else
        {
            await World.DeliverableToInternalReviewAsync(deliverables, World.Admin, id, ct);
        }

        return id;
    }

    private async Task<Guid> FileVersionAsync(Guid deliverableId)
    {
        await using var db = await app.OpenDbAsync();
        return await db.DeliverableVersions.Where(v => v.DeliverableId == deliverableId && v.StoredFileName != null)
            .Select(v => v.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A pending unmatched e-mail, written straight to the database as the mailbox poller would leave it.</summary>
    private async Task<Guid> NewTriageMessageAsync()
    {
        var message = new TriageMessage
        {
            MessageId = $"{Guid.NewGuid():N}@mail.example", FromAddress = "stranger@elsewhere.example", Subject = "Who do I talk to?",
            Body = "Internal routing unknown.", SentAt = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc),
        };
        await using var db = await app.OpenDbAsync();
        db.TriageMessages.Add(message);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return message.Id;
    }

    private static string UniqueEmail() => $"matrix-{Guid.NewGuid():N}@liaison.test";

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";

    private sealed record Snapshot(
        int Accounts, long AccountVersions, int ArchivedAccounts, int TeamMembers, int Stakeholders, long StakeholderVersions,
        string Users, int Tokens, int RevokedTokens, int AuditEntries, long Engagements, long TimeEntries, long Expenses,
        long StaffAndRates, long LocksAndAnswers, long PlansMeetingsCommitmentsAndFeeds, long Recommendations, long Insights,
        long InteractionsAndPolicies, long ChangeRequests, long Risks, long RequestsAndDeliverables);

    /// <summary>One principal calling one endpoint on the own or the foreign record.</summary>
    private sealed record Case(Principal Principal, bool Own, World World)
    {
        public Guid Account => Own ? World.AccountA : World.AccountB;

        public Guid Stakeholder => Own ? World.StakeholderA : World.StakeholderB;

        public Guid Engagement => Own ? World.EngagementA : World.EngagementB;

        public Guid TimeEntry => Own ? World.TimeEntryA : World.TimeEntryB;

        public Guid Expense => Own ? World.ExpenseA : World.ExpenseB;

        public Guid Meeting => Own ? World.MeetingA : World.MeetingB;

        /// <summary>The client-visible commitment of the client's side on the account.</summary>
        public Guid Commitment => Own ? World.ClientCommitmentA : World.CommitmentB;

        public Guid Recommendation => Own ? World.RecommendationA : World.RecommendationB;

        public Guid Insight => Own ? World.InsightA : World.InsightB;

        public Guid Interaction => Own ? World.InteractionA : World.InteractionB;

        /// <summary>The change request proposed to the client on the account's engagement.</summary>
        public Guid ChangeRequest => Own ? World.ChangeRequestA : World.ChangeRequestB;

        /// <summary>The client-visible risk on the account's engagement.</summary>
        public Guid Risk => Own ? World.RiskA : World.RiskB;

        /// <summary>Who owns the seeded risk: the team member on A, B's manager on B.</summary>
        public Guid RiskOwner => (Own ? World.Person(TeamMemberOnTeam) : World.ManagerOfB).StaffId!.Value;

        public Guid Request => Own ? World.RequestA : World.RequestB;

        /// <summary>The seeded deliverable of the account's engagement, in client review.</summary>
        public Guid Deliverable => Own ? World.DeliverableA : World.DeliverableB;

        /// <summary>Who logged the seeded time and expense: the team member on A, B's manager on B.</summary>
        public Guid Logger => (Own ? World.Person(TeamMemberOnTeam) : World.ManagerOfB).StaffId!.Value;

        /// <summary>The manager (and PM) of the account's engagements.</summary>
        public Person Manager => Own ? World.Person(ManagerOnTeam) : World.ManagerOfB;

        /// <summary>The caller's own seeded person; anonymous has none, and stands in with someone else's.</summary>
        public Person CallerOrManagerOfB => Principal == Anonymous ? World.ManagerOfB : World.Person(Principal);
    }

    /// <summary>What to send: route values for the row's pattern, a JSON body and If-Match.</summary>
    private sealed record Call((string Name, object Value)[]? Route = null, object? Body = null, string? IfMatch = null, string? Query = null)
    {
        public static Task<Call> None => Task.FromResult(new Call());

        public static Task<Call> To(params (string Name, Guid Value)[] route) =>
            Task.FromResult(new Call([.. route.Select(r => (r.Name, (object)r.Value))]));

        public string Url(string pattern)
        {
            var url = (Route ?? []).Aggregate(pattern, (path, value) =>
                path.Replace($"{{{value.Name}}}", Convert.ToString(value.Value, CultureInfo.InvariantCulture), StringComparison.Ordinal));
            url.ShouldNotContain("{", customMessage: $"The row for {pattern} leaves a route parameter unfilled.");
            return Query is null ? url : $"{url}?{Query}";
        }
    }

    private sealed record Row(
        string Key, string Own, string Foreign, Func<Case, Task<Call>> PrepareAsync, Func<Case, Task>? CleanUpAsync = null)
    {
        public string Method => Key.Split(' ')[0];

        public string Route => Key.Split(' ')[1];

        public int[] Expected(bool own)
        {
            var statuses = (own ? Own : Foreign).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            statuses.Length.ShouldBe(Columns.Length, $"The row for {Key} must give one status per principal.");
            return statuses;
        }
    }
}

public sealed class AccessMatrixTestsOnSqlite(SqliteApp app) : AccessMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class AccessMatrixTestsOnPostgres(PostgresApp app) : AccessMatrixTests(app), IClassFixture<PostgresApp>;
