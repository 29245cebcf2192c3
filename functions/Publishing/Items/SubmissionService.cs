using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Publishing.Audit;
using Publishing.Calendar;
using Publishing.Checks;
using Publishing.Identity;
using Publishing.Lifecycle;
using Publishing.Review;
using Publishing.Workflow;

namespace Publishing.Items;

/// <summary>Stores submissions and new versions and starts or resumes their review.</summary>
public sealed class SubmissionService(
    ItemReadModel items,
    ContentStore content,
    CheckPipeline checks,
    IndexNumberAllocator indexNumbers,
    AuditTrail audit,
    ReviewOptions options,
    TimeProvider time)
{
    public abstract record Outcome;
    public sealed record Accepted(ItemRecord Item) : Outcome;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    /// <summary>A claimed submission whose review never started this long after is taken to have died midway.</summary>
    static readonly TimeSpan ResumeAfter = TimeSpan.FromMinutes(1);

    public async Task<Outcome> SubmitAsync(
        CurrentUser user, SubmissionRequest request, string? idempotencyKey, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        string id = idempotencyKey is null ? Guid.NewGuid().ToString("N") : IdFor(user, idempotencyKey);
        if (await items.GetAsync(id, cancellationToken) is { } existing)
        {
            // A retry with the same Idempotency-Key finishes a submission whose first attempt died midway; every
            // step below is idempotent, and the same key must carry the same content.
            bool stalled = existing.SubmittedBy == user.Id && existing.CreatedAt < time.GetUtcNow() - ResumeAfter
                && await durable.GetInstanceAsync(id, cancellationToken) is null;
            return stalled ? await CompleteAsync(user, existing, request, durable, cancellationToken) : new Accepted(existing);
        }

        if (await ValidateInterpretedPolicyAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        DateTimeOffset now = time.GetUtcNow();
        var record = new ItemRecord
        {
            RowKey = id,
            Kind = request.Kind!,
            Title = request.Title!,
            Version = 1,
            Status = ItemStatus.Submitted,
            ChannelsJson = JsonSerializer.Serialize(request.Channels, ItemReadModel.Json),
            MetadataJson = JsonSerializer.Serialize(request.Metadata, ItemReadModel.Json),
            SubmittedBy = user.Id,
            SubmittedByName = user.DisplayName,
            CreatedAt = now,
            UpdatedAt = now,
            PublishAt = request.PublishAt,
            InterpretsItemId = request.InterpretsItemId,
            RequiresInterpretation = request.RequiresInterpretation,
            IdempotencyKey = idempotencyKey,
        };
        // Claim the id first so a concurrent request with the same Idempotency-Key allocates no 索引号.
        if (!await items.TryCreateAsync(record, cancellationToken))
        {
            return new Accepted((await items.GetAsync(id, cancellationToken))!);
        }

        return await CompleteAsync(user, record, request, durable, cancellationToken);
    }

    async Task<Outcome> CompleteAsync(
        CurrentUser user, ItemRecord record, SubmissionRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        string id = record.Id;
        var metadata = request.Metadata!;
        string indexNumber = record.IndexNumber
            ?? (string.IsNullOrWhiteSpace(metadata.IndexNumber)
                ? await indexNumbers.AllocateOnceAsync(metadata.OrgCode!, metadata.Category, WorkingDayCalendar.ChinaDate(record.CreatedAt).Year, id, cancellationToken)
                : metadata.IndexNumber);
        metadata = metadata with { IndexNumber = indexNumber };

        await StoreVersionAsync(id, 1, user, request with { Metadata = metadata }, record.CreatedAt, cancellationToken);
        record = await items.UpdateAsync(id, r =>
        {
            r.IndexNumber = indexNumber;
            r.MetadataJson = JsonSerializer.Serialize(metadata, ItemReadModel.Json);
        }, cancellationToken);
        await audit.AppendAsync(id, new AuditEvent(
            "submitted", AuditActions.Submitted, user.Id, record.CreatedAt, null, 1,
            JsonSerializer.Serialize(new { kind = record.Kind, title = record.Title, indexNumber }, ItemReadModel.Json)),
            cancellationToken);

        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(ItemOrchestrator),
            new ItemInput(id, record.Kind, user.Id, 1, options.StagesFor(record.Kind)),
            new StartOrchestrationOptions(ItemInstances.Item(id)),
            cancellationToken);
        return new Accepted(record);
    }

    /// <summary>Stores version n+1 of a returned item and hands it to the waiting review.</summary>
    /// <exception cref="InvalidOperationException">Another new version was stored first.</exception>
    public async Task<Outcome> ReviseAsync(
        CurrentUser user, ItemRecord item, SubmissionRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (await ValidateInterpretedPolicyAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        int version = item.Version + 1;
        DateTimeOffset now = time.GetUtcNow();
        // The 索引号 identifies the item, not the version: it never changes.
        var metadata = request.Metadata! with { IndexNumber = item.IndexNumber };
        await StoreVersionAsync(item.Id, version, user, request with { Metadata = metadata }, now, cancellationToken);
        await durable.RaiseEventAsync(ItemInstances.Item(item.Id), ItemCommand.EventName,
            new ItemCommand(ItemCommandType.Revise, Guid.NewGuid().ToString("N"), user.Id, user.DisplayName, version, now),
            cancellationToken);
        return new Accepted(item);
    }

    async Task StoreVersionAsync(
        string id, int version, CurrentUser user, SubmissionRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        CheckReport report = checks.Run(new CheckDraft(
            request.Kind!, request.Title!, request.BodyHtml!, request.Metadata!, request.InterpretsItemId));
        var document = new VersionDocument(
            request.Kind!, request.Title!, request.Metadata!, request.Channels!, request.PublishAt,
            request.InterpretsItemId, user.Id, now, request.ResolvedAttachments is { Count: > 0 } attachments ? attachments : null);
        StoredVersion stored = await content.SaveVersionAsync(
            id, version, request.BodyHtml!, report.SanitizedHtml, document.ToJson(), cancellationToken);
        await audit.AppendAsync(id, new AuditEvent(
            $"v{version}-stored", AuditActions.VersionStored, user.Id, now, null, version,
            JsonSerializer.Serialize(new { contentHash = stored.ContentHash }, ItemReadModel.Json)),
            cancellationToken);
    }

    async Task<Invalid?> ValidateInterpretedPolicyAsync(SubmissionRequest request, CancellationToken cancellationToken)
    {
        if (request.InterpretsItemId is not { } policyId)
        {
            return null;
        }

        ItemRecord? policy = await items.GetAsync(policyId, cancellationToken);
        if (policy is null || policy.Kind != ItemKinds.Policy)
        {
            return new Invalid(new Dictionary<string, string[]>
            {
                ["interpretsItemId"] = [$"被解读的政策文件“{policyId}”不存在或不是政策文件（policy），请填写正确的稿件编号。"],
            });
        }

        return null;
    }

    static string IdFor(CurrentUser user, string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.Id + "\n" + idempotencyKey)))[..32];
}
