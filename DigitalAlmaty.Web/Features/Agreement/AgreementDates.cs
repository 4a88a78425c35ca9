using System.Globalization;

namespace DigitalAlmaty.Web.Features.Agreement;

/// <summary>An effective date as the reader writes it ("1 марта 2027").</summary>
public static class AgreementDates
{
    public static string Text(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
