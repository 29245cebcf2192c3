using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Http;
using Publishing.Identity;
using Publishing.Items;

namespace Publishing.Checks;

/// <summary><c>POST /api/checks</c>: runs every check on a draft without submitting it.</summary>
public static class ChecksApi
{
    /// <summary>Large enough for any article with inline tables; beyond it the request is refused, not truncated.</summary>
    public const int MaxBodyHtmlLength = 2_000_000;

    /// <summary>The request body, read up to this many bytes and no further: the body HTML in UTF-8 plus the other fields.</summary>
    public const long MaxRequestBytes = MaxBodyHtmlLength * 3L + 64 * 1024;

    // The CancellationToken keeps this from binding as a RequestDelegate, which would drop the returned IResult.
    public static async Task<IResult> RunChecks(HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, [Roles.Editor], out _, out var denial))
        {
            return denial;
        }

        var body = await JsonBody.ReadAsync<ChecksRequest>(context.Request, MaxRequestBytes, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var request = body.Value!;

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            errors["title"] = ["请填写标题。"];
        }

        if (request.BodyHtml is null)
        {
            errors["bodyHtml"] = ["请填写正文（bodyHtml）。"];
        }

        if (request.Kind is not null && !ItemKinds.All.Contains(request.Kind))
        {
            errors["kind"] = [$"类型“{request.Kind}”无效，可选值：{string.Join("、", ItemKinds.All)}。"];
        }

        if (request.Metadata?.DisclosureMode is { } mode && !DisclosureModes.All.Contains(mode))
        {
            errors["metadata.disclosureMode"] = [$"公开方式“{mode}”无效，可选值：{string.Join("、", DisclosureModes.All)}。"];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        if (request.BodyHtml!.Length > MaxBodyHtmlLength)
        {
            return ApiProblems.TooLarge($"正文超过 {MaxBodyHtmlLength} 个字符。请精简正文或将附件改为链接后再检查。");
        }

        var draft = new CheckDraft(request.Kind ?? ItemKinds.News, request.Title!, request.BodyHtml, request.Metadata ?? new ItemMetadata(), request.InterpretsItemId);
        var report = context.RequestServices.GetRequiredService<CheckPipeline>().Run(draft);
        return TypedResults.Ok(report);
    }
}
