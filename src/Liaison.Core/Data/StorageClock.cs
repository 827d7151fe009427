namespace Liaison.Core.Data;

public static class StorageClock
{
    /// <summary>
    /// Now, in UTC, at the microsecond precision PostgreSQL keeps, so that an instant a service returns
    /// equals the one a later read returns on either database.
    /// </summary>
    public static DateTime UtcNowStorable(this TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
