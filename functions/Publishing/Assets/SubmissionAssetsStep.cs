using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Http;
using Publishing.Identity;
using Publishing.Items;

namespace Publishing.Assets;

/// <summary>The one call the submit and revise handlers make: resolve attachments and images, or answer 400.</summary>
public static class SubmissionAssetsStep
{
    /// <returns>A validation problem, or null after <paramref name="replace"/> got the request with rewritten body and resolved attachments.</returns>
    public static async Task<IResult?> ApplyAsync(
        IServiceProvider services, CurrentUser user, SubmissionRequest? request, Action<SubmissionRequest> replace, CancellationToken cancellationToken)
    {
        if (request?.BodyHtml is null)
        {
            return null;
        }

        var outcome = await services.GetRequiredService<SubmissionAssets>().ResolveAsync(user, request.BodyHtml, request.Attachments, cancellationToken);
        var metadataErrors = await ValidateMetadataAsync(services, request, cancellationToken);
        if (metadataErrors.Count > 0)
        {
            var all = outcome is SubmissionAssets.Invalid invalid ? invalid.Errors : [];
            foreach (var (field, messages) in metadataErrors)
            {
                all[field] = messages;
            }

            return ApiProblems.Validation(all);
        }

        switch (outcome)
        {
            case SubmissionAssets.Invalid { Errors: var errors }:
                return ApiProblems.Validation(errors);
            case SubmissionAssets.Accepted { Value: var resolved }:
                replace(request with { BodyHtml = resolved.BodyHtml, ResolvedAttachments = resolved.Attachments });
                return null;
            default:
                throw new InvalidOperationException();
        }
    }

    static async Task<Dictionary<string, string[]>> ValidateMetadataAsync(IServiceProvider services, SubmissionRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Metadata?.ExpiresAt is { } expiresAt)
        {
            DateTimeOffset now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (expiresAt <= now || (request.PublishAt is { } publishAt && expiresAt <= publishAt))
            {
                errors["metadata.expiresAt"] = ["公示截止时间（expiresAt）须晚于当前时间和定时发布时间，请填写公示期的结束时间。"];
            }
        }

        if (request.Metadata?.CoverAssetId is { } coverId
            && (await services.GetRequiredService<AssetStore>().GetRecordAsync(coverId, cancellationToken) is not { } cover || !cover.Format.IsImage()))
        {
            errors["metadata.coverAssetId"] = [$"封面图 {coverId} 不是已上传的图片，请先上传 JPG/PNG/GIF 图片并使用返回的 id。"];
        }

        return errors;
    }
}
