using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Liaison.Core.Common;
using Liaison.Core.Features.ChangeRequests;
using Liaison.Core.Features.Deliverables;
using Liaison.Web.Features.Time.Pages;

namespace Liaison.Web.Features.ChangeRequests.Pages;

/// <summary>
/// A change request as typed: hours as text ("-2:30" takes time out), the fee in currency, the requester
/// as one pick among the client's people and the agency's. It becomes a <see cref="NewChangeRequestInput"/>;
/// Core validates it and its messages show beside these fields.
/// </summary>
public sealed class ChangeRequestForm : IValidatableObject
{
    public const string ClientPrefix = "client:";
    public const string AgencyPrefix = "agency:";

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public string? Reason { get; set; }

    /// <summary>"client:{stakeholder id}" or "agency:{staff id}".</summary>
    public string? Requester { get; set; }

    public string? Hours { get; set; }

    public decimal? Fee { get; set; }

    public int EndDateShiftDays { get; set; }

    public List<Guid> AffectedDeliverableIds { get; set; } = [];

    public string? AffectedDeliverables { get; set; }

    public string? InternalNotes { get; set; }

    public static ChangeRequestForm From(ChangeRequestView change) => new()
    {
        Title = change.Title,
        Description = change.Description,
        Reason = change.Reason,
        Requester = change.RequestedByStakeholder is { } s ? ClientPrefix + s.Id : change.RequestedByStaff is { } t ? AgencyPrefix + t.Id : null,
        Hours = change.HoursDeltaMinutes == 0 ? null : (change.HoursDeltaMinutes < 0 ? "-" : "") + HoursText.Decimal(Math.Abs(change.HoursDeltaMinutes)),
        Fee = change.FeeDelta == 0 ? null : MoneyText.ToAmount(change.FeeDelta),
        EndDateShiftDays = change.EndDateShiftDays,
        AffectedDeliverableIds = [.. change.AffectedDeliverableIds],
        AffectedDeliverables = change.AffectedDeliverables,
        InternalNotes = change.InternalNotes,
    };

    /// <summary>
    /// A new change request from a client's ask: its objective as the description, the stakeholder as requester.
    /// Only the objective: the rest of a brief may hold the agency's own notes, and the client reads the description.
    /// </summary>
    public static ChangeRequestForm From(ClientRequestView request) => new()
    {
        RequestId = request.Id,
        Title = request.Title,
        Description = request.Objective,
        Reason = string.Create(CultureInfo.InvariantCulture, $"Asked for by the client on {request.ReceivedOn:d MMMM yyyy}."),
        Requester = request.StakeholderId is { } s ? ClientPrefix + s : null,
    };

    /// <summary>The client request it is raised from, linked when it is created.</summary>
    public Guid? RequestId { get; set; }

    /// <summary>The input for Core; only call once <see cref="Validate"/> passes, as the hours must parse.</summary>
    public NewChangeRequestInput ToInput(Guid engagementId) => new()
    {
        EngagementId = engagementId,
        RequestId = RequestId,
        Title = Title,
        Description = Description,
        Reason = Reason,
        RequestedByStakeholderId = Id(ClientPrefix),
        RequestedByStaffId = Id(AgencyPrefix),
        HoursDeltaMinutes = TryMinutes(Hours, out var minutes) ? minutes : 0,
        FeeDelta = MoneyText.ToMinor(Fee) ?? 0,
        EndDateShiftDays = EndDateShiftDays,
        AffectedDeliverableIds = [.. AffectedDeliverableIds],
        AffectedDeliverables = AffectedDeliverables,
        InternalNotes = InternalNotes,
    };

    /// <summary>Core names the fields of <see cref="ChangeRequestInput"/>; this form shows them under its own names.</summary>
    public static Error Rename(Error error) => error.Fields is not { } fields
        ? error
        : error with
        {
            Fields = fields.GroupBy(f => f.Key switch
            {
                "requestedByStakeholderId" or "requestedByStaffId" => "requester",
                "hoursDeltaMinutes" => "hours",
                "feeDelta" => "fee",
                _ => f.Key,
            }).ToDictionary(g => g.Key, g => g.SelectMany(f => f.Value).ToArray()),
        };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TryMinutes(Hours, out _))
        {
            yield return new ValidationResult("Hours like 12, 1.5, 1:30 or -4 to take time out.", [nameof(Hours)]);
        }
    }

    private Guid? Id(string prefix) =>
        Requester is { } r && r.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(r[prefix.Length..], out var id) ? id : null;

    /// <summary>Hours as <see cref="HoursText"/> reads them, with a leading minus for time taken out.</summary>
    private static bool TryMinutes(string? text, out int minutes)
    {
        var value = text?.Trim() ?? "";
        var negative = value.StartsWith('-');
        var parsed = HoursText.TryParse(negative ? value[1..] : value, out minutes);
        minutes = negative ? -minutes : minutes;
        return parsed;
    }
}
