using Liaison.Core.Common;

namespace Liaison.Core.Tests.Common;

public sealed class PagingTests
{
    [Fact]
    public void NoLimitMeansTheDefaultFromTheStart() =>
        new PageRequest().Resolve().Value.ShouldBe((0, PageRequest.DefaultLimit));

    [Theory]
    [InlineData(1)]
    [InlineData(PageRequest.MaxLimit)]
    public void LimitsWithinBoundsAreAccepted(int limit) =>
        new PageRequest(limit).Resolve().Value.Limit.ShouldBe(limit);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(PageRequest.MaxLimit + 1)]
    public void LimitsOutOfBoundsAreAFieldError(int limit)
    {
        var error = new PageRequest(limit).Resolve().Error;

        error.ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Validation);
        error.Fields.ShouldNotBeNull().Keys.ShouldBe(["limit"]);
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("bzotMQ")] // "o:-1"
    [InlineData("eDoxMA")] // "x:10"
    [InlineData("bzphYmM")] // "o:abc"
    public void CursorsThisServerDidNotIssueAreAFieldError(string cursor)
    {
        var error = new PageRequest(10, cursor).Resolve().Error;

        error.ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Validation);
        error.Fields.ShouldNotBeNull().Keys.ShouldBe(["cursor"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(1234567)]
    public void AnIssuedCursorResolvesToItsOffset(int offset)
    {
        var cursor = PageRequest.Encode(offset);

        cursor.ShouldNotContain("=");
        cursor.ShouldNotContain("+");
        cursor.ShouldNotContain("/");
        new PageRequest(10, cursor).Resolve().Value.ShouldBe((offset, 10));
    }

    [Fact]
    public void AFullPagePlusOneHasANextCursor()
    {
        var page = new List<int> { 1, 2, 3, 4 }.ToPage(offset: 6, limit: 3);

        page.Items.ShouldBe([1, 2, 3]);
        page.NextCursor.ShouldBe(PageRequest.Encode(9));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    public void TheLastPageHasNoNextCursor(int rows)
    {
        var page = Enumerable.Range(1, rows).ToList().ToPage(offset: 0, limit: 3);

        page.Items.Count.ShouldBe(rows);
        page.NextCursor.ShouldBeNull();
    }
}
