using System.Text.Json.Serialization;
using static Publishing.Lifecycle.ChannelState;

namespace Publishing.Lifecycle;

/// <summary>Who asks for a change of a channel's state.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TransitionCause>))]
public enum TransitionCause
{
    /// <summary>The publishing workflow sending and recording results.</summary>
    Workflow,
    /// <summary>A person pressing retry: the claim of a new attempt.</summary>
    Retry,
    /// <summary>A person's resolution of an outcome the workflow could not know (<c>/resolve</c>).</summary>
    Resolution,
    /// <summary>The retraction workflow.</summary>
    Retract,
}

/// <summary>
/// The one table of allowed channel state changes. <see cref="PublicationStore.TransitionAsync"/> applies nothing
/// else: a change not listed here is refused and logged. States only move forward; the only ways back are a
/// person's retry of a failed channel and a person's resolution of an unknown one.
/// </summary>
public static class ChannelTransitions
{
    public static readonly IReadOnlyList<(ChannelState From, ChannelState To, TransitionCause Cause)> Table =
    [
        // Sending: only the holder of the pending → sending claim talks to the platform.
        (Pending, Sending, TransitionCause.Workflow),
        (Pending, Previewed, TransitionCause.Workflow),
        // Checks before sending failed (content hash, platform limits, draft, connection refused): nothing reached the platform.
        (Pending, Failed, TransitionCause.Workflow),
        (Sending, Published, TransitionCause.Workflow),
        (Sending, PendingReview, TransitionCause.Workflow),
        (Sending, Unknown, TransitionCause.Workflow),
        // The platform answered with a refusal (or the job failed on its side): it is certainly not posted.
        (Sending, Failed, TransitionCause.Workflow),

        // A new attempt is claimed back to pending, so "sending" keeps meaning "a request may be on the wire".
        (Failed, Pending, TransitionCause.Retry),

        // Only a person who looked at the platform decides what an unknown outcome was.
        (Unknown, Published, TransitionCause.Resolution),
        (Unknown, Failed, TransitionCause.Resolution),
        (PendingReview, Published, TransitionCause.Resolution),
        (PendingReview, Failed, TransitionCause.Resolution),
        // A person confirms a post that could not be taken down automatically is gone.
        (RetractFailed, Retracted, TransitionCause.Resolution),

        // Retraction acts on every state that is not in flight; a send in flight is awaited first.
        (Pending, Retracting, TransitionCause.Retract),
        (Published, Retracting, TransitionCause.Retract),
        (PendingReview, Retracting, TransitionCause.Retract),
        (Unknown, Retracting, TransitionCause.Retract),
        (Failed, Retracting, TransitionCause.Retract),
        (Previewed, Retracting, TransitionCause.Retract),
        (RetractFailed, Retracting, TransitionCause.Retract),
        (Retracting, Retracted, TransitionCause.Retract),
        (Retracting, RetractFailed, TransitionCause.Retract),
    ];

    static readonly HashSet<(ChannelState, ChannelState, TransitionCause)> Allowed = [.. Table];

    public static bool IsAllowed(ChannelState from, ChannelState to, TransitionCause cause) => Allowed.Contains((from, to, cause));
}
