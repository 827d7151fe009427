using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Liaison.Core.Common;

/// <summary>
/// Runs the data annotations of a request model, the same ones a Blazor form shows, and returns
/// field errors keyed by the camelCase JSON name the API uses.
/// </summary>
public static class InputValidation
{
    public static Error? Validate(object input)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true))
        {
            return null;
        }

        var fields = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, r.ErrorMessage)))
            .GroupBy(x => JsonNamingPolicy.CamelCase.ConvertName(x.Member))
            .ToDictionary(g => g.Key, g => g.Select(x => x.ErrorMessage ?? "Invalid value.").Distinct().ToArray());
        return Error.Invalid(fields);
    }
}
