using System.ComponentModel.DataAnnotations;
using Liaison.Core.Common;
using Liaison.Core.Features.Staff;
using Liaison.Web.Features.Time.Pages;

namespace Liaison.Web.Features.Staff.Pages;

/// <summary>A staff member as the admin types them: capacity in hours; Core keeps minutes and validates.</summary>
public sealed class StaffForm : IValidatableObject
{
    public string FullName { get; set; } = "";

    public string Email { get; set; } = "";

    public string? JobTitle { get; set; }

    public Discipline Discipline { get; set; } = Discipline.Other;

    public string? Capacity { get; set; } = "37.5";

    public bool IsActive { get; set; } = true;

    public static StaffForm From(StaffView s) => new()
    {
        FullName = s.FullName, Email = s.Email, JobTitle = s.JobTitle, Discipline = s.Discipline,
        Capacity = HoursText.Decimal(s.WeeklyCapacityMinutes), IsActive = s.IsActive,
    };

    public StaffInput ToInput() => new()
    {
        FullName = FullName, Email = Email, JobTitle = JobTitle, Discipline = Discipline, IsActive = IsActive,
        WeeklyCapacityMinutes = HoursText.TryParse(Capacity, out var minutes) ? minutes : 0,
    };

    /// <summary>Core reports the capacity as minutes; the form shows it as hours.</summary>
    public static Error Rename(Error error) => error.Fields is not { } fields
        ? error
        : error with { Fields = fields.ToDictionary(f => f.Key == "weeklyCapacityMinutes" ? "capacity" : f.Key, f => f.Value) };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!HoursText.TryParse(Capacity, out _))
        {
            yield return new ValidationResult(HoursText.Hint, [nameof(Capacity)]);
        }
    }
}
