using System.Globalization;
using Liaison.Core.Features.Time;

namespace Liaison.Web.Features.Time.Pages;

/// <summary>Amounts as people type them (12,345.67) and as Core keeps them (minor units).</summary>
public static class MoneyText
{
    public static long? ToMinor(decimal? amount) =>
        amount is { } a ? (long)Math.Round(a * 100m, MidpointRounding.AwayFromZero) : null;

    public static decimal? ToAmount(long? minor) => minor is { } m ? m / 100m : null;

    public static string Format(long minor) => Money.Format(minor);

    public static string Percent(decimal? percent) =>
        percent is { } p ? p.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";
}
