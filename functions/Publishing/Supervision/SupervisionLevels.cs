namespace Publishing.Supervision;

/// <summary>Staleness levels of an account (API values).</summary>
public static class SupervisionLevels
{
    public const string Ok = "ok";
    public const string Warning = "warning";
    public const string Alarm = "alarm";

    public static string DisplayName(string level) => level switch
    {
        Warning => "预警",
        Alarm => "告警",
        _ => "正常",
    };
}
