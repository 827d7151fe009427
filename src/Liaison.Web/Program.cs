using Liaison.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddLiaison();
builder.AddLiaisonJobs();
var app = builder.Build();

if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(app, args);
}

await app.PrepareDatabaseAsync();
app.UseLiaison();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
