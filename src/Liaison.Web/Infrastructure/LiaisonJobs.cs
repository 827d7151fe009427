using Liaison.Core.Features.Communications.Inbound;
using Liaison.Core.Jobs;
using Microsoft.Extensions.Options;
using Quartz;

namespace Liaison.Web.Infrastructure;

/// <summary>Scheduled work: the Quartz scheduler as a hosted service, and each job whose feature is turned on.</summary>
public static class LiaisonJobs
{
    public static WebApplicationBuilder AddLiaisonJobs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<InboundMailOptions>().Bind(configuration.GetSection(InboundMailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InboundMailOptions>, InboundMailOptionsValidator>();
        // Core registers the sink (InboundMailImporter) that turns each message into an interaction.
        services.AddScoped<MailboxPoller>();

        var inboundMail = configuration.GetSection(InboundMailOptions.Section).Get<InboundMailOptions>() ?? new InboundMailOptions();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s =>
            {
                s.InstanceName = "Liaison";
                // A running poll is told to stop at shutdown; its cursor already says where to resume.
                s.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            quartz.UseDefaultThreadPool(2);
            if (inboundMail.Enabled)
            {
                quartz.AddJob<InboundMailJob>(job => job.WithIdentity(InboundMailJob.Key));
                quartz.AddTrigger(trigger => trigger.ForJob(InboundMailJob.Key).WithIdentity("inbound-mail", "liaison").StartNow()
                    // From the end of one poll to the start of the next: a slow mailbox is never polled back to back.
                    .WithSimpleSchedule(s => s.WithInterval(inboundMail.PollInterval).RepeatForever().MeasureIntervalFromCompletion()));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
