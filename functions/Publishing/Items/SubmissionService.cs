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

/// <summary>
/// Stores submissions and new versions and starts or resumes their review. A submission is orphan-free: the checks run
/// once, the bodies are stored, then the item orchestration is scheduled with a <see cref="SubmissionTicket"/>, and only
/// then are the row, the 索引号, the version document and the audit written — by this request and, if it died midway,
/// by the orchestration's first step (<see cref="CompleteAsync"/>, idempotent). Before the schedule nothing is visible
/// and no 索引号 is used; after it the submission always completes.
/// </summary>
public sealed class SubmissionService(
    ItemReadModel items,
    ContentStore content,
    CheckPipeline checks,
    FindingsStore findings,
    IndexNumberAllocator indexNumbers,
    AuditTrail audit,
    ReviewOptions options,
    TimeProvider time)
{
    public abstract record Outcome;
    public sealed record Accepted(ItemRecord Item) : Outcome;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;
    /// <summary>The Idempotency-Key was used before for different content.</summary>
    public sealed record KeyReused : Outcome;
    /// <summary>A new version of this number was stored earlier with different content and has now been handed to the review.</summary>
    public sealed record EarlierRevisionResent(int Version) : Outcome;

    public async Task<Outcome> SubmitAsync(
        CurrentUser user, SubmissionRequest request, string? idempotencyKey, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        string id = idempotencyKey is null ? Guid.NewGuid().ToString("N") : IdFor(user, idempotencyKey);
        string hash = SubmissionTicket.HashOf(request with { Version = null });
        SubmissionTicket? ticket = null;
        bool scheduled = false;
        if (idempotencyKey is not null)
        {
            ItemRecord? existing = await items.GetAsync(id, cancellationToken);
            if (existing?.SubmissionHash is { } earlierHash && earlierHash != hash)
            {
                return new KeyReused();
            }

            var instance = await durable.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
            scheduled = instance is not null;
            ticket = instance?.ReadInputAs<ItemInput>()?.Submission;
            if (ticket is not null && ticket.SubmissionHash != hash)
            {
                return new KeyReused();
            }

            if (existing is not null && scheduled && (ticket is null || existing.IndexNumber is not null))
            {
                // Completed (the orchestration finishes anything after the 索引号), from before tickets, or revised since:
                // the key answers with the item.
                return new Accepted(existing);
            }

            if (existing is not null && ticket is null)
            {
                // A row from before orphan-free submission whose workflow never started: finish it with this content.
                ticket = TicketFor(id, user, request, existing.CreatedAt, idempotencyKey, hash);
            }
        }

        if (await ValidateInterpretedPolicyAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        ticket ??= TicketFor(id, user, request, time.GetUtcNow(), idempotencyKey, hash);
        // The checks run once, here, on what the editor sent; the orchestration records these findings.
        CheckReport report = checks.Run(new CheckDraft(request.Kind!, request.Title!, request.BodyHtml!, request.Metadata!, request.InterpretsItemId));
        await content.SaveBodiesAsync(id, 1, request.BodyHtml!, report.SanitizedHtml, cancellationToken);
        await findings.SaveAsync(id, 1, report.Findings, cancellationToken);

        if (!scheduled)
        {
            try
            {
                await durable.ScheduleNewOrchestrationInstanceAsync(
                    nameof(ItemOrchestrator),
                    new ItemInput(id, ticket.Kind, user.Id, 1, options.StagesFor(ticket.Kind), Submission: ticket),
                    new StartOrchestrationOptions(ItemInstances.Item(id)),
                    cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException && idempotencyKey is not null)
            {
                // A concurrent request with the same key scheduled it first: finish with its ticket.
                var winner = await durable.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
                if (winner?.ReadInputAs<ItemInput>()?.Submission is not { } theirs)
                {
                    throw;
                }

                if (theirs.SubmissionHash != hash)
                {
                    return new KeyReused();
                }

                ticket = theirs;
            }
        }

        return new Accepted(await CompleteAsync(ticket, cancellationToken));
    }

    /// <summary>
    /// Writes what makes the submission visible: the row (claimed once), the 索引号 (allocated once per item), version
    /// 1's document and the audit entries. Every part is idempotent; the request and the orchestration both run it.
    /// </summary>
    public async Task<ItemRecord> CompleteAsync(SubmissionTicket ticket, CancellationToken cancellationToken = default)
    {
        string id = ticket.ItemId;
        ItemRecord record = await items.GetAsync(id, cancellationToken) ?? await CreateRowAsync(ticket, cancellationToken);
        var metadata = ticket.Metadata;
        string indexNumber = record.IndexNumber
            ?? (string.IsNullOrWhiteSpace(metadata.IndexNumber)
                ? await indexNumbers.AllocateOnceAsync(metadata.OrgCode!, metadata.Category, WorkingDayCalendar.ChinaDate(ticket.CreatedAt).Year, id, cancellationToken)
                : metadata.IndexNumber);
        metadata = metadata with { IndexNumber = indexNumber };

        StoredVersion stored = await content.SaveDocumentAsync(id, 1, ticket.Document(metadata).ToJson(), cancellationToken);
        if (record.IndexNumber != indexNumber)
        {
            record = await items.UpdateAsync(id, r =>
            {
                r.IndexNumber = indexNumber;
                r.MetadataJson = JsonSerializer.Serialize(metadata, ItemReadModel.Json);
            }, cancellationToken);
        }

        await audit.AppendAsync(id, new AuditEvent(
            "v1-stored", AuditActions.VersionStored, ticket.SubmittedBy, ticket.CreatedAt, null, 1,
            JsonSerializer.Serialize(new { contentHash = stored.ContentHash }, ItemReadModel.Json)),
            cancellationToken);
        await audit.AppendAsync(id, new AuditEvent(
            "submitted", AuditActions.Submitted, ticket.SubmittedBy, ticket.CreatedAt, null, 1,
            JsonSerializer.Serialize(new { kind = ticket.Kind, title = ticket.Title, indexNumber }, ItemReadModel.Json)),
            cancellationToken);
        return record;
    }

    async Task<ItemRecord> CreateRowAsync(SubmissionTicket ticket, CancellationToken cancellationToken)
    {
        var record = new ItemRecord
        {
            RowKey = ticket.ItemId,
            Kind = ticket.Kind,
            Title = ticket.Title,
            Version = 1,
            Status = ItemStatus.Submitted,
            ChannelsJson = JsonSerializer.Serialize(ticket.Channels, ItemReadModel.Json),
            MetadataJson = JsonSerializer.Serialize(ticket.Metadata, ItemReadModel.Json),
            SubmittedBy = ticket.SubmittedBy,
            SubmittedByName = ticket.SubmittedByName,
            CreatedAt = ticket.CreatedAt,
            UpdatedAt = ticket.CreatedAt,
            PublishAt = ticket.PublishAt,
            InterpretsItemId = ticket.InterpretsItemId,
            RequiresInterpretation = ticket.RequiresInterpretation,
            IdempotencyKey = ticket.IdempotencyKey,
            SubmissionHash = ticket.SubmissionHash,
        };
        return await items.TryCreateAsync(record, cancellationToken) ? record : (await items.GetAsync(ticket.ItemId, cancellationToken))!;
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
        CheckReport report = checks.Run(new CheckDraft(request.Kind!, request.Title!, request.BodyHtml!, request.Metadata!, request.InterpretsItemId));
        Outcome outcome = new Accepted(item);
        if (await content.GetVersionAsync(item.Id, version, cancellationToken) is { } earlier)
        {
            // Stored by an earlier request whose command never reached the review (it died midway): hand that one on.
            if (earlier.SanitizedHtml != report.SanitizedHtml)
            {
                outcome = new EarlierRevisionResent(version);
            }
        }
        else
        {
            // The 索引号 identifies the item, not the version: it never changes.
            var metadata = request.Metadata! with { IndexNumber = item.IndexNumber };
            var document = new VersionDocument(
                request.Kind!, request.Title!, metadata, request.Channels!, request.PublishAt, request.InterpretsItemId, user.Id, now,
                request.ResolvedAttachments is { Count: > 0 } attachments ? attachments : null);
            StoredVersion stored = await content.SaveVersionAsync(item.Id, version, request.BodyHtml!, report.SanitizedHtml, document.ToJson(), cancellationToken);
            await findings.SaveAsync(item.Id, version, report.Findings, cancellationToken);
            await audit.AppendAsync(item.Id, new AuditEvent(
                $"v{version}-stored", AuditActions.VersionStored, user.Id, now, null, version,
                JsonSerializer.Serialize(new { contentHash = stored.ContentHash }, ItemReadModel.Json)),
                cancellationToken);
        }

        await durable.RaiseEventAsync(ItemInstances.Item(item.Id), ItemCommand.EventName,
            new ItemCommand(ItemCommandType.Revise, Guid.NewGuid().ToString("N"), user.Id, user.DisplayName, version, now),
            cancellationToken);
        return outcome;
    }

    static SubmissionTicket TicketFor(string id, CurrentUser user, SubmissionRequest request, DateTimeOffset createdAt, string? key, string hash) => new(
        id, request.Kind!, request.Title!, request.Metadata!, request.Channels!, request.PublishAt, request.InterpretsItemId,
        request.RequiresInterpretation, user.Id, user.DisplayName, createdAt, key, hash,
        request.ResolvedAttachments is { Count: > 0 } attachments ? attachments : null);

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
