using Liaison.Core.Access;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Audit;
using Liaison.Core.Features.ChangeRequests;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Communications.Inbound;
using Liaison.Core.Features.Deliverables;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Insights;
using Liaison.Core.Features.Integrations;
using Liaison.Core.Features.Meetings;

using Liaison.Core.Features.Recommendations;
using Liaison.Core.Features.Risks;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Stakeholders;
using Liaison.Core.Features.Time;
using Liaison.Core.Features.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Data;

public sealed class LiaisonDb(DbContextOptions<LiaisonDb> options)
    : IdentityUserContext<LiaisonUser, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Who the audit log names for the changes saved through this context; null means the system.</summary>
    public CurrentUser? Actor { get; set; }

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<AccountTeamMember> AccountTeamMembers => Set<AccountTeamMember>();

    public DbSet<Stakeholder> Stakeholders => Set<Stakeholder>();

    public DbSet<StaffMember> Staff => Set<StaffMember>();

    public DbSet<StaffRate> StaffRates => Set<StaffRate>();

    public DbSet<Engagement> Engagements => Set<Engagement>();

    public DbSet<EngagementMember> EngagementMembers => Set<EngagementMember>();

    public DbSet<PlannedDeliverable> PlannedDeliverables => Set<PlannedDeliverable>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<RateCardLine> RateCardLines => Set<RateCardLine>();

    public DbSet<ProgressReading> ProgressReadings => Set<ProgressReading>();

    public DbSet<HandOffQuestion> HandOffQuestions => Set<HandOffQuestion>();

    public DbSet<ChangeRequest> ChangeRequests => Set<ChangeRequest>();

    public DbSet<TimeEntry> TimeEntries => Set<TimeEntry>();

    public DbSet<Expense> Expenses => Set<Expense>();

    public DbSet<TimeRollup> TimeRollups => Set<TimeRollup>();

    public DbSet<MonthLock> MonthLocks => Set<MonthLock>();

    public DbSet<TimeImport> TimeImports => Set<TimeImport>();

    public DbSet<AccountPlan> AccountPlans => Set<AccountPlan>();

    public DbSet<PlanInitiative> PlanInitiatives => Set<PlanInitiative>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingStakeholder> MeetingStakeholders => Set<MeetingStakeholder>();

    public DbSet<MeetingStaff> MeetingStaff => Set<MeetingStaff>();

    public DbSet<Commitment> Commitments => Set<Commitment>();

    public DbSet<CommitmentUpdate> CommitmentUpdates => Set<CommitmentUpdate>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<RecommendationOption> RecommendationOptions => Set<RecommendationOption>();

    public DbSet<Insight> Insights => Set<Insight>();

    public DbSet<InsightShare> InsightShares => Set<InsightShare>();

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<InteractionStakeholder> InteractionStakeholders => Set<InteractionStakeholder>();

    public DbSet<AccountSlaPolicy> AccountSlaPolicies => Set<AccountSlaPolicy>();

    public DbSet<TriageMessage> TriageMessages => Set<TriageMessage>();

    public DbSet<MailboxCursor> MailboxCursors => Set<MailboxCursor>();

    public DbSet<Risk> Risks => Set<Risk>();

    public DbSet<ClientRequest> ClientRequests => Set<ClientRequest>();

    public DbSet<Deliverable> Deliverables => Set<Deliverable>();

    public DbSet<DeliverableAssignee> DeliverableAssignees => Set<DeliverableAssignee>();

    public DbSet<DeliverableVersion> DeliverableVersions => Set<DeliverableVersion>();

    public DbSet<DeliverableRound> DeliverableRounds => Set<DeliverableRound>();

    public DbSet<DeliverableComment> DeliverableComments => Set<DeliverableComment>();

    public DbSet<DeliverableTransition> DeliverableTransitions => Set<DeliverableTransition>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite forgets DateTimeKind; every instant is UTC, so say so on the way back in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LiaisonDb).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entityType.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
        }
    }
}
