using Liaison.Core.Access;
using Liaison.Core.Common.Files;
using Liaison.Core.Data;
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
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Liaison.Core;

public static class CoreServices
{
    /// <summary>The database and every use-case service of Core.</summary>
    public static IServiceCollection AddLiaisonCore(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<FileStorageOptions>();
        services.AddSingleton<FileStore>();
        services.AddDbContextFactory<LiaisonDb>((sp, options) => options
            .UseLiaisonDatabase(provider, connectionString)
            .UseLiaisonInterceptors(sp.GetRequiredService<TimeProvider>()));
        // Identity's stores take a context per request scope; everything else opens one per operation.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<LiaisonDb>>().CreateDbContext());

        services.AddScoped<CurrentUserLoader>();
        services.AddScoped<AccountService>();
        services.AddScoped<AccountOverviewService>();
        services.AddScoped<StakeholderService>();
        services.AddScoped<StaffService>();
        services.AddScoped<UserService>();
        services.AddScoped<EngagementService>();
        services.AddScoped<HandOffService>();
        services.AddScoped<BudgetService>();
        services.AddScoped<ChangeRequestService>();
        services.AddScoped<TimeService>();
        services.AddScoped<ExpenseService>();
        services.AddScoped<MonthLockService>();
        services.AddScoped<ProfitabilityService>();
        services.AddScoped<TimeImportService>();
        services.AddScoped<TimeExportService>();
        services.AddScoped<WorkloadService>();
        services.AddScoped<AccountPlanService>();
        services.AddScoped<MeetingService>();
        services.AddScoped<CommitmentService>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<RecommendationService>();
        services.AddScoped<InsightService>();
        services.AddScoped<InteractionService>();
        services.AddScoped<ReplyQueueService>();
        services.AddScoped<SlaPolicyService>();
        services.AddScoped<TriageService>();
        services.AddScoped<IInboundMessageSink, InboundMailImporter>();
        services.AddScoped<RiskService>();
        services.AddScoped<ClientRequestService>();
        services.AddScoped<DeliverableService>();
        services.AddScoped<TokenService>();
        services.AddScoped<AuditService>();
        services.AddScoped<DemoAgencySeeder>();
        return services;
    }
}
