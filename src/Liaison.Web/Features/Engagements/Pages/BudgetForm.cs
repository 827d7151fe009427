using System.ComponentModel.DataAnnotations;
using Liaison.Core.Common;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Staff;
using Liaison.Web.Features.Time.Pages;

namespace Liaison.Web.Features.Engagements.Pages;

/// <summary>
/// The budget step of the initiation as typed: amounts in currency and hours as text. It becomes a
/// <see cref="BudgetInput"/> (minor units, minutes); Core validates and sets the budget.
/// </summary>
public sealed class BudgetForm : IValidatableObject
{
    public decimal? FixedFee { get; set; }

    public RevenueRecognition Recognition { get; set; } = RevenueRecognition.PercentComplete;

    public string? HoursCap { get; set; }

    public RetainerPeriod RetainerPeriod { get; set; } = RetainerPeriod.Monthly;

    public string? RetainerHours { get; set; }

    public decimal? RetainerFee { get; set; }

    public int RolloverPercent { get; set; }

    public List<RateLineRow> RateCard { get; } = [];

    public static BudgetForm From(BudgetView budget)
    {
        var form = new BudgetForm
        {
            FixedFee = MoneyText.ToAmount(budget.FixedFee),
            Recognition = budget.Recognition,
            HoursCap = budget.HoursCapMinutes is { } cap ? HoursText.Decimal(cap) : null,
            RetainerPeriod = budget.RetainerPeriod,
            RetainerHours = budget.RetainerMinutesPerPeriod is { } hours ? HoursText.Decimal(hours) : null,
            RetainerFee = MoneyText.ToAmount(budget.RetainerFeePerPeriod),
            RolloverPercent = budget.RolloverPercent,
        };
        form.RateCard.AddRange(budget.RateCard.Select(l => new RateLineRow
        {
            ByDiscipline = l.StaffId is null, StaffId = l.StaffId, Discipline = l.Discipline, BillRate = MoneyText.ToAmount(l.BillRate),
        }));
        return form;
    }

    /// <summary>The input for Core; only call once <see cref="Validate"/> passes, as hours must parse.</summary>
    public BudgetInput ToInput()
    {
        return new BudgetInput
        {
            FixedFee = MoneyText.ToMinor(FixedFee),
            Recognition = Recognition,
            HoursCapMinutes = Minutes(HoursCap),
            RetainerPeriod = RetainerPeriod,
            RetainerMinutesPerPeriod = Minutes(RetainerHours),
            RetainerFeePerPeriod = MoneyText.ToMinor(RetainerFee),
            RolloverPercent = RolloverPercent,
            RateCard = [.. RateCard.Where(l => !l.IsBlank).Select(l => new RateCardLineInput
            {
                StaffId = l.ByDiscipline ? null : l.StaffId,
                Discipline = l.ByDiscipline ? l.Discipline : null,
                BillRate = MoneyText.ToMinor(l.BillRate) ?? 0,
            })],
        };
    }

    private static int? Minutes(string? hours) =>
        !string.IsNullOrWhiteSpace(hours) && HoursText.TryParse(hours, out var minutes) ? minutes : null;

    /// <summary>Core names the fields of <see cref="BudgetInput"/>; this form shows them under its own names.</summary>
    public static Error Rename(Error error) => error.Fields is not { } fields
        ? error
        : error with
        {
            Fields = fields.ToDictionary(f => f.Key switch
            {
                "hoursCapMinutes" => "hoursCap",
                "retainerMinutesPerPeriod" => "retainerHours",
                "retainerFeePerPeriod" => "retainerFee",
                _ => f.Key,
            }, f => f.Value),
        };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!HoursText.TryParse(HoursCap, out _))
        {
            yield return new ValidationResult(HoursText.Hint, [nameof(HoursCap)]);
        }

        if (!HoursText.TryParse(RetainerHours, out _))
        {
            yield return new ValidationResult(HoursText.Hint, [nameof(RetainerHours)]);
        }
    }
}

/// <summary>A rate card line as typed: a bill rate for one person or for a discipline.</summary>
public sealed class RateLineRow
{
    public bool ByDiscipline { get; set; }

    public Guid? StaffId { get; set; }

    public Discipline? Discipline { get; set; }

    public decimal? BillRate { get; set; }

    public bool IsBlank => StaffId is null && Discipline is null && BillRate is null;
}
