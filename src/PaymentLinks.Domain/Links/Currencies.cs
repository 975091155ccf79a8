namespace PaymentLinks.Domain.Links;

/// <summary>ISO 4217 currencies in circulation and how many minor-unit digits each has.</summary>
public static class Currencies
{
    private const string TwoDigit =
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD " +
        "CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD " +
        "GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD " +
        "MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP " +
        "PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS " +
        "TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD YER ZAR ZMW ZWG";

    private const string ZeroDigit = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF";

    private const string ThreeDigit = "BHD IQD JOD KWD LYD OMR TND";

    private static readonly Dictionary<string, int> MinorDigits = Build();

    private static Dictionary<string, int> Build()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (codes, digits) in new[] { (TwoDigit, 2), (ZeroDigit, 0), (ThreeDigit, 3) })
        {
            foreach (var code in codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                table.Add(code, digits);
        }
        return table;
    }

    public static IReadOnlyCollection<string> Codes => MinorDigits.Keys;

    public static bool IsKnown(string? code) => code is not null && MinorDigits.ContainsKey(code);

    /// <summary>Digits after the decimal point; only for a known code.</summary>
    public static int MinorUnitDigits(string code) => MinorDigits[code];

    public static long ToMinorUnits(decimal amount, string code) =>
        decimal.ToInt64(amount * Pow10(MinorUnitDigits(code)));

    /// <summary>
    /// The amount at the currency's own precision (3250 EUR cents → 32.50, not 32.5): multiplying by one minor
    /// unit keeps its scale, so forms, receipts and the API all show the digits the currency has.
    /// </summary>
    public static decimal FromMinorUnits(long minor, string code) => minor * (1m / Pow10(MinorUnitDigits(code)));

    /// <summary>True when the amount has no more decimals than the currency's minor unit allows.</summary>
    public static bool FitsMinorUnits(decimal amount, string code)
    {
        var scaled = amount * Pow10(MinorUnitDigits(code));
        return scaled == decimal.Truncate(scaled);
    }

    private static long Pow10(int digits) => digits switch { 0 => 1, 2 => 100, 3 => 1000, _ => (long)Math.Pow(10, digits) };
}
