using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Users;

namespace Liaison.Core.Tests.Common;

public sealed class InputValidationTests
{
    [Fact]
    public void ValidInputHasNoError() =>
        InputValidation.Validate(new AccountInput { Name = "Harbourline", Website = "https://harbourline.example" }).ShouldBeNull();

    [Fact]
    public void FieldErrorsAreKeyedByCamelCaseNames()
    {
        var error = InputValidation.Validate(new AccountInput { Name = "", Website = "harbourline", Industry = new string('x', 101) });

        error.ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Validation);
        error.Fields.ShouldNotBeNull().Keys.ShouldBe(["name", "website", "industry"], ignoreOrder: true);
        error.Fields["name"].ShouldBe(["Give the account a name."]);
    }

    [Fact]
    public void CrossFieldRulesRunOnceEveryFieldIsValid()
    {
        // DataAnnotations only calls IValidatableObject.Validate when the attributes pass.
        var dates = new AccountInput { Name = "Harbourline", RenewalDate = new DateOnly(2025, 1, 1), ContractStart = new DateOnly(2026, 1, 1) };
        var datesAndName = new AccountInput { Name = "", RenewalDate = dates.RenewalDate, ContractStart = dates.ContractStart };

        InputValidation.Validate(dates).ShouldNotBeNull().Fields.ShouldNotBeNull().Keys.ShouldBe(["renewalDate"]);
        InputValidation.Validate(datesAndName).ShouldNotBeNull().Fields.ShouldNotBeNull().Keys.ShouldBe(["name"]);
    }

    [Fact]
    public void RulesAcrossFieldsNameTheFieldToFix()
    {
        var error = InputValidation.Validate(new NewUserInput
        {
            Email = "grace@agency.test", Password = "long enough password", Role = Role.AccountManager, AccountId = Guid.NewGuid(),
        });

        error.ShouldNotBeNull().Fields.ShouldNotBeNull().Keys.ShouldBe(["accountId"]);
    }

    [Fact]
    public void ALengthErrorCarriesTheModelsMessage()
    {
        var error = InputValidation.Validate(new AccountInput { Name = new string('x', 201) });

        error.ShouldNotBeNull().Fields.ShouldNotBeNull()["name"].ShouldBe(["The name can be at most 200 characters."]);
    }
}
