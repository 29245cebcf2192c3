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
}
