using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Publishing.Channels;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Review;
using Publishing.Tests.Support;
using Publishing.Workflow;

namespace Publishing.Tests.Workflow;

/// <summary>
/// The item orchestration's branches on the in-process engine with every activity a stand-in: parking a step that
/// keeps failing and resuming it, dropping ignored commands without a limit, decisions bound to their version.
/// </summary>
public sealed class ItemWorkflowBranchTests : IAsyncLifetime
{
    static readonly ReviewAspects AllPassed = new(true, true, true, true);

    readonly ConcurrentQueue<ItemEvent> recorded = new();
    /// <summary>While set, recording an event with this action fails (storage down for that step).</summary>
    volatile string? failingAction;
    int publishRuns;
    DurableTaskTestHost host = null!;

    public async Task InitializeAsync() => host = await DurableTaskTestHost.StartAsync(registry =>
    {
        registry.AddOrchestrator<ItemOrchestrator>();
        registry.AddActivityFunc<SubmissionTicket, bool>(nameof(CompleteSubmissionActivity), (_, _) => true);
        registry.AddActivityFunc<ItemVersionRef, CheckSummary>(nameof(RunChecksActivity), (_, _) => new CheckSummary(0, 0, 0));
        registry.AddActivityFunc<OpenStage, StageDeadline>(nameof(OpenStageActivity), (_, s) =>
        {
            recorded.Enqueue(new ItemEvent(s.ItemId, $"open-{s.Stage}", AuditActions.StageOpened, "system", s.At, s.Version, s.Stage, ItemStatus.InReview, Step: s.Step));
            return new StageDeadline(s.At.AddDays(1), s.At.AddDays(2));
        });
        registry.AddActivityFunc<ItemEvent, bool>(nameof(RecordItemEventActivity), (_, e) =>
        {
            if (failingAction == e.Action)
            {
                throw new InvalidOperationException("Injected: storage is down (503).");
            }

            recorded.Enqueue(e);
            return true;
        });
        registry.AddActivityFunc<ApproveVersion, ApprovalRecord>(nameof(ApproveItemActivity), (_, a) =>
            new ApprovalRecord(a.ItemId, a.Version, "hash", DateTimeOffset.UtcNow, ["website"], null));
        registry.AddOrchestratorFunc<ItemVersionRef, bool>(nameof(Publishing.Expiry.ExpiryOrchestrator), (_, _) => false);
        registry.AddOrchestratorFunc<PublishInput, PublishOutcome>(nameof(PublishOrchestrator), (_, _) =>
        {
            Interlocked.Increment(ref publishRuns);
            return new PublishOutcome(ItemStatus.Published, []);
        });
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    static ItemCommand Decision(string stage, string actor, int version = 1, string decision = Decisions.Approve) =>
        new(ItemCommandType.Review, Guid.NewGuid().ToString("N"), actor, actor, version, DateTimeOffset.UtcNow, stage, decision, AllPassed,
            decision == Decisions.Reject ? "请修改" : null);

    async Task<string> StartAsync()
    {
        string id = Guid.NewGuid().ToString("N");
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ItemOrchestrator),
            new ItemInput(id, ItemKinds.News, "editor1", 1, ReviewStages.All), new StartOrchestrationOptions(id));
        return id;
    }

    async Task WaitForAsync(Func<ItemEvent, bool> condition, string what, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!recorded.Any(condition))
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}; recorded: {string.Join(", ", recorded.Select(e => e.Action + "/" + e.Stage))}");
            await Task.Delay(50);
        }
    }

    Task Raise(string id, ItemCommand command) => host.Client.RaiseEventAsync(id, ItemCommand.EventName, command);

    async Task<OrchestrationMetadata> CompletedAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        return done;
    }

    [Fact]
    public async Task AStepThatFailsPastTheRetryWindow_ParksTheItemForAnAdmin_AndAResumeRunsThatStepAgain()
    {
        string id = await StartAsync();
        await WaitForAsync(e => e.Stage == ReviewStages.Initial && e.Action == AuditActions.StageOpened, "初审 opened");
        failingAction = AuditActions.ReviewDecision;
        await Raise(id, Decision(ReviewStages.Initial, "reviewer1"));

        await WaitForAsync(e => e.Action == AuditActions.NeedsAttention, "NeedsAttention", timeoutSeconds: 90);
        var parked = recorded.Single(e => e.Action == AuditActions.NeedsAttention);
        Assert.Equal(ItemStatus.NeedsAttention, parked.Status);
        Assert.Contains("记录初审决定", parked.Details);
        Assert.Contains(parked.Notify!, n => n.Recipient == "role:Admin" && n.Message.Contains("暂停"));
        Assert.DoesNotContain(recorded, e => e.Action == AuditActions.ReviewDecision);

        // People's commands while parked are dropped; the resume continues from the failed step.
        await Raise(id, Decision(ReviewStages.Second, "reviewer2"));
        failingAction = null;
        await Raise(id, new ItemCommand(ItemCommandType.Resume, "resume-1", "admin1", "赵管理员", 1, DateTimeOffset.UtcNow));
        await WaitForAsync(e => e.Action == AuditActions.ReviewDecision && e.Stage == ReviewStages.Initial, "the 初审 decision recorded after resume");
        var resumed = recorded.Single(e => e.Action == AuditActions.Resumed);
        Assert.True(resumed.Step > parked.Step);
        Assert.True(recorded.Single(e => e.Action == AuditActions.ReviewDecision).Step > resumed.Step, "the re-run step gets a later step number");

        await WaitForAsync(e => e.Stage == ReviewStages.Second && e.Action == AuditActions.StageOpened, "复审 opened");
        await Raise(id, Decision(ReviewStages.Second, "reviewer2"));
        await WaitForAsync(e => e.Stage == ReviewStages.Final && e.Action == AuditActions.StageOpened, "终审 opened");
        await Raise(id, Decision(ReviewStages.Final, "reviewer3"));
        var done = await CompletedAsync(id);
        Assert.Equal(ItemStatus.Published, done.ReadOutputAs<ItemOutcome>()!.Status);
        Assert.Equal(1, publishRuns);
    }

    [Fact]
    public async Task ElevenHundredIdenticalDecisions_AreDroppedWithoutALimit_AndTheItemStillCompletes()
    {
        string id = await StartAsync();
        await WaitForAsync(e => e.Stage == ReviewStages.Initial && e.Action == AuditActions.StageOpened, "初审 opened");
        var first = Decision(ReviewStages.Initial, "reviewer1");
        await Task.WhenAll(Enumerable.Range(0, 1100).Select(i => Raise(id, first with { CommandId = $"c{i}" })));

        await WaitForAsync(e => e.Stage == ReviewStages.Second && e.Action == AuditActions.StageOpened, "复审 opened", timeoutSeconds: 120);
        // Wait until every duplicate was taken (the fresh histories carry the unprocessed ones along), then decide.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        OrchestrationMetadata? state;
        do
        {
            await Task.Delay(200);
            state = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        }
        while (state!.ReadInputAs<ItemInput>()!.Progress?.StageIndex != 1 && DateTime.UtcNow < deadline);
        Assert.Equal(1, state.ReadInputAs<ItemInput>()!.Progress!.StageIndex); // a fresh history continued at 复审

        await Raise(id, Decision(ReviewStages.Second, "reviewer2"));
        await WaitForAsync(e => e.Stage == ReviewStages.Final && e.Action == AuditActions.StageOpened, "终审 opened", timeoutSeconds: 120);
        await Raise(id, Decision(ReviewStages.Final, "reviewer3"));
        await CompletedAsync(id);

        Assert.Single(recorded, e => e.Action == AuditActions.ReviewDecision && e.Stage == ReviewStages.Initial);
        Assert.Single(recorded, e => e.Stage == ReviewStages.Second && e.Action == AuditActions.StageOpened);
    }

    [Fact]
    public async Task ADecisionOnAnotherVersion_IsDropped_TheRightOneCounts()
    {
        string id = await StartAsync();
        await WaitForAsync(e => e.Stage == ReviewStages.Initial && e.Action == AuditActions.StageOpened, "初审 opened");
        await Raise(id, Decision(ReviewStages.Initial, "reviewer1", version: 2));
        await Raise(id, new ItemCommand(ItemCommandType.Withdraw, "w-stale", "editor1", "王编辑", 2, DateTimeOffset.UtcNow));
        await Raise(id, Decision(ReviewStages.Initial, "reviewer1b", version: 1));

        await WaitForAsync(e => e.Stage == ReviewStages.Second && e.Action == AuditActions.StageOpened, "复审 opened");
        var decision = recorded.Single(e => e.Action == AuditActions.ReviewDecision);
        Assert.Equal("reviewer1b", decision.Actor);
        Assert.DoesNotContain(recorded, e => e.Action == AuditActions.Withdrawn);
        // Step numbers only grow.
        var steps = recorded.Select(e => e.Step).ToList();
        Assert.Equal(steps.Order(), steps);
    }
}
