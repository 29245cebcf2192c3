namespace Publishing.Channels;

/// <summary>How far publishing an item version to one channel got.</summary>
public static class PublicationStates
{
    public const string Pending = "pending";
    /// <summary>A request that may have reached the platform is in flight; if we find this after a crash, the outcome is unknown.</summary>
    public const string Sending = "sending";
    public const string Published = "published";
    /// <summary>Accepted by the platform but held for its manual review (Weibo 20053); not public yet.</summary>
    public const string PendingReview = "pendingReview";
    public const string Failed = "failed";
    /// <summary>Sent, but whether it was posted is not known (timeout after sending). A person must check; never retried blindly.</summary>
    public const string Unknown = "unknown";
    /// <summary>Preview mode: the exact request was stored in the outbox, nothing was sent.</summary>
    public const string Previewed = "previewed";
    public const string Retracted = "retracted";
}
