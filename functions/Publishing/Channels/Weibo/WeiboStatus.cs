namespace Publishing.Channels.Weibo;

/// <summary>A posted weibo. <paramref name="IdStr"/> is the id as text, safe for JavaScript and storage keys.</summary>
public sealed record WeiboStatus(long Id, string IdStr);
