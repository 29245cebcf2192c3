namespace Publishing.Outbound;

/// <summary>
/// A guarded fetch failed. <see cref="Exception.Message"/> is Chinese, meant for people, and never contains a
/// resolved or internal address (it may reach every role through the publication record); details go to the log.
/// </summary>
public sealed class OutboundFetchException(OutboundFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public OutboundFailure Failure { get; } = failure;

    /// <summary>Worth trying again later (timeouts, unreachable hosts, server errors).</summary>
    public bool IsTransient => Failure is OutboundFailure.Timeout or OutboundFailure.Unreachable
        || (Failure == OutboundFailure.HttpStatus && StatusCode >= 500);

    public int StatusCode { get; init; }
}
