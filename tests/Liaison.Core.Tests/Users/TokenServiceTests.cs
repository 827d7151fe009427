using System.Security.Cryptography;
using System.Text;
using Liaison.Core.Common;
using Liaison.Core.Features.Integrations;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Users;

public sealed class TokenServiceTests : DatabaseTest
{
    [Fact]
    public async Task ANewTokenAuthenticatesItsUser()
    {
        var agency = await SeedAgencyAsync();

        var token = (await Tokens.CreateAsync(agency.Manager.UserId, "Reporting script", Ct)).Value;

        token.Token.ShouldStartWith("lia_");
        (await Tokens.AuthenticateAsync(token.Token, Ct)).ShouldNotBeNull().UserId.ShouldBe(agency.Manager.UserId);
    }

    [Fact]
    public async Task OnlyTheHashOfTheTokenIsStored()
    {
        var agency = await SeedAgencyAsync();

        var token = (await Tokens.CreateAsync(agency.Manager.UserId, "Reporting script", Ct)).Value;

        await using var db = Database.CreateDbContext();
        var stored = await db.PersonalAccessTokens.AsNoTracking().SingleAsync(Ct);
        stored.TokenHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Token))));
        stored.TokenHash.ShouldNotContain(token.Token);
        stored.Prefix.Length.ShouldBe(12);
        token.Token.ShouldStartWith(stored.Prefix);
        // Neither the secret nor its hash leaks into the audit log.
        var audit = (await ReadAuditAsync()).Single(a => a.EntityType == "PersonalAccessToken");
        audit.Changes.ShouldNotContain(token.Token);
        audit.Changes.ShouldNotContain(stored.TokenHash);
        audit.ActorName.ShouldBe("Jonas Becker");
    }

    [Fact]
    public async Task UnknownOrMalformedTokensAuthenticateNobody()
    {
        var agency = await SeedAgencyAsync();
        var token = (await Tokens.CreateAsync(agency.Manager.UserId, "Script", Ct)).Value.Token;

        (await Tokens.AuthenticateAsync(token + "x", Ct)).ShouldBeNull();
        (await Tokens.AuthenticateAsync(token[4..], Ct)).ShouldBeNull();
        (await Tokens.AuthenticateAsync("", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ARevokedTokenAuthenticatesNobody()
    {
        var agency = await SeedAgencyAsync();
        var token = (await Tokens.CreateAsync(agency.Manager.UserId, "Script", Ct)).Value;

        (await Tokens.RevokeAsync(agency.Manager, token.Details.Id, Ct)).IsSuccess.ShouldBeTrue();

        (await Tokens.AuthenticateAsync(token.Token, Ct)).ShouldBeNull();
        (await Tokens.ListAsync(agency.Manager, new PageRequest(), Ct)).Value.Items.ShouldHaveSingleItem().RevokedAt.ShouldBe(Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task OnlyTheOwnerCanRevokeAToken()
    {
        var agency = await SeedAgencyAsync();
        var token = (await Tokens.CreateAsync(agency.Manager.UserId, "Script", Ct)).Value;

        var result = await Tokens.RevokeAsync(agency.Admin, token.Details.Id, Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Tokens.AuthenticateAsync(token.Token, Ct)).ShouldNotBeNull().UserId.ShouldBe(agency.Manager.UserId);
    }

    [Fact]
    public async Task ADisabledUsersTokenAuthenticatesNobody()
    {
        var agency = await SeedAgencyAsync();
        var token = (await Tokens.CreateAsync(agency.Manager.UserId, "Script", Ct)).Value.Token;

        await Users.SetDisabledAsync(agency.Admin, agency.Manager.UserId, true, Ct);

        (await Tokens.AuthenticateAsync(token, Ct)).ShouldBeNull();
        (await Tokens.CreateAsync(agency.Manager.UserId, "Another", Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task ATokenNeedsAShortName()
    {
        var agency = await SeedAgencyAsync();

        (await Tokens.CreateAsync(agency.Manager.UserId, "   ", Ct)).Error!.Fields.ShouldNotBeNull().Keys.ShouldContain("name");
        (await Tokens.CreateAsync(agency.Manager.UserId, new string('x', 101), Ct)).Error!.Fields.ShouldNotBeNull().Keys.ShouldContain("name");
    }

    [Fact]
    public async Task LastUsedIsRecordedAtMostEveryFewMinutes()
    {
        var agency = await SeedAgencyAsync();
        var token = (await Tokens.CreateAsync(agency.Manager.UserId, "Script", Ct)).Value.Token;
        var first = Clock.GetUtcNow().UtcDateTime;

        await Tokens.AuthenticateAsync(token, Ct);
        Clock.Advance(TimeSpan.FromMinutes(2));
        await Tokens.AuthenticateAsync(token, Ct);
        var afterTwoMinutes = (await Tokens.ListAsync(agency.Manager, new PageRequest(), Ct)).Value.Items.Single().LastUsedAt;
        Clock.Advance(TimeSpan.FromMinutes(4));
        await Tokens.AuthenticateAsync(token, Ct);
        var afterSixMinutes = (await Tokens.ListAsync(agency.Manager, new PageRequest(), Ct)).Value.Items.Single().LastUsedAt;

        afterTwoMinutes.ShouldBe(first);
        afterSixMinutes.ShouldBe(first.AddMinutes(6));
    }
}
