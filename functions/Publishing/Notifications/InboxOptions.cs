namespace Publishing.Notifications;

/// <summary>Configuration section <c>Publishing:Inbox</c>.</summary>
public sealed class InboxOptions
{
    public const string Section = "Publishing:Inbox";

    public string TableName { get; set; } = "Inbox";
}
