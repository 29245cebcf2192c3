using Publishing.Lifecycle;

namespace Publishing.Tests.Lifecycle;

/// <summary>The channel state machine, walked pair by pair: every change not written here is refused.</summary>
public sealed class ChannelTransitionsTests
{
    /// <summary>The allowed changes, written out independently of the code's table (from → to : who).</summary>
    static readonly HashSet<string> Expected =
    [
        "pending → sending : Workflow",
        "pending → previewed : Workflow",
        "pending → failed : Workflow",
        "sending → published : Workflow",
        "sending → pendingReview : Workflow",
        "sending → unknown : Workflow",
        "sending → failed : Workflow",
        "failed → pending : Retry",
        "unknown → published : Resolution",
        "unknown → failed : Resolution",
        "pendingReview → published : Resolution",
        "pendingReview → failed : Resolution",
        "retractFailed → retracted : Resolution",
        "pending → retracting : Retract",
        "published → retracting : Retract",
        "pendingReview → retracting : Retract",
        "unknown → retracting : Retract",
        "failed → retracting : Retract",
        "previewed → retracting : Retract",
        "retractFailed → retracting : Retract",
        "retracting → retracted : Retract",
        "retracting → retractFailed : Retract",
    ];

    public static TheoryData<ChannelState, ChannelState> EveryPair()
    {
        var data = new TheoryData<ChannelState, ChannelState>();
        foreach (var from in ChannelStates.All)
        {
            foreach (var to in ChannelStates.All)
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void EveryPair_IsAllowedExactlyForTheCausesInTheTable(ChannelState from, ChannelState to)
    {
        foreach (var cause in Enum.GetValues<TransitionCause>())
        {
            bool expected = Expected.Contains($"{from.ToApi()} → {to.ToApi()} : {cause}");
            Assert.True(expected == ChannelTransitions.IsAllowed(from, to, cause),
                $"{from.ToApi()} → {to.ToApi()} by {cause}: expected {(expected ? "allowed" : "refused")}");
        }
    }

    [Fact]
    public void TheTableHasNoEntryBeyondTheWrittenOnes() =>
        Assert.Equal(Expected.Order(), ChannelTransitions.Table.Select(t => $"{t.From.ToApi()} → {t.To.ToApi()} : {t.Cause}").Order());

    [Fact]
    public void OnlyThePendingToSendingClaimLeadsToSending_SoOnlyItsHolderTalksToThePlatform() =>
        Assert.Equal([(ChannelState.Pending, TransitionCause.Workflow)],
            ChannelTransitions.Table.Where(t => t.To == ChannelState.Sending).Select(t => (t.From, t.Cause)));

    [Fact]
    public void NothingLeavesRetracted_AndOnlyAPersonMovesAnUnknownOutcome()
    {
        Assert.DoesNotContain(ChannelTransitions.Table, t => t.From == ChannelState.Retracted);
        Assert.All(ChannelTransitions.Table.Where(t => t.From == ChannelState.Unknown && t.To != ChannelState.Retracting),
            t => Assert.Equal(TransitionCause.Resolution, t.Cause));
    }

    [Theory]
    [InlineData("pending", ChannelState.Pending)]
    [InlineData("pendingReview", ChannelState.PendingReview)]
    [InlineData("retractFailed", ChannelState.RetractFailed)]
    [InlineData("unknown", ChannelState.Unknown)]
    public void ApiValues_AreTheStoredTexts(string text, ChannelState state)
    {
        Assert.Equal(text, state.ToApi());
        Assert.Equal(state, ChannelStates.Parse(text));
        Assert.Equal($"\"{text}\"", System.Text.Json.JsonSerializer.Serialize(state));
    }

    [Theory]
    [InlineData("Published")]
    [InlineData("RetractFailed")]
    [InlineData("NeedsAttention")]
    public void ItemStatuses_ParseOnlyTheirExactNames(string text)
    {
        Assert.True(ItemStatuses.TryParse(text, out var status));
        Assert.Equal(text, status.ToString());
        Assert.False(ItemStatuses.TryParse(text.ToLowerInvariant(), out _));
        Assert.False(ItemStatuses.TryParse(((int)status!).ToString(System.Globalization.CultureInfo.InvariantCulture), out _));
    }

    [Fact]
    public void ItemStatus_FollowsItsChannels_RetractedOnlyWhenEveryChannelIsDown()
    {
        Assert.Equal(ItemStatus.Published, ItemStatusRules.AfterPublishing([ChannelState.Published, ChannelState.Previewed]));
        Assert.Equal(ItemStatus.PartiallyPublished, ItemStatusRules.AfterPublishing([ChannelState.Published, ChannelState.Unknown]));
        Assert.Equal(ItemStatus.Failed, ItemStatusRules.AfterPublishing([ChannelState.Failed, ChannelState.Pending]));
        Assert.Equal(ItemStatus.Retracted, ItemStatusRules.AfterRetraction([ChannelState.Retracted, ChannelState.Retracted]));
        Assert.Equal(ItemStatus.RetractFailed, ItemStatusRules.AfterRetraction([ChannelState.Retracted, ChannelState.RetractFailed]));
        Assert.False(ItemStatuses.MayReplace(ItemStatus.Retracting, ItemStatus.Published));
        Assert.True(ItemStatuses.MayReplace(ItemStatus.RetractFailed, ItemStatus.Retracting));
    }
}
