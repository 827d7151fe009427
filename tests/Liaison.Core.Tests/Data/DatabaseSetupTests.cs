using Liaison.Core.Data;
using Npgsql;

namespace Liaison.Core.Tests.Data;

public sealed class DatabaseSetupTests
{
    [Fact]
    public void PostgresStatementsArePreparedAutomaticallyUnlessTheConnectionStringSaysOtherwise()
    {
        var defaulted = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Database=liaison;Username=app"));
        (defaulted.MaxAutoPrepare, defaulted.AutoPrepareMinUsages, defaulted.Host).ShouldBe((64, 2, "db"));

        var off = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Max Auto Prepare=0"));
        off.MaxAutoPrepare.ShouldBe(0);
        new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;MaxAutoPrepare=5")).MaxAutoPrepare.ShouldBe(5);
    }
}
