using Liaison.Core.Features.Engagements;

namespace Liaison.Web.Features.Engagements.Pages;

/// <summary>
/// The initiation as the wizard edits it: the engagement input plus the rows of its lists. Rows left
/// completely blank are not sent; everything else goes to Core as typed, for Core to validate.
/// </summary>
public sealed class InitiationForm
{
    public static readonly string[] Steps = ["Client needs", "Goals", "Deliverables", "Roles", "Budget", "Review"];

    public const int BudgetStep = 4;

    public const int ReviewStep = 5;

    public CreateEngagementInput Input { get; } = new();

    public List<TextRow> Goals { get; } = [];

    public List<DeliverableRow> Deliverables { get; } = [];

    public List<PhaseRow> Phases { get; } = [];

    public List<MilestoneRow> Milestones { get; } = [];

    public List<MemberRow> Members { get; } = [];

    /// <summary>Takes the saved engagement, so rows carry the ids Core gave them.</summary>
    public void Fill(EngagementView v)
    {
        var i = Input;
        (i.AccountId, i.Name, i.Type, i.Methodology, i.InitiationStep) = (v.AccountId, v.Name, v.Type, v.Methodology, v.InitiationStep);
        (i.ClientNeeds, i.ClientExpectations, i.KnownRisks, i.InternalNotes) = (v.ClientNeeds, v.ClientExpectations, v.KnownRisks, v.InternalNotes);
        (i.StartDate, i.EndDate, i.ReportCadence) = (v.StartDate, v.EndDate, v.ReportCadence);
        (i.AccountManagerId, i.ProjectManagerId) = (v.AccountManagerId, v.ProjectManagerId);
        Reset(Goals, v.Goals.Select(g => new TextRow { Text = g }));
        Reset(Deliverables, v.Deliverables.Select(d => new DeliverableRow { Id = d.Id, Title = d.Title, DueDate = d.DueDate }));
        Reset(Phases, v.Phases.Select(p => new PhaseRow { Name = p.Name, StartDate = p.StartDate, EndDate = p.EndDate }));
        Reset(Milestones, v.Milestones.Select(m => new MilestoneRow { Id = m.Id, Name = m.Name, DueDate = m.DueDate, DoneOn = m.DoneOn }));
        Reset(Members, v.Members.Select(m => new MemberRow { StaffId = m.StaffId, Role = m.Role }));
    }

    /// <summary>Copies the rows into the input; returns what must be fixed first, if anything.</summary>
    public string? Prepare(int step)
    {
        var i = Input;
        i.InitiationStep = Math.Max(i.InitiationStep, step);
        i.Goals = [.. Goals.Select(g => g.Text?.Trim()).Where(g => !string.IsNullOrEmpty(g)).OfType<string>()];
        i.Deliverables = [.. Deliverables.Where(d => !d.IsBlank).Select(d => new DeliverableInput { Id = d.Id, Title = d.Title ?? "", DueDate = d.DueDate })];
        i.Phases = [.. Phases.Where(p => !p.IsBlank).Select(p => new PhaseInput { Name = p.Name ?? "", StartDate = p.StartDate, EndDate = p.EndDate })];
        i.Members = [.. Members.Where(m => m.StaffId is not null).Select(m => new MemberInput { StaffId = m.StaffId!.Value, Role = m.Role })];
        if (Milestones.Any(m => !m.IsBlank && m.DueDate is null))
        {
            return "Every milestone needs a due date.";
        }

        i.Milestones = [.. Milestones.Where(m => !m.IsBlank).Select(m => new MilestoneInput
        {
            Id = m.Id, Name = m.Name ?? "", DueDate = m.DueDate!.Value, DoneOn = m.DoneOn,
        })];
        return null;
    }

    /// <summary>The step that shows a field Core (or the form) reported, by its camelCase name.</summary>
    public static int StepOf(string field) => field switch
    {
        "goals" => 1,
        "deliverables" or "phases" or "milestones" => 2,
        "accountManagerId" or "projectManagerId" or "members" => 3,
        "budget" or "fixedFee" or "recognition" or "hoursCap" or "hoursCapMinutes" or "retainerPeriod" or "retainerHours"
            or "retainerMinutesPerPeriod" or "retainerFee" or "retainerFeePerPeriod" or "rolloverPercent" or "rateCard" => BudgetStep,
        _ => 0,
    };

    private static void Reset<T>(List<T> rows, IEnumerable<T> values)
    {
        rows.Clear();
        rows.AddRange(values);
    }
}

public sealed class TextRow
{
    public string? Text { get; set; }
}

public sealed class DeliverableRow
{
    public Guid? Id { get; set; }

    public string? Title { get; set; }

    public DateOnly? DueDate { get; set; }

    public bool IsBlank => Id is null && string.IsNullOrWhiteSpace(Title) && DueDate is null;
}

public sealed class PhaseRow
{
    public string? Name { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && StartDate is null && EndDate is null;
}

public sealed class MilestoneRow
{
    public Guid? Id { get; set; }

    public string? Name { get; set; }

    public DateOnly? DueDate { get; set; }

    public DateOnly? DoneOn { get; set; }

    public bool IsBlank => Id is null && string.IsNullOrWhiteSpace(Name) && DueDate is null;
}

public sealed class MemberRow
{
    public Guid? StaffId { get; set; }

    public string? Role { get; set; }
}
