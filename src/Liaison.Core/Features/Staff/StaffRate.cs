namespace Liaison.Core.Features.Staff;

/// <summary>
/// The cost and bill rate of a staff member from a day on, until the next rate starts. Rates are
/// added, never edited in place, so the rate that priced a past day stays on record.
/// </summary>
public sealed class StaffRate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid StaffId { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>What an hour of this person costs the agency, in minor units of the currency.</summary>
    public long CostRate { get; set; }

    /// <summary>What an hour of this person is billed at by default, in minor units.</summary>
    public long BillRate { get; set; }

    public DateTime CreatedAt { get; set; }
}
