using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Publishing.Lifecycle;

/// <summary>
/// How far one (item, version, channel) got. The API value and the stored text of the <c>Publications</c> table's
/// <c>State</c> column is the camel-case name (<see cref="ChannelStates.ToApi"/>). Changes go through
/// <see cref="ChannelTransitions"/> only.
/// </summary>
[JsonConverter(typeof(ChannelStateJsonConverter))]
public enum ChannelState
{
    /// <summary>Not sent yet (or held: the website is not up, see <c>lastError</c>).</summary>
    Pending,
    /// <summary>A request that may reach the platform is on the wire (WeChat: the publish job runs while a publish id is stored).</summary>
    Sending,
    Published,
    /// <summary>Accepted by the platform but held for its manual review (Weibo 20053); not public yet.</summary>
    PendingReview,
    /// <summary>Certainly not on the platform; a person may retry.</summary>
    Failed,
    /// <summary>Sent, but whether it was posted is not known. A person resolves it; never resent blindly.</summary>
    Unknown,
    /// <summary>Preview mode: the exact request was stored in the outbox, nothing was sent.</summary>
    Previewed,
    Retracting,
    /// <summary>Confirmed not on the platform any more (or never was).</summary>
    Retracted,
    /// <summary>The takedown was refused or could not be confirmed; retract may run again.</summary>
    RetractFailed,
}

public static class ChannelStates
{
    public static readonly IReadOnlyList<ChannelState> All = Enum.GetValues<ChannelState>();

    /// <summary>The API and storage text: <c>pending</c>, <c>pendingReview</c>, <c>retractFailed</c> …</summary>
    public static string ToApi(this ChannelState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    public static bool TryParse(string? text, [NotNullWhen(true)] out ChannelState? state)
    {
        foreach (ChannelState candidate in All)
        {
            if (string.Equals(candidate.ToApi(), text, StringComparison.Ordinal))
            {
                state = candidate;
                return true;
            }
        }

        state = null;
        return false;
    }

    public static ChannelState Parse(string? text) =>
        TryParse(text, out ChannelState? state) ? state.Value : throw new InvalidDataException($"Unknown channel state '{text}'.");

    /// <summary>Published or, in preview mode, the request stored: the channel's part is done.</summary>
    public static bool IsDone(this ChannelState state) => state is ChannelState.Published or ChannelState.Previewed;

    public static string DisplayName(this ChannelState state) => state switch
    {
        ChannelState.Pending => "待发送",
        ChannelState.Sending => "发送中",
        ChannelState.Published => "已发布",
        ChannelState.PendingReview => "待平台审核",
        ChannelState.Failed => "发布失败",
        ChannelState.Unknown => "结果未知，需人工核实",
        ChannelState.Previewed => "已生成预览（未实际发送）",
        ChannelState.Retracting => "撤回中",
        ChannelState.Retracted => "已撤回",
        ChannelState.RetractFailed => "撤回失败",
        _ => state.ToString(),
    };
}

/// <summary>Writes <see cref="ChannelState"/> as its camel-case API value everywhere (HTTP, orchestration inputs, audit details).</summary>
public sealed class ChannelStateJsonConverter() : JsonStringEnumConverter<ChannelState>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
