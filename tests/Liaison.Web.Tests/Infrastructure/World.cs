using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.ChangeRequests;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Deliverables;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Insights;
using Liaison.Core.Features.Integrations;
using Liaison.Core.Features.Meetings;
using Liaison.Core.Features.Recommendations;
using Liaison.Core.Features.Risks;
using Liaison.Core.Features.Stakeholders;
using Liaison.Core.Features.Time;
using Liaison.Core.Features.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Web.Tests.Infrastructure;

/// <summary>The callers every HTTP test can act as.</summary>
public enum Principal
{
    Anonymous,
    Admin,
    /// <summary>An account manager on account A's team (A is their account), not on B's.</summary>
    ManagerOnTeam,
    /// <summary>An account manager on no team at all.</summary>
    ManagerOffTeam,
    /// <summary>A team member (role TeamMember) on account A's team.</summary>
    TeamMemberOnTeam,
    ClientOfA,
    ClientOfB,
    /// <summary>An admin whose sign-in was disabled after their token was made.</summary>
    Disabled,
}

/// <summary>A seeded sign-in: its ids, its bearer token and a second token it may revoke.</summary>
public sealed record Person(Guid UserId, Guid? StaffId, string Email, string Token, Guid SpareTokenId);

/// <summary>
/// The data every fixture starts with, made through Core's own services as an admin would:
/// account A ("own": the account of the on-team staff and of client A) and account B ("foreign":
/// managed by someone who is not a principal), a stakeholder on each, and one person per
/// <see cref="Principal"/>. Passwords are hashed slowly on purpose, so this runs once per fixture.
/// </summary>
public sealed record World(
    CurrentUser Admin,
    IReadOnlyDictionary<Principal, Person> People,
    Person ManagerOfB,
    Person SpareStaff,
    Person Victim,
    Guid AccountA,
    Guid AccountB,
    Guid StakeholderA,
    Guid StakeholderB,
    Guid EngagementA,
    Guid EngagementB,
    Guid TimeEntryA,
    Guid TimeEntryB,
    Guid ExpenseA,
    Guid ExpenseB,
    Guid MeetingA,
    Guid MeetingB,
    Guid CommitmentA,
    Guid CommitmentB,
    Guid ClientCommitmentA,
    Guid RecommendationA,
    Guid RecommendationB,
    Guid InsightA,
    Guid InsightB,
    Guid InteractionA,
    Guid InteractionB,
    Guid ChangeRequestA,
    Guid ChangeRequestB,
    Guid RiskA,
    Guid InternalRiskA,
    Guid RiskB,
    Guid RequestA,
    Guid RequestB,
    Guid DeliverableA,
    Guid DeliverableB)
{
    /// <summary>A day in an open month that every seeded entry and test entry uses.</summary>
    public static readonly DateOnly WorkDay = new(2026, 3, 10);

    public const string Password = "correct horse battery staple";
    public const string AccountAName = "Aurora Analytics";
    public const string AccountBName = "Borealis Bank";
    public const string StakeholderANotes = "Internal: prefers short weekly updates.";
    public const string MeetingNotes = "<p>Internal: they will ask for a discount.</p>";

    /// <summary>When the seeded meetings start: planned, ahead of the tests' real clock.</summary>
    public static readonly DateTimeOffset MeetingStart = new(2027, 1, 15, 9, 0, 0, TimeSpan.Zero);

    /// <summary>When the seeded commitments fall due.</summary>
    public static readonly DateOnly CommitmentDue = new(2027, 1, 31);

    /// <summary>When the seeded risks are next reviewed: ahead of the tests' real clock.</summary>
    public static readonly DateOnly RiskReview = new(2027, 2, 1);

    public Person Person(Principal principal) => People[principal];

    public static async Task<World> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var stakeholders = scope.ServiceProvider.GetRequiredService<StakeholderService>();
        var tokens = scope.ServiceProvider.GetRequiredService<TokenService>();

        var adminView = Must(await users.CreateOrResetAdminAsync("ada.admin@liaison.test", Password, ct));
        var admin = await scope.ServiceProvider.GetRequiredService<CurrentUserLoader>().LoadAsync(adminView.Id, ct)
            ?? throw new InvalidOperationException("The seeded admin could not be loaded.");

        async Task<UserView> UserAsync(string email, string name, Role role, Guid? accountId = null) =>
            Must(await users.CreateAsync(admin, new NewUserInput
            {
                Email = email, Password = Password, FullName = name, Role = role, AccountId = accountId,
            }, ct));

        var managerOnTeam = await UserAsync("mona.manager@liaison.test", "Mona Manager", Role.AccountManager);
        var managerOffTeam = await UserAsync("otto.offteam@liaison.test", "Otto Offteam", Role.AccountManager);
        var teamMember = await UserAsync("tara.teammember@liaison.test", "Tara Teammember", Role.TeamMember);
        var managerOfB = await UserAsync("bruno.bmanager@liaison.test", "Bruno Bmanager", Role.AccountManager);
        var spareStaff = await UserAsync("sam.spare@liaison.test", "Sam Spare", Role.TeamMember);
        var victim = await UserAsync("vic.victim@liaison.test", "Vic Victim", Role.ProjectManager);
        var disabled = await UserAsync("dora.disabled@liaison.test", "Dora Disabled", Role.Admin);

        var accountA = Must(await accounts.CreateAsync(admin, new AccountInput { Name = AccountAName, AccountManagerId = managerOnTeam.StaffId }, ct));
        var accountB = Must(await accounts.CreateAsync(admin, new AccountInput { Name = AccountBName, AccountManagerId = managerOfB.StaffId }, ct));
        Must(await accounts.AddTeamMemberAsync(admin, accountA.Id, new TeamMemberInput { StaffId = teamMember.StaffId, Role = TeamRole.Specialist }, ct));

        var clientOfA = await UserAsync("cleo.client@aurora.test", "Cleo Client", Role.Client, accountA.Id);
        var clientOfB = await UserAsync("boris.client@borealis.test", "Boris Client", Role.Client, accountB.Id);

        var stakeholderA = Must(await stakeholders.CreateAsync(admin, accountA.Id,
            new StakeholderInput { FullName = "Alma Sponsor", Email = "alma@aurora.test", Influence = 5, Notes = StakeholderANotes }, ct));
        var stakeholderB = Must(await stakeholders.CreateAsync(admin, accountB.Id,
            new StakeholderInput { FullName = "Bert Buyer", Email = "bert@borealis.test", Influence = 2, Notes = "Internal: cost-driven." }, ct));

        async Task<Person> PersonAsync(UserView user)
        {
            var token = Must(await tokens.CreateAsync(user.Id, "tests", ct));
            var spare = Must(await tokens.CreateAsync(user.Id, "spare", ct));
            return new Person(user.Id, user.StaffId, user.Email, token.Token, spare.Details.Id);
        }

        var people = new Dictionary<Principal, Person>
        {
            [Principal.Admin] = await PersonAsync(adminView),
            [Principal.ManagerOnTeam] = await PersonAsync(managerOnTeam),
            [Principal.ManagerOffTeam] = await PersonAsync(managerOffTeam),
            [Principal.TeamMemberOnTeam] = await PersonAsync(teamMember),
            [Principal.ClientOfA] = await PersonAsync(clientOfA),
            [Principal.ClientOfB] = await PersonAsync(clientOfB),
            // Tokens of a disabled user cannot be made, so this one is made first.
            [Principal.Disabled] = await PersonAsync(disabled),
        };
        Must(await users.SetDisabledAsync(admin, disabled.Id, disabled: true, ct));

        // An engagement in delivery on each account: A's run by the on-team manager with the team member
        // on it, B's by B's manager. Each has one time entry and one expense.
        var loader = scope.ServiceProvider.GetRequiredService<CurrentUserLoader>();
        var engagements = scope.ServiceProvider.GetRequiredService<EngagementService>();
        var handOffs = scope.ServiceProvider.GetRequiredService<HandOffService>();
        var time = scope.ServiceProvider.GetRequiredService<TimeService>();
        var expenses = scope.ServiceProvider.GetRequiredService<ExpenseService>();

        async Task<Guid> EngagementAsync(Guid accountId, UserView manager, Guid[] members)
        {
            var draft = Must(await engagements.CreateAsync(admin, NewEngagement(accountId, manager.StaffId!.Value, members), ct));
            Must(await handOffs.SendAsync(admin, draft.Id, null, ct));
            var pm = await loader.LoadAsync(manager.Id, ct) ?? throw new InvalidOperationException("The PM could not be loaded.");
            Must(await handOffs.AcknowledgeAsync(pm, draft.Id, null, new AcknowledgeInput(null), ct));
            Must(await engagements.SetStatusAsync(admin, draft.Id, null, new StatusInput(EngagementStatus.InDelivery), ct));
            return draft.Id;
        }

        var engagementA = await EngagementAsync(accountA.Id, managerOnTeam, [teamMember.StaffId!.Value]);
        var engagementB = await EngagementAsync(accountB.Id, managerOfB, []);
        var entryA = Must(await time.CreateAsync(admin, new TimeEntryInput
        {
            EngagementId = engagementA, StaffId = teamMember.StaffId, Date = WorkDay, Minutes = 90, Note = "Internal: seeded",
        }, ct));
        var entryB = Must(await time.CreateAsync(admin, new TimeEntryInput
        {
            EngagementId = engagementB, StaffId = managerOfB.StaffId, Date = WorkDay, Minutes = 60,
        }, ct));
        var expenseA = Must(await expenses.CreateAsync(admin, new ExpenseInput
        {
            EngagementId = engagementA, StaffId = teamMember.StaffId, Date = WorkDay, Amount = 4500, Category = ExpenseCategory.Travel,
        }, ct));
        var expenseB = Must(await expenses.CreateAsync(admin, new ExpenseInput
        {
            EngagementId = engagementB, StaffId = managerOfB.StaffId, Date = WorkDay, Amount = 1200,
        }, ct));

        // A planned meeting on each account with internal notes, and commitments: on A an internal agency
        // one and a client-visible one of the client's; on B a client-visible one of the client's.
        var meetings = scope.ServiceProvider.GetRequiredService<MeetingService>();
        var commitments = scope.ServiceProvider.GetRequiredService<CommitmentService>();
        var meetingA = Must(await meetings.CreateAsync(admin, NewMeeting(accountA.Id, stakeholderA.Id, managerOnTeam.StaffId!.Value), ct));
        var meetingB = Must(await meetings.CreateAsync(admin, NewMeeting(accountB.Id, stakeholderB.Id, managerOfB.StaffId!.Value), ct));
        var commitmentA = Must(await commitments.CreateAsync(admin, new CreateCommitmentInput
        {
            AccountId = accountA.Id, MeetingId = meetingA.Id, Side = CommitmentSide.Agency, OwnerStaffId = managerOnTeam.StaffId,
            Title = "Internal: send the pricing options", DueDate = CommitmentDue,
        }, ct));
        var clientCommitmentA = Must(await commitments.CreateAsync(admin, NewClientCommitment(accountA.Id, stakeholderA.Id), ct));
        var commitmentB = Must(await commitments.CreateAsync(admin, NewClientCommitment(accountB.Id, stakeholderB.Id), ct));


        // A presented recommendation and an insight on each account, with internal text a client must never get.
        var recommendations = scope.ServiceProvider.GetRequiredService<RecommendationService>();
        var insights = scope.ServiceProvider.GetRequiredService<InsightService>();

        async Task<Guid> RecommendationAsync(Guid accountId, Guid consulted)
        {
            var draft = Must(await recommendations.CreateAsync(admin, NewRecommendation(accountId, consulted), ct));
            return Must(await recommendations.PresentAsync(admin, draft.Id, null, null, ct)).Id;
        }

        async Task<Guid> InsightAsync(Guid accountId) => Must(await insights.CreateAsync(admin, new NewInsightInput
        {
            AccountId = accountId, Title = "Seeded insight", SourceUrl = "https://example.com/seeded", WhyItMatters = "Internal: their rival did this.",
        }, ct)).Id;

        // A query from the stakeholder on each account, with an internal summary.
        var interactions = scope.ServiceProvider.GetRequiredService<InteractionService>();

        async Task<Guid> InteractionAsync(Guid accountId, Guid stakeholderId) => Must(await interactions.CreateAsync(admin, new NewInteractionInput
        {
            AccountId = accountId, Subject = "Seeded query", Summary = "Internal: they sound annoyed.", IsQuery = true, StakeholderIds = [stakeholderId],
        }, ct)).Id;

        // A change request proposed to the client on each engagement, with internal notes.
        var changeRequests = scope.ServiceProvider.GetRequiredService<ChangeRequestService>();

        async Task<Guid> ChangeRequestAsync(Guid engagementId, Guid stakeholderId)
        {
            var draft = Must(await changeRequests.CreateAsync(admin, NewChangeRequest(engagementId, stakeholderId), ct));
            return Must(await changeRequests.ProposeAsync(admin, draft.Id, null, ct)).Id;
        }

        var changeRequestA = await ChangeRequestAsync(engagementA, stakeholderA.Id);
        var changeRequestB = await ChangeRequestAsync(engagementB, stakeholderB.Id);

        var recommendationA = await RecommendationAsync(accountA.Id, managerOnTeam.StaffId!.Value);
        var recommendationB = await RecommendationAsync(accountB.Id, managerOfB.StaffId!.Value);

        // A client-visible risk on each account's engagement, escalated, with an internal contingency: on A owned
        // by the team member, on B by B's manager. On A also an internal risk to the relationship.
        var risks = scope.ServiceProvider.GetRequiredService<RiskService>();

        async Task<Guid> RiskAsync(Guid accountId, Guid engagementId, Guid ownerStaffId)
        {
            var risk = Must(await risks.CreateAsync(admin, NewRisk(accountId, engagementId, ownerStaffId), ct));
            return Must(await risks.EscalateAsync(admin, risk.Id, null, new RiskEscalationInput
            {
                To = "Agency lead", Note = "Internal: flagged to the agency lead.",
            }, ct)).Id;
        }

        var riskA = await RiskAsync(accountA.Id, engagementA, teamMember.StaffId!.Value);
        var internalRiskA = Must(await risks.CreateAsync(admin, new NewRiskInput
        {
            AccountId = accountA.Id, Title = "Internal: the sponsor may leave", Probability = 2, Impact = 5, OwnerStaffId = managerOnTeam.StaffId,
            NextReviewDate = RiskReview,
        }, ct)).Id;
        var riskB = await RiskAsync(accountB.Id, engagementB, managerOfB.StaffId!.Value);

        // A request from the stakeholder on each account, and a deliverable in client review on each
        // engagement that went through one internal round sent back with internal comments first.
        var requests = scope.ServiceProvider.GetRequiredService<ClientRequestService>();
        var deliverables = scope.ServiceProvider.GetRequiredService<DeliverableService>();

        async Task<Guid> RequestAsync(Guid accountId, Guid stakeholderId) =>
            Must(await requests.CreateAsync(admin, NewRequest(accountId, stakeholderId), ct)).Id;

        async Task<Guid> DeliverableAsync(Guid engagementId)
        {
            var id = Must(await deliverables.CreateAsync(admin, NewDeliverable(engagementId), ct)).Id;
            await DeliverableToClientReviewAsync(deliverables, admin, id, ct);
            return id;
        }

        var requestA = await RequestAsync(accountA.Id, stakeholderA.Id);
        var requestB = await RequestAsync(accountB.Id, stakeholderB.Id);
        var deliverableA = await DeliverableAsync(engagementA);
        var deliverableB = await DeliverableAsync(engagementB);

        return new World(admin, people, await PersonAsync(managerOfB), await PersonAsync(spareStaff), await PersonAsync(victim),
            accountA.Id, accountB.Id, stakeholderA.Id, stakeholderB.Id, engagementA, engagementB, entryA.Id, entryB.Id, expenseA.Id, expenseB.Id,
            meetingA.Id, meetingB.Id, commitmentA.Id, commitmentB.Id, clientCommitmentA.Id,
            recommendationA, recommendationB, await InsightAsync(accountA.Id), await InsightAsync(accountB.Id),
            await InteractionAsync(accountA.Id, stakeholderA.Id), await InteractionAsync(accountB.Id, stakeholderB.Id),
            changeRequestA, changeRequestB, riskA, internalRiskA, riskB, requestA, requestB, deliverableA, deliverableB);
    }

    /// <summary>The start of a PNG image and some bytes: what the file store takes for one.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', .. new byte[2000]];

    /// <summary>A request with a brief, as a stakeholder of the account might make it.</summary>
    public static NewClientRequestInput NewRequest(Guid accountId, Guid stakeholderId, string title = "Seeded request") => new()
    {
        AccountId = accountId,
        StakeholderId = stakeholderId,
        Title = title,
        Objective = "More sign-ups from the spring campaign",
        Audience = "Small businesses",
        Constraints = "Internal: they will not pay for video.",
        References = ["https://examples.example/campaign"],
    };

    /// <summary>A design deliverable of the engagement, with an internal brief.</summary>
    public static NewDeliverableInput NewDeliverable(Guid engagementId, string title = "Seeded deliverable") => new()
    {
        EngagementId = engagementId,
        Title = title,
        Type = DeliverableType.Design,
        Brief = "Internal: keep it under budget.",
        DueDate = new DateOnly(2027, 2, 1),
    };

    /// <summary>
    /// Takes a briefed deliverable to the client: a version with internal notes, an internal round with an
    /// internal comment sent back, a second version (a PNG file) passed by the filter, then sent to the client.
    /// </summary>
    public static async Task DeliverableToClientReviewAsync(DeliverableService deliverables, CurrentUser admin, Guid id, CancellationToken ct)
    {
        await DeliverableToInternalReviewAsync(deliverables, admin, id, ct);
        Must(await deliverables.AddCommentAsync(admin, id, null, new DeliverableCommentInput { Text = "Internal: the kerning is off." }, ct));
        Must(await deliverables.TransitionAsync(admin, id, null, new TransitionInput { To = DeliverableState.InProgress, Comment = "Internal: fix the kerning." }, ct));
        using (var png = new MemoryStream(Png))
        {
            Must(await deliverables.AddFileVersionAsync(admin, id, null, png, "kerning-fixed.png", new NewFileVersionInput { Notes = "Internal: kerning fixed." }, ct));
        }

        Must(await deliverables.TransitionAsync(admin, id, null, new TransitionInput { To = DeliverableState.InternalReview }, ct));
        Must(await deliverables.TransitionAsync(admin, id, null, new TransitionInput { To = DeliverableState.ReadyForClient, Comment = "Internal: good now." }, ct));
        Must(await deliverables.TransitionAsync(admin, id, null, new TransitionInput { To = DeliverableState.ClientReview, Comment = "For your review." }, ct));
    }

    /// <summary>Takes a briefed deliverable to internal review with one version.</summary>
    public static async Task DeliverableToInternalReviewAsync(DeliverableService deliverables, CurrentUser admin, Guid id, CancellationToken ct)
    {
        Must(await deliverables.TransitionAsync(admin, id, null, new TransitionInput { To = DeliverableState.InProgress }, ct));
        Must(await deliverables.AddVersionAsync(admin, id, null, new NewVersionInput { LinkUrl = "https://files.example/seeded-1", Notes = "Internal: first cut." }, ct));
        Must(await deliverables.TransitionAsync(admin, id, null, new TransitionInput { To = DeliverableState.InternalReview }, ct));
    }

    /// <summary>A change request the stakeholder asked for: more hours, a fee and two weeks more.</summary>
    public static NewChangeRequestInput NewChangeRequest(Guid engagementId, Guid stakeholderId, string title = "Two more landing pages") => new()
    {
        EngagementId = engagementId,
        Title = title,
        Description = "A landing page per region.",
        Reason = "The regions asked for their own.",
        RequestedByStakeholderId = stakeholderId,
        HoursDeltaMinutes = 16 * 60,
        FeeDelta = 240_000,
        EndDateShiftDays = 14,
        InternalNotes = "Internal: we under-quoted the first ones.",
    };

    /// <summary>The seeded client-visible risk of an account, as an update that keeps it as it is would send it.</summary>
    public static NewRiskInput NewRisk(Guid accountId, Guid engagementId, Guid ownerStaffId, string title = "Seeded risk") => new()
    {
        AccountId = accountId,
        EngagementId = engagementId,
        Kind = RiskKind.Risk,
        Title = title,
        Description = "The launch date may slip.",
        Probability = 3,
        Impact = 4,
        OwnerStaffId = ownerStaffId,
        Mitigation = "A weekly checkpoint with the sponsor.",
        Contingency = "Internal: absorb the overrun.",
        NextReviewDate = RiskReview,
        ClientVisible = true,
    };

    /// <summary>A time-and-materials engagement with everything a hand-off needs.</summary>
    public static CreateEngagementInput NewEngagement(Guid accountId, Guid managerStaffId, Guid[] members, string name = "Matrix engagement") => new()
    {
        AccountId = accountId,
        Name = name,
        Type = EngagementType.TimeAndMaterials,
        ClientNeeds = "A relaunch of the website.",
        Goals = ["More enquiries"],
        Deliverables = [new DeliverableInput { Title = "Home page", DueDate = new DateOnly(2026, 6, 30) }],
        StartDate = new DateOnly(2026, 1, 1),
        EndDate = new DateOnly(2026, 12, 31),
        AccountManagerId = managerStaffId,
        ProjectManagerId = managerStaffId,
        Members = [.. members.Select(m => new MemberInput { StaffId = m, Role = "Designer" })],
        InternalNotes = "Internal: margin is thin.",
    };

    /// <summary>The seeded meeting of an account, as an update that keeps it as it is would send it.</summary>
    public static CreateMeetingInput NewMeeting(Guid accountId, Guid stakeholderId, Guid staffId, string title = "Monthly account review") => new()
    {
        AccountId = accountId,
        Title = title,
        Type = MeetingType.AccountReview,
        StartsAt = MeetingStart,
        TimeZone = "Europe/London",
        DurationMinutes = 60,
        Location = "https://meet.example.test/review",
        StakeholderIds = [stakeholderId],
        StaffIds = [staffId],
        Agenda = "<p>Results and <strong>next steps</strong></p>",
        Notes = MeetingNotes,
        Decisions = ["Launch in spring"],
        ReviewsPlan = true,
    };

    /// <summary>A client-visible commitment of the client's side, owned by the account's stakeholder.</summary>
    public static CreateCommitmentInput NewClientCommitment(Guid accountId, Guid stakeholderId) => new()
    {
        AccountId = accountId,
        Side = CommitmentSide.Client,
        OwnerStakeholderId = stakeholderId,
        Title = "Approve the sitemap",
        DueDate = CommitmentDue,
        ClientVisible = true,
    };

    /// <summary>A recommendation ready to present: two options, one person consulted, the first recommended.</summary>
    public static NewRecommendationInput NewRecommendation(Guid accountId, Guid consulted, string title = "Seeded recommendation") => new()
    {
        AccountId = accountId,
        Title = title,
        Context = "Internal: they will push back on price.",
        Options = [new OptionInput { Title = "Do it", Pros = "Faster", Cons = "Costs more" }, new OptionInput { Title = "Wait" }],
        StaffConsulted = [consulted],
        RecommendedOption = 0,
        Importance = Importance.High,
    };

    /// <summary>The value of a seeding step; a failure here is a broken fixture, so it throws with Core's reason.</summary>
    public static T Must<T>(Result<T> result) => result.IsSuccess
        ? result.Value
        : throw new InvalidOperationException($"Seeding failed: {result.Error.Message} {Describe(result.Error)}");

    public static void Must(Result result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Seeding failed: {result.Error.Message} {Describe(result.Error)}");
        }
    }

    private static string Describe(Error error) =>
        error.Fields is null ? "" : string.Join("; ", error.Fields.Select(f => $"{f.Key}: {string.Join(", ", f.Value)}"));
}
