namespace Publishing.Checks.Detectors;

/// <summary>
/// The masked forms personal data may be published in (and that excerpts show instead of the data itself):
/// ID numbers keep the six-digit region code and the last four characters, mobile numbers the first three and
/// last four digits, bank cards the last four, e-mail addresses the first character of the mailbox.
/// </summary>
public static class PersonalDataMask
{
    /// <summary>110105199003074258 → 110105********4258; 370102850101123 → 370102*****0123.</summary>
    public static string NationalId(string id) => id[..6] + new string('*', id.Length - 10) + id[^4..];

    /// <summary>13800138000 → 138****8000.</summary>
    public static string Mobile(string number) => number[..3] + "****" + number[^4..];

    /// <summary>6222021234567890128 → ***************0128.</summary>
    public static string BankCard(string number) => new string('*', number.Length - 4) + number[^4..];

    /// <summary>zhangsan@163.com → z***@163.com.</summary>
    public static string Email(string address)
    {
        int at = address.IndexOf('@');
        return at <= 0 ? "***" : address[..1] + "***" + address[at..];
    }
}
