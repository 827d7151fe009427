using System.ComponentModel.DataAnnotations;
using Liaison.Core.Common;
using Liaison.Core.Features.Meetings;
using Liaison.Web.Features.Meetings.Pages;

namespace Liaison.Web.Tests.Meetings;

/// <summary>The meeting form turns a day and a wall-clock time in the meeting's zone into the instant Core stores.</summary>
public sealed class MeetingFormTests
{
    private static readonly Guid Me = Guid.Parse("01900000-0000-7000-8000-000000000001");

    [Theory]
    [InlineData("2026-03-05T15:00:00Z", "2026-03-06")] // Thursday: Friday
    [InlineData("2026-03-06T15:00:00Z", "2026-03-09")] // Friday: Monday
    [InlineData("2026-03-07T09:00:00Z", "2026-03-09")] // Saturday: Monday
    [InlineData("2026-03-05T23:30:00Z", "2026-03-09")] // Thursday in UTC is already Friday in Auckland: Monday there
    public void ANewMeetingIsOnTheNextWorkingDayAtTenInItsZone(string now, string expected)
    {
        var zone = now.EndsWith("23:30:00Z", StringComparison.Ordinal) ? "Pacific/Auckland" : "Europe/London";

        var form = MeetingForm.New(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), zone, Me);

        form.Date.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        form.Time.ShouldBe("10:00");
        form.TimeZone.ShouldBe(zone);
        form.StaffIds.ShouldBe([Me]);
    }

    [Theory]
    [InlineData("Europe/London", "2026-07-01", "10:00", "2026-07-01T09:00:00Z")]
    [InlineData("Europe/London", "2026-01-15", "10:00", "2026-01-15T10:00:00Z")]
    [InlineData("America/New_York", "2026-11-02", "09:30", "2026-11-02T14:30:00Z")]
    public void TheStartIsReadAtTheWallTimeOfTheMeetingsZone(string zone, string date, string time, string utc)
    {
        var form = new MeetingForm { Title = "Review", Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Time = time, TimeZone = zone };

        var input = form.ToInput<CreateMeetingInput>();

        input.StartsAt!.Value.UtcDateTime.ShouldBe(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime());
        input.TimeZone.ShouldBe(zone);
    }

    [Fact]
    public void AMeetingReadBackShowsTheSameDayAndTime()
    {
        var view = new MeetingView(
            Guid.CreateVersion7(), Guid.CreateVersion7(), "Harbourline", "Review", MeetingType.Qbr, new DateTime(2026, 7, 1, 9, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 7, 1, 10, 0, 0, DateTimeKind.Utc), "Europe/London", new DateTime(2026, 7, 1, 10, 0, 0), 60, null, [], [], null, null,
            ["Go weekly"], ReviewsPlan: true, MeetingStatus.Planned, 3, DateTime.UnixEpoch, DateTime.UnixEpoch);

        var form = MeetingForm.From(view);

        (form.Date, form.Time).ShouldBe((new DateOnly(2026, 7, 1), "10:00"));
        form.ToInput<MeetingInput>().StartsAt!.Value.UtcDateTime.ShouldBe(view.StartsAt);
        form.ToInput<MeetingInput>().Decisions.ShouldBe(["Go weekly"]);
    }

    [Fact]
    public void ATimeTheClocksSkipIsRefusedOnTheTimeField()
    {
        // In London the clocks go from 01:00 to 02:00 on 29 March 2026.
        var form = new MeetingForm { Title = "Review", Date = new DateOnly(2026, 3, 29), Time = "01:30", TimeZone = "Europe/London" };

        var errors = Validate(form);

        errors.ShouldHaveSingleItem().MemberNames.ShouldBe([nameof(MeetingForm.Time)]);
        Validate(new MeetingForm { Title = "Review", Date = new DateOnly(2026, 3, 29), Time = "ten", TimeZone = "Europe/London" })
            .ShouldHaveSingleItem().MemberNames.ShouldBe([nameof(MeetingForm.Time)]);
        Validate(new MeetingForm { Title = "Review", Date = null, Time = "10:00" }).ShouldHaveSingleItem().MemberNames.ShouldBe([nameof(MeetingForm.Date)]);
    }

    [Fact]
    public void CoresErrorOnTheInstantIsShownOnTheDate()
    {
        var renamed = MeetingForm.Rename(Error.Invalid("startsAt", "Say when the meeting starts."));

        renamed.Fields!.Keys.ShouldBe(["date"]);
    }

    private static List<ValidationResult> Validate(MeetingForm form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results;
    }
}
