using System.Globalization;
using System.Text;
using Liaison.Core.Common;
using Liaison.Core.Features.Deliverables;
using static Liaison.Core.Features.Deliverables.DeliverableState;

namespace Liaison.Core.Tests.Deliverables;

/// <summary>
/// Model-based test of the deliverable state machine: thousands of random command sequences (moves by
/// random people, versions, comments) run against <see cref="DeliverableWorkflow"/> and against a
/// small model written from the rules in docs/deliverables.md. After every command the two must agree
/// on the outcome, the state, the counts and the moves each person may make; and over the whole
/// history nothing may have reached the client without passing the filter in that exact version.
/// Seeded, so a failure prints the seed and the sequence and replays with
/// <c>DELIVERABLE_MODEL_SEED=&lt;seed&gt;</c>.
/// </summary>
public sealed class DeliverableWorkflowModelTests
{
    private const int Sequences = 10_000;
    private const int MaxLength = 60;
    private const int BaseSeed = 20_260_302;
    private const string SeedVariable = "DELIVERABLE_MODEL_SEED";
    private const string InternalMark = "internal-";

    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Stakeholder = Guid.Parse("00000000-0000-7000-8000-00000000500a");

    private static readonly DeliverableActor[] Actors =
    [
        new(Guid.NewGuid(), "Cleo Client", IsClient: true, IsManager: false, IsApprover: false),
        new(Guid.NewGuid(), "Tara Teammember", IsClient: false, IsManager: false, IsApprover: false),
        new(Guid.NewGuid(), "Pia ProjectManager", IsClient: false, IsManager: true, IsApprover: false),
        new(Guid.NewGuid(), "Rex DesignatedReviewer", IsClient: false, IsManager: false, IsApprover: true),
        new(Guid.NewGuid(), "Mona AccountManager", IsClient: false, IsManager: true, IsApprover: true),
        new(Guid.NewGuid(), "Ada Admin", IsClient: false, IsManager: true, IsApprover: true),
    ];

    [Fact]
    public void RandomCommandSequencesAgreeWithTheModelAndNeverReachTheClientWithoutTheFilter()
    {
        var only = Environment.GetEnvironmentVariable(SeedVariable);
        var seeds = only is null
            ? Enumerable.Range(BaseSeed, Sequences)
            : [int.Parse(only, CultureInfo.InvariantCulture)];
        var totals = new Totals();
        foreach (var seed in seeds)
        {
            Run(seed, totals);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{totals.ReachedClient} sequences reached the client, {totals.SecondClientRounds} went back after changes, " +
            $"{totals.ClientApprovals} were approved; {totals.RefusedByFilter} attempts to pass the filter were refused.");
        if (only is null)
        {
            // The sequences must really get there, or the safety check proves nothing.
            totals.ReachedClient.ShouldBeGreaterThan(Sequences / 5, "Too few sequences reached a client review.");
            totals.ClientApprovals.ShouldBeGreaterThan(Sequences / 20, "Too few sequences reached a client approval.");
            totals.SecondClientRounds.ShouldBeGreaterThan(Sequences / 50, "Too few sequences went back to the client after changes.");
            totals.RefusedByFilter.ShouldBeGreaterThan(Sequences / 10, "Too few attempts to pass the filter without the right.");
        }
    }

    private static void Run(int seed, Totals totals)
    {
        var random = new Random(seed);
        var deliverable = new Deliverable { AccountId = Guid.NewGuid(), EngagementId = Guid.NewGuid(), Title = "Spring campaign" };
        var model = new Model();
        var log = new List<string>();
        var length = random.Next(1, MaxLength + 1);
        var now = Start;
        for (var step = 0; step < length; step++)
        {
            now = now.AddMinutes(1);
            var command = NextCommand(random, model, step);
            log.Add(command.ToString());
            var before = Fingerprint(deliverable);

            var expected = model.Expect(command);
            var actual = Execute(deliverable, command, now);
            log[^1] += $" -> {actual}";
            Check(actual == expected, $"the workflow answered {actual}, the model {expected}", seed, log, deliverable);
            if (actual == Outcome.Ok)
            {
                model.Apply(command);
            }
            else
            {
                Check(Fingerprint(deliverable) == before, "a refused command changed the deliverable", seed, log, deliverable);
                if (command is Move { To: ReadyForClient } && actual == Outcome.Forbidden)
                {
                    totals.RefusedByFilter++;
                }
            }

            Check(deliverable.State == model.State, $"state {deliverable.State}, the model says {model.State}", seed, log, deliverable);
            Check(deliverable.InternalRounds == model.InternalRounds && deliverable.ClientRounds == model.ClientRounds,
                $"rounds {deliverable.InternalRounds}/{deliverable.ClientRounds}, the model says {model.InternalRounds}/{model.ClientRounds}",
                seed, log, deliverable);
            Check(deliverable.Versions.Count == model.Versions, $"{deliverable.Versions.Count} versions, the model says {model.Versions}", seed, log, deliverable);
            foreach (var actor in Actors)
            {
                var allowed = string.Join(",", DeliverableWorkflow.Allowed(deliverable, actor).Order());
                var modelled = string.Join(",", model.Allowed(actor).Order());
                Check(allowed == modelled, $"{actor.Name} may move to [{allowed}], the model says [{modelled}]", seed, log, deliverable);
            }

            CheckTheFilter(deliverable, seed, log);
            CheckTheClientView(deliverable, seed, log);
        }

        totals.ReachedClient += deliverable.ClientRounds > 0 ? 1 : 0;
        totals.SecondClientRounds += deliverable.ClientRounds > 1 ? 1 : 0;
        totals.ClientApprovals += deliverable.ClientApprovedAt is null ? 0 : 1;
    }

    /// <summary>
    /// Over the recorded history: every time the deliverable went to the client, an approver had passed
    /// exactly the version shown, after that version was added, with no way back to work in between.
    /// </summary>
    private static void CheckTheFilter(Deliverable d, int seed, List<string> log)
    {
        var approvers = Actors.Where(a => a.IsApprover && a.IsStaff).Select(a => a.UserId).ToHashSet();
        var transitions = d.Transitions.ToList();
        for (var i = 0; i < transitions.Count; i++)
        {
            if (transitions[i].To != ClientReview)
            {
                continue;
            }

            var pass = transitions.Take(i).LastOrDefault(t => t.To == ReadyForClient);
            Check(pass is not null, "the deliverable went to the client without ever passing the filter", seed, log, d);
            Check(transitions[i].From == ReadyForClient, "the client review was entered from another state than ready for the client", seed, log, d);
            Check(approvers.Contains(pass!.ByUserId!.Value), $"{pass.ByName} passed the filter without being an approver", seed, log, d);
            Check(pass.From == InternalReview, "the filter was passed without an internal review", seed, log, d);
            var between = transitions.Skip(transitions.IndexOf(pass) + 1).Take(i - transitions.IndexOf(pass) - 1).ToList();
            Check(between.Count == 0, "the work moved between passing the filter and going to the client", seed, log, d);

            var round = d.Rounds.Single(r => r.Kind == ReviewKind.Client && r.OpenedAt == transitions[i].At);
            var internalRound = d.Rounds.Single(r => r.Kind == ReviewKind.Internal && r.ClosedAt == pass.At);
            Check(internalRound.Outcome == ReviewOutcome.Approved, "the internal round before the client's did not approve", seed, log, d);
            Check(round.VersionId == internalRound.VersionId, "the client was shown another version than the one the filter passed", seed, log, d);
            var shown = d.Versions.Single(v => v.Id == round.VersionId);
            Check(shown.AddedAt <= pass.At, "the version shown was added after the filter passed", seed, log, d);
            Check(d.Versions.Where(v => v.AddedAt <= round.OpenedAt).MaxBy(v => v.Number)!.Id == shown.Id,
                "a newer version existed than the one the filter passed", seed, log, d);
        }
    }

    /// <summary>The client's view never shows internal rounds, internal comments or versions the client was not shown.</summary>
    private static void CheckTheClientView(Deliverable d, int seed, List<string> log)
    {
        var view = DeliverableViews.ForClient(d, "Engagement", []);
        var internalComments = d.Rounds.Where(r => r.Kind == ReviewKind.Internal).SelectMany(r => r.Comments).Select(c => c.Id).ToHashSet();
        Check(view.Rounds.SelectMany(r => r.Comments).All(c => !internalComments.Contains(c.Id) && !c.Text.StartsWith(InternalMark, StringComparison.Ordinal)),
            "the client's view holds an internal comment", seed, log, d);
        Check(view.Rounds.Count == d.ClientRounds, "the client's view holds other rounds than the client's", seed, log, d);
        var shown = d.Rounds.Where(r => r.Kind == ReviewKind.Client).Select(r => r.VersionId).ToHashSet();
        Check(view.Versions.All(v => shown.Contains(v.Id)), "the client's view holds a version the client was never shown", seed, log, d);
    }

    private static Command NextCommand(Random random, Model model, int step)
    {
        var actor = Actors[random.Next(Actors.Length)];
        // Versions mostly where they count, so that work gets submitted; some everywhere else.
        var versionChance = model.State == InProgress ? 0.3 : 0.05;
        var roll = random.NextDouble();
        if (roll < versionChance)
        {
            return new AddVersion(actor);
        }

        if (roll < versionChance + 0.12)
        {
            var onBehalf = actor.IsStaff && random.NextDouble() < 0.3;
            var text = $"{(model.State == InternalReview ? InternalMark : "")}comment {step}";
            return new Comment(actor, text, onBehalf ? Stakeholder : null);
        }

        // Mostly moves the machine knows from here, so that sequences get deep; sometimes any state.
        var next = DeliverableWorkflow.Next(model.State);
        var to = next.Count > 0 && random.NextDouble() < 0.8 ? next[random.Next(next.Count)] : (DeliverableState)random.Next(8);
        var withComment = random.NextDouble() < 0.8;
        var decision = model.State == ClientReview && to is ChangesRequested or Approved;
        var stakeholder = actor.IsStaff && random.NextDouble() < (decision ? 0.8 : 0.05) ? Stakeholder : (Guid?)null;
        var comment = withComment ? $"{(model.State == InternalReview ? InternalMark : "")}move {step}" : null;
        return new Move(actor, to, comment, stakeholder);
    }

    private static Outcome Execute(Deliverable d, Command command, DateTime now)
    {
        var error = command switch
        {
            Move m => DeliverableWorkflow.Apply(d, new DeliverableMove(m.To, m.Comment, m.StakeholderId, m.StakeholderId is null ? null : "Olga Sponsor"), m.Actor, now).Error,
            AddVersion v => DeliverableWorkflow.AddVersion(d, "https://files.example/v", "what changed", v.Actor, now).Error,
            Comment c => DeliverableWorkflow.AddComment(d, c.Text, c.StakeholderId, c.StakeholderId is null ? null : "Olga Sponsor", c.Actor, now).Error,
            _ => throw new InvalidOperationException(),
        };
        return error?.Kind switch
        {
            null => Outcome.Ok,
            ErrorKind.Forbidden => Outcome.Forbidden,
            ErrorKind.Conflict => Outcome.Conflict,
            ErrorKind.Validation => Outcome.Invalid,
            _ => throw new InvalidOperationException($"Unexpected error {error.Kind}"),
        };
    }

    private static string Fingerprint(Deliverable d) =>
        $"{d.State}|{d.InternalRounds}|{d.ClientRounds}|{d.Versions.Count}|{d.Transitions.Count}|{d.Rounds.Count}|" +
        $"{d.Rounds.Sum(r => r.Comments.Count)}|{d.Rounds.Count(r => r.ClosedAt is null)}|{d.InternalApprovedAt}|{d.ClientApprovedAt}|{d.UpdatedAt}";

    private static void Check(bool condition, string what, int seed, List<string> log, Deliverable d)
    {
        if (condition)
        {
            return;
        }

        var message = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Model check failed: {what}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Seed {seed} (replay: {SeedVariable}={seed}); the deliverable is {d.State}; the sequence:");
        for (var i = 0; i < log.Count; i++)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1,2}. {log[i]}");
        }

        throw new ShouldAssertException(message.ToString());
    }

    private enum Outcome
    {
        Ok,
        Forbidden,
        Conflict,
        Invalid,
    }

    private abstract record Command(DeliverableActor Actor);

    private sealed record Move(DeliverableActor Actor, DeliverableState To, string? Comment, Guid? StakeholderId) : Command(Actor)
    {
        public override string ToString() =>
            $"{Actor.Name} moves it to {To}{(Comment is null ? "" : $" saying \"{Comment}\"")}{(StakeholderId is null ? "" : " for a stakeholder")}";
    }

    private sealed record AddVersion(DeliverableActor Actor) : Command(Actor)
    {
        public override string ToString() => $"{Actor.Name} adds a version";
    }

    private sealed record Comment(DeliverableActor Actor, string Text, Guid? StakeholderId) : Command(Actor)
    {
        public override string ToString() => $"{Actor.Name} comments \"{Text}\"{(StakeholderId is null ? "" : " for a stakeholder")}";
    }

    private sealed class Totals
    {
        public int ReachedClient { get; set; }

        public int SecondClientRounds { get; set; }

        public int ClientApprovals { get; set; }

        public int RefusedByFilter { get; set; }
    }

    /// <summary>
    /// The rules, written out plainly as a table and a handful of flags. The filter flag is the spec
    /// itself: true only between an approver passing the work and the next change or way back to work.
    /// </summary>
    private sealed class Model
    {
        public DeliverableState State { get; private set; } = Briefed;

        public int Versions { get; private set; }

        public int InternalRounds { get; private set; }

        public int ClientRounds { get; private set; }

        private bool _filterPassed;

        private static bool Staff(DeliverableActor a) => !a.IsClient;

        private static bool Approver(DeliverableActor a) => !a.IsClient && a.IsApprover;

        private static bool Lead(DeliverableActor a) => !a.IsClient && (a.IsManager || a.IsApprover);

        private static bool ClientSide(DeliverableActor a) => a.IsClient || Lead(a);

        /// <summary>(from, to) → who may, whether it needs a comment, whether it is the client's decision.</summary>
        private static readonly Dictionary<(DeliverableState, DeliverableState), (Func<DeliverableActor, bool> Who, bool Comment, bool Decision)> Table = new()
        {
            [(Briefed, InProgress)] = (Staff, false, false),
            [(InProgress, InternalReview)] = (Staff, false, false),
            [(InternalReview, InProgress)] = (Staff, true, false),
            [(InternalReview, ReadyForClient)] = (Approver, false, false),
            [(ReadyForClient, InProgress)] = (Staff, false, false),
            [(ReadyForClient, ClientReview)] = (Lead, false, false),
            [(ClientReview, ChangesRequested)] = (ClientSide, true, true),
            [(ClientReview, Approved)] = (ClientSide, false, true),
            [(ClientReview, InProgress)] = (Lead, true, false),
            [(ChangesRequested, InProgress)] = (Staff, false, false),
            [(Approved, Delivered)] = (Staff, false, false),
        };

        public IEnumerable<DeliverableState> Allowed(DeliverableActor actor) =>
            Table.Where(e => e.Key.Item1 == State && e.Value.Who(actor) && ConditionMet(e.Key.Item2)).Select(e => e.Key.Item2);

        public Outcome Expect(Command command)
        {
            switch (command)
            {
                case AddVersion v:
                    return v.Actor.IsClient ? Outcome.Forbidden : State == InProgress ? Outcome.Ok : Outcome.Conflict;
                case Comment c when State == InternalReview:
                    return c.Actor.IsClient ? Outcome.Conflict : c.StakeholderId is null ? Outcome.Ok : Outcome.Invalid;
                case Comment c when State == ClientReview:
                    return c.Actor.IsClient
                        ? c.StakeholderId is null ? Outcome.Ok : Outcome.Invalid
                        : Lead(c.Actor) ? Outcome.Ok : Outcome.Forbidden;
                case Comment:
                    return Outcome.Conflict;
                case Move m:
                    if (!Table.TryGetValue((State, m.To), out var rule))
                    {
                        return Outcome.Conflict;
                    }

                    if (!rule.Who(m.Actor))
                    {
                        return Outcome.Forbidden;
                    }

                    if (!ConditionMet(m.To))
                    {
                        return Outcome.Conflict;
                    }

                    if (rule.Comment && m.Comment is null)
                    {
                        return Outcome.Invalid;
                    }

                    var recordsForClient = rule.Decision && !m.Actor.IsClient;
                    return recordsForClient == (m.StakeholderId is not null) ? Outcome.Ok : Outcome.Invalid;
                default:
                    throw new InvalidOperationException();
            }
        }

        public void Apply(Command command)
        {
            switch (command)
            {
                case AddVersion:
                    Versions++;
                    // The spec: any change voids an approval.
                    _filterPassed = false;
                    break;
                case Move m:
                    if (m.To == InternalReview)
                    {
                        InternalRounds++;
                    }

                    if (m.To == ReadyForClient)
                    {
                        _filterPassed = true;
                    }

                    if (m.To == ClientReview)
                    {
                        ClientRounds++;
                    }

                    if (m.To is InProgress or ChangesRequested)
                    {
                        _filterPassed = false;
                    }

                    State = m.To;
                    break;
            }
        }

        private bool ConditionMet(DeliverableState to) => (State, to) switch
        {
            (InProgress, InternalReview) => Versions > 0,
            (ReadyForClient, ClientReview) => _filterPassed,
            _ => true,
        };
    }
}
