using System.Text;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Engagements;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Deliverables;

/// <summary>
/// Client requests from logging to triage. Staff on the account's team log them and read them; the
/// people who run the account (admins, account managers, project managers) triage them, once. Until
/// the client portal lets clients submit their own, requests are internal: a client user is refused
/// their account's list (403) and never finds one (404).
/// </summary>
public sealed class ClientRequestService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    private const string What = "The request";

    public async Task<Result<Page<ClientRequestSummary>>> ListAsync(CurrentUser user, ClientRequestListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        if (query.AccountId is { } accountId && !await AccountAccess.CanSeeAccountAsync(db, user, accountId, ct))
        {
            return Error.NotFound("The account");
        }

        if (user.IsClient)
        {
            return Error.Forbidden("Requests are handled by the agency; the client portal will show them later.");
        }

        var rows = Visible(db, user);
        if (query.AccountId is { } account)
        {
            rows = rows.Where(r => r.AccountId == account);
        }

        if (query.EngagementId is { } engagementId)
        {
            rows = rows.Where(r => r.EngagementId == engagementId);
        }

        if (query.StakeholderId is { } stakeholderId)
        {
            rows = rows.Where(r => r.StakeholderId == stakeholderId);
        }

        if (query.Outcome is { } outcome)
        {
            rows = rows.Where(r => r.Outcome == outcome);
        }

        if (query.Untriaged)
        {
            rows = rows.Where(r => r.Outcome == null);
        }

        var page = await (
                from r in rows
                join a in db.Accounts on r.AccountId equals a.Id
                join s in db.Stakeholders on r.StakeholderId equals s.Id into people
                from s in people.DefaultIfEmpty()
                orderby r.ReceivedOn descending, r.CreatedAt descending, r.Id descending
                select new ClientRequestSummary(
                    r.Id, r.AccountId, a.Name, r.EngagementId, r.StakeholderId, s != null ? s.FullName : null, r.Title, r.ReceivedOn, r.DueDate,
                    r.Outcome, r.Version))
            .Skip(offset).Take(limit + 1).ToListAsync(ct);
        return page.ToPage(offset, limit);
    }

    public async Task<Result<ClientRequestView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var request = await FindAsync(db, user, id, ct);
        return request is null ? Error.NotFound(What) : await ToViewAsync(db, request, ct);
    }

    /// <summary>Logs a request from a stakeholder of the account; anyone of the agency on the account's team may.</summary>
    public async Task<Result<ClientRequestView>> CreateAsync(CurrentUser user, NewClientRequestInput input, CancellationToken ct)
    {
        if (user.IsClient)
        {
            return Error.Forbidden("Requests are logged by the agency for now.");
        }

        await using var db = await dbs.OpenAsync(user, ct);
        if (!await AccountAccess.CanSeeAccountAsync(db, user, input.AccountId, ct))
        {
            return Error.Invalid("accountId", "Choose an account you are on the team of.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        var request = new ClientRequest
        {
            AccountId = input.AccountId,
            Title = input.Title.Trim(),
            LoggedByUserId = user.UserId,
            LoggedByName = user.DisplayName,
        };
        if (await ApplyAsync(db, user, request, input, ct) is { } error)
        {
            return error;
        }

        db.ClientRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return await ToViewAsync(db, request, ct);
    }

    /// <summary>Edits the brief until the request is triaged; by whoever logged it or the people who run the account.</summary>
    public async Task<Result<ClientRequestView>> UpdateAsync(
        CurrentUser user, Guid id, long? expectedVersion, ClientRequestInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var request = await FindAsync(db, user, id, ct);
        if (request is null)
        {
            return Error.NotFound(What);
        }

        if (!AccountAccess.CanManageRelationship(user) && request.LoggedByUserId != user.UserId)
        {
            return Error.Forbidden("Only whoever logged the request, admins, account managers and project managers edit it.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (request.Outcome is not null)
        {
            return Error.Conflict("The request is triaged; its brief is kept as it was. Edit what it became instead.");
        }

        if (expectedVersion is { } version && request.Version != version)
        {
            return Error.Stale(What);
        }

        if (await ApplyAsync(db, user, request, input, ct) is { } error)
        {
            return error;
        }

        return await db.TrySaveAsync(What, ct) is { } stale ? stale : await ToViewAsync(db, request, ct);
    }

    /// <summary>
    /// Decides, once, what the request becomes. Deliverables are made on the chosen engagement from the
    /// brief and linked to the request, all in one save; a second triage is a conflict.
    /// </summary>
    public async Task<Result<ClientRequestView>> TriageAsync(
        CurrentUser user, Guid id, long? expectedVersion, RequestTriageInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var request = await FindAsync(db, user, id, ct);
        if (request is null)
        {
            return Error.NotFound(What);
        }

        if (!AccountAccess.CanManageRelationship(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers triage requests.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (request.Outcome is { } done)
        {
            return Error.Conflict($"The request was already triaged ({Label(done)}) on {request.TriagedAt:yyyy-MM-dd}; triage happens once.");
        }

        if (expectedVersion is { } version && request.Version != version)
        {
            return Error.Stale(What);
        }

        if (input.Outcome == RequestOutcome.Deliverables && await MakeDeliverablesAsync(db, user, request, input, ct) is { } error)
        {
            return error;
        }

        MarkTriaged(request, user, input.Outcome!.Value);
        request.DeclineReason = input.Outcome == RequestOutcome.Declined ? Text.Clean(input.Reason) : null;
        request.ChangeRequestId = input.Outcome == RequestOutcome.ChangeRequest ? input.ChangeRequestId : null;
        return await db.TrySaveAsync(What, ct) is { } stale ? stale : await ToViewAsync(db, request, ct);
    }

    /// <summary>
    /// The hook for the change-request feature: links the request to the change request made from it, in
    /// the caller's context and transaction (nothing is saved here). A request not yet triaged becomes a
    /// change request; one triaged as a change request without a link gets it; anything else is a conflict.
    /// </summary>
    public async Task<Error?> MarkAsChangeRequestAsync(LiaisonDb db, CurrentUser user, Guid requestId, Guid changeRequestId, CancellationToken ct)
    {
        var request = await FindAsync(db, user, requestId, ct);
        if (request is null)
        {
            return Error.NotFound(What);
        }

        if (!AccountAccess.CanManageRelationship(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers triage requests.");
        }

        switch (request.Outcome)
        {
            case null:
                MarkTriaged(request, user, RequestOutcome.ChangeRequest);
                request.ChangeRequestId = changeRequestId;
                return null;
            case RequestOutcome.ChangeRequest when request.ChangeRequestId is null || request.ChangeRequestId == changeRequestId:
                request.ChangeRequestId = changeRequestId;
                return null;
            default:
                return Error.Conflict($"The request was already triaged ({Label(request.Outcome.Value)}); it cannot become another change request.");
        }
    }

    /// <summary>The brief as text, for the deliverables triage makes from the request.</summary>
    public static string ComposeBrief(ClientRequest request)
    {
        var text = new StringBuilder();
        void Line(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                text.Append(label).Append(": ").AppendLine(value.Trim());
            }
        }

        Line("Objective", request.Objective);
        Line("Audience", request.Audience);
        Line("Key message", request.KeyMessage);
        Line("Mandatories", request.Mandatories);
        Line("Constraints", request.Constraints);
        Line("Success measure", request.SuccessMeasure);
        Line("Due", request.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (request.References.Count > 0)
        {
            text.AppendLine("References:");
            foreach (var reference in request.References)
            {
                text.Append("- ").AppendLine(reference);
            }
        }

        var brief = text.ToString().Trim();
        return brief.Length <= 8000 ? brief : brief[..8000];
    }

    private static async Task<Error?> MakeDeliverablesAsync(LiaisonDb db, CurrentUser user, ClientRequest request, RequestTriageInput input, CancellationToken ct)
    {
        var engagement = await db.Engagements.AsNoTracking().VisibleTo(db, user)
            .Where(e => e.Id == input.EngagementId && e.AccountId == request.AccountId)
            .Select(e => new { e.Id, e.Status }).FirstOrDefaultAsync(ct);
        if (engagement is null)
        {
            return Error.Invalid("engagementId", "Choose an engagement of the request's account.");
        }

        if (EngagementRules.IsClosed(engagement.Status))
        {
            return Error.Conflict($"The engagement is {EngagementService.Labels(engagement.Status)}; it takes no new deliverables.");
        }

        var brief = ComposeBrief(request);
        for (var i = 0; i < input.Deliverables.Count; i++)
        {
            var item = input.Deliverables[i];
            var deliverable = new Deliverable
            {
                AccountId = request.AccountId, EngagementId = engagement.Id, RequestId = request.Id, Title = item.Title.Trim(),
            };
            if (await DeliverableService.ApplyAsync(db, deliverable, item, ct) is { } error)
            {
                var messages = error.Fields?.Values.SelectMany(m => m) ?? [error.Message];
                return Error.Invalid("deliverables", $"Deliverable {i + 1}: {string.Join(" ", messages)}");
            }

            deliverable.Brief ??= brief;
            db.Deliverables.Add(deliverable);
        }

        request.EngagementId = engagement.Id;
        return null;
    }

    private void MarkTriaged(ClientRequest request, CurrentUser user, RequestOutcome outcome)
    {
        request.Outcome = outcome;
        request.TriagedAt = clock.UtcNowStorable();
        request.TriagedByUserId = user.UserId;
        request.TriagedByName = user.DisplayName;
    }

    private async Task<Error?> ApplyAsync(LiaisonDb db, CurrentUser user, ClientRequest request, ClientRequestInput input, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var receivedOn = input.ReceivedOn ?? (request.CreatedAt == default ? today : request.ReceivedOn);
        if (receivedOn > today)
        {
            return Error.Invalid("receivedOn", "The day the request came in cannot be in the future.");
        }

        var accountId = request.AccountId;
        if (!await db.Stakeholders.AnyAsync(s => s.Id == input.StakeholderId && s.AccountId == accountId, ct))
        {
            return Error.Invalid("stakeholderId", "Choose a stakeholder of this account.");
        }

        if (input.EngagementId is { } engagementId
            && !await db.Engagements.VisibleTo(db, user).AnyAsync(e => e.Id == engagementId && e.AccountId == accountId, ct))
        {
            return Error.Invalid("engagementId", "Choose an engagement of this account.");
        }

        request.StakeholderId = input.StakeholderId;
        request.EngagementId = input.EngagementId;
        request.Title = input.Title.Trim();
        request.ReceivedOn = receivedOn;
        request.Objective = input.Objective.Trim();
        request.Audience = Text.Clean(input.Audience);
        request.KeyMessage = Text.Clean(input.KeyMessage);
        request.Mandatories = Text.Clean(input.Mandatories);
        request.Constraints = Text.Clean(input.Constraints);
        request.SuccessMeasure = Text.Clean(input.SuccessMeasure);
        request.DueDate = input.DueDate;
        request.References = [.. (input.References ?? []).Select(r => r.Trim())];
        return null;
    }

    /// <summary>Requests the user may read: staff on the account's team; client users none yet.</summary>
    private static IQueryable<ClientRequest> Visible(LiaisonDb db, CurrentUser user) =>
        user.IsClient ? db.ClientRequests.Where(_ => false) : db.ClientRequests.AsNoTracking().VisibleTo(db, user);

    private static Task<ClientRequest?> FindAsync(LiaisonDb db, CurrentUser user, Guid id, CancellationToken ct) =>
        Visible(db, user).AsTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    private static async Task<ClientRequestView> ToViewAsync(LiaisonDb db, ClientRequest r, CancellationToken ct)
    {
        var accountName = await db.Accounts.Where(a => a.Id == r.AccountId).Select(a => a.Name).FirstAsync(ct);
        var engagementName = r.EngagementId is { } engagementId
            ? await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.Name).FirstOrDefaultAsync(ct)
            : null;
        var stakeholderName = r.StakeholderId is { } stakeholderId
            ? await db.Stakeholders.Where(s => s.Id == stakeholderId).Select(s => s.FullName).FirstOrDefaultAsync(ct)
            : null;
        var deliverables = await db.Deliverables.AsNoTracking().Where(d => d.RequestId == r.Id).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .Select(d => new RequestDeliverableRef(d.Id, d.Title, d.State)).ToListAsync(ct);
        return new ClientRequestView(
            r.Id, r.AccountId, accountName, r.EngagementId, engagementName, r.StakeholderId, stakeholderName, r.Title, r.ReceivedOn,
            r.Objective, r.Audience, r.KeyMessage, r.Mandatories, r.Constraints, r.SuccessMeasure, r.DueDate, r.References, r.LoggedByName,
            r.Outcome, r.TriagedAt, r.TriagedByName, r.DeclineReason, r.ChangeRequestId, deliverables, r.Version, r.CreatedAt, r.UpdatedAt);
    }

    private static string Label(RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.Deliverables => "made into deliverables",
        RequestOutcome.ChangeRequest => "a change request",
        _ => "declined",
    };
}
