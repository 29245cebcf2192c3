using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Audit;
using Publishing.Checks;
using Publishing.Http;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Review;

namespace Publishing.Notes;

/// <summary>
/// Passage notes (批注): <c>GET /api/items/{id}/notes</c>, <c>POST /api/items/{id}/notes</c>,
/// <c>POST /api/items/{id}/notes/{noteId}/resolve</c>. Written by the reviewer of the open stage on the version under
/// review; read by the item's editor (to revise), later stages, administrators and auditors.
/// </summary>
public static class NotesApi
{
    public const string NoteAdded = "note-added";
    public const string NoteResolved = "note-resolved";

    static readonly string[] ReviewerRoles = [Roles.InitialReviewer, Roles.SecondReviewer, Roles.FinalReviewer];
    static readonly string[] ReaderRoles = [Roles.Editor, .. ReviewerRoles, Roles.Admin, Roles.Auditor];

    public sealed record NoteList(IReadOnlyList<PassageNote> Notes);

    public static async Task<IResult> ListNotes(string id, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, ReaderRoles, out var user, out var denial))
        {
            return denial;
        }

        var services = context.RequestServices;
        if (await services.GetRequiredService<ItemReadModel>().GetAsync(id, cancellationToken) is not { } item
            || !ItemReadPolicy.CanRead(user, item))
        {
            return ItemsApi.ItemNotFound(id);
        }

        bool onlyEditor = !user.IsInAnyRole([.. ReviewerRoles, Roles.Admin, Roles.Auditor]);
        if (onlyEditor && item.SubmittedBy != user.Id)
        {
            return ApiProblems.Forbidden("批注只对稿件提交人、审核人员、管理员和审计人员开放。");
        }

        return TypedResults.Ok(new NoteList(await services.GetRequiredService<NoteStore>().ListAsync(id, cancellationToken)));
    }

    public static async Task<IResult> AddNote(string id, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, ReviewerRoles, out var user, out var denial))
        {
            return denial;
        }

        var body = await JsonBody.ReadAsync<NoteRequest>(context.Request, 16 * 1024, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var request = body.Value!;
        if (Validate(request) is { Count: > 0 } errors)
        {
            return ApiProblems.Validation(errors);
        }

        var services = context.RequestServices;
        if (await services.GetRequiredService<ItemReadModel>().GetAsync(id, cancellationToken) is not { } item
            || !ItemReadPolicy.CanRead(user, item))
        {
            return ItemsApi.ItemNotFound(id);
        }

        if (Denied(item, user) is { } forbidden)
        {
            return forbidden;
        }

        if (request.Version is { } seen && seen != item.Version)
        {
            return ApiProblems.Conflict($"您看到的是第 {seen} 版，稿件现在是第 {item.Version} 版。请刷新后在最新版本上添加批注。");
        }

        var store = services.GetRequiredService<NoteStore>();
        var existing = await store.ListAsync(id, cancellationToken);
        if (existing.Count(n => n.Version == item.Version) >= NoteLimits.MaxNotesPerVersion)
        {
            return ApiProblems.Conflict($"本版批注已达 {NoteLimits.MaxNotesPerVersion} 条上限，请把同类问题合并到一条批注中。");
        }

        var version = await services.GetRequiredService<ContentStore>().GetVersionAsync(id, item.Version, cancellationToken);
        if (version is null)
        {
            return ApiProblems.Conflict($"第 {item.Version} 版尚未保存完成，请稍后再试。");
        }

        string quote = request.Quote!.Trim();
        if (!PassageLocator.Contains(VersionDocument.FromJson(version.MetadataJson).Title, version.SanitizedHtml, quote))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]>
            {
                ["quote"] = [$"第 {item.Version} 版的标题和正文中找不到所引用的文字，请在正文中重新选择要批注的段落。"],
            });
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var note = new PassageNote(
            Guid.NewGuid().ToString("N"), id, item.Version, request.Aspect!, quote, ClipPrefix(request.Prefix), ClipSuffix(request.Suffix),
            request.Text!.Trim(), user.Id, user.DisplayName, item.Stage!, now, false, null, null, null);
        await store.AddAsync(note, cancellationToken);
        await services.GetRequiredService<AuditTrail>().AppendAsync(id, new AuditEvent(
            $"note-{note.Id}", NoteAdded, user.Id, now, item.Stage, item.Version,
            JsonSerializer.Serialize(new { noteId = note.Id, aspect = note.Aspect, quote = note.Quote }, ItemReadModel.Json)),
            cancellationToken);
        return TypedResults.Created($"/api/items/{id}/notes", note);
    }

    public static async Task<IResult> ResolveNote(string id, string noteId, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, ReviewerRoles, out var user, out var denial))
        {
            return denial;
        }

        var services = context.RequestServices;
        if (await services.GetRequiredService<ItemReadModel>().GetAsync(id, cancellationToken) is not { } item
            || !ItemReadPolicy.CanRead(user, item))
        {
            return ItemsApi.ItemNotFound(id);
        }

        var store = services.GetRequiredService<NoteStore>();
        if (await store.GetAsync(id, noteId, cancellationToken) is not { } note)
        {
            return ApiProblems.NotFound($"稿件 {id} 没有编号为 {noteId} 的批注。");
        }

        if (note.Author != user.Id && Denied(item, user) is { } forbidden)
        {
            return forbidden;
        }

        if (note.Resolved)
        {
            return TypedResults.Ok(note);
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var resolved = await store.ResolveAsync(id, note, user.Id, user.DisplayName, now, cancellationToken);
        await services.GetRequiredService<AuditTrail>().AppendAsync(id, new AuditEvent(
            $"note-{note.Id}-resolved", NoteResolved, user.Id, now, item.Stage, note.Version,
            JsonSerializer.Serialize(new { noteId = note.Id }, ItemReadModel.Json)), cancellationToken);
        return TypedResults.Ok(resolved);
    }

    /// <summary>Only the reviewer who may decide the awaited stage writes notes on it (never the submitter).</summary>
    static IResult? Denied(ItemRecord item, CurrentUser user)
    {
        if (item.Status != ItemStatus.InReview || item.Stage is null)
        {
            return ApiProblems.Conflict($"稿件当前状态为“{item.Status.DisplayName()}”，只有审核中的稿件可以添加或处理批注。");
        }

        if (item.SubmittedBy == user.Id)
        {
            return ApiProblems.Forbidden("不能批注自己提交的稿件。");
        }

        return user.IsInRole(ReviewStages.ReviewerRole(item.Stage))
            ? null
            : ApiProblems.Forbidden($"稿件正在等待{ReviewStages.DisplayName(item.Stage)}，只有{Roles.DisplayName(ReviewStages.ReviewerRole(item.Stage))}可以添加或处理批注。");
    }

    static Dictionary<string, string[]> Validate(NoteRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Aspect is null || !Aspects.All.Contains(request.Aspect))
            errors["aspect"] = ["请为批注选择一个关：political（政治关）、legal（法律关）、confidentiality（保密关）或 textual（文字关）。"];
        if (string.IsNullOrWhiteSpace(request.Quote))
            errors["quote"] = ["请先在正文中选中要批注的文字。"];
        else if (request.Quote.Trim().Length > NoteLimits.MaxQuoteLength)
            errors["quote"] = [$"引用的文字过长（{request.Quote.Trim().Length} 字），请只选中需要修改的部分，不超过 {NoteLimits.MaxQuoteLength} 字。"];
        if (string.IsNullOrWhiteSpace(request.Text))
            errors["text"] = ["请填写批注内容：哪里有问题、应当怎样改。"];
        else if (request.Text.Trim().Length > NoteLimits.MaxTextLength)
            errors["text"] = [$"批注内容不能超过 {NoteLimits.MaxTextLength} 字。"];
        return errors;
    }

    // Context nearest the quote is what tells two equal passages apart: the end of the prefix, the start of the suffix.
    static string? ClipPrefix(string? prefix) =>
        string.IsNullOrEmpty(prefix) ? null : prefix.Length <= NoteLimits.MaxContextLength ? prefix : prefix[^NoteLimits.MaxContextLength..];

    static string? ClipSuffix(string? suffix) =>
        string.IsNullOrEmpty(suffix) ? null : suffix.Length <= NoteLimits.MaxContextLength ? suffix : suffix[..NoteLimits.MaxContextLength];
}
