using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;
using Publishing.Identity;
using Publishing.Outbound;

namespace Publishing.Assets;

/// <summary>
/// Makes a submission's images and attachments ours before it is stored: every attachment must be an uploaded asset;
/// every body image must be one too, or an external image fetched once here through the guarded fetcher and stored
/// as an asset, its <c>src</c> rewritten. Nothing is hot-linked and nothing is fetched at publish time.
/// </summary>
public sealed partial class SubmissionAssets(AssetStore store, AssetService assets, GuardedFetcher fetcher, IOptions<AssetOptions> options)
{
    public const int MaxAttachments = 30;
    public const int MaxImages = 50;
    public const int MaxTitleLength = 200;

    public sealed record Resolved(string BodyHtml, IReadOnlyList<VersionAttachment> Attachments);

    public abstract record Outcome;
    public sealed record Accepted(Resolved Value) : Outcome;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    /// <summary>The asset id an <c>src</c> or <c>href</c> names, when it is one of our asset URLs.</summary>
    public static string? AssetIdOf(string? url) =>
        url is not null && AssetUrl().Match(url.Trim()) is { Success: true } match ? match.Groups["id"].Value : null;

    public async Task<Outcome> ResolveAsync(
        CurrentUser user, string bodyHtml, IReadOnlyList<AttachmentReference>? references, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bodyHtml);
        var errors = new Dictionary<string, string[]>();
        var attachments = await ResolveAttachmentsAsync(references ?? [], errors, cancellationToken);
        string body = await ResolveImagesAsync(user, bodyHtml, errors, cancellationToken);
        return errors.Count > 0 ? new Invalid(errors) : new Accepted(new Resolved(body, attachments));
    }

    /// <summary>The attachments of a stored version (none for versions stored before attachments existed).</summary>
    public async Task<IReadOnlyList<AssetRecord>> RecordsAsync(IEnumerable<string> assetIds, CancellationToken cancellationToken)
    {
        var records = new List<AssetRecord>();
        foreach (string id in assetIds)
        {
            records.Add(await store.GetRecordAsync(id, cancellationToken)
                ?? throw new InvalidOperationException($"Asset {id} named by a stored version is missing."));
        }

        return records;
    }

    async Task<List<VersionAttachment>> ResolveAttachmentsAsync(
        IReadOnlyList<AttachmentReference> references, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var resolved = new List<VersionAttachment>();
        if (references.Count > MaxAttachments)
        {
            errors["attachments"] = [$"附件过多（{references.Count} 个），每篇稿件最多 {MaxAttachments} 个附件，请合并或精简后重新提交。"];
            return resolved;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < references.Count; i++)
        {
            string field = $"attachments[{i}]";
            string? id = references[i]?.AssetId?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                errors[field + ".assetId"] = ["请填写附件编号（assetId），即上传文件（POST /api/assets）时返回的 id。"];
                continue;
            }

            if (!seen.Add(id))
            {
                errors[field + ".assetId"] = [$"附件 {id} 重复添加，请删除重复项。"];
                continue;
            }

            if (await store.GetRecordAsync(id, cancellationToken) is not { } asset)
            {
                errors[field + ".assetId"] = [$"附件 {id} 不存在，请重新上传该文件后使用返回的 id。"];
                continue;
            }

            string title = string.IsNullOrWhiteSpace(references[i].Title) ? Path.GetFileNameWithoutExtension(asset.FileName) : references[i].Title!.Trim();
            if (title.Length > MaxTitleLength)
            {
                errors[field + ".title"] = [$"附件标题过长（{title.Length} 字），不能超过 {MaxTitleLength} 字。"];
                continue;
            }

            resolved.Add(VersionAttachment.From(asset, title));
        }

        return resolved;
    }

    async Task<string> ResolveImagesAsync(CurrentUser user, string bodyHtml, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        using var document = new HtmlParser().ParseDocument("<!doctype html><html><body>" + bodyHtml);
        var images = document.QuerySelectorAll("img").ToList();
        if (images.Count > MaxImages)
        {
            errors["bodyHtml"] = [$"正文图片过多（{images.Count} 张），每篇最多 {MaxImages} 张，请精简后重新提交。"];
            return bodyHtml;
        }

        var messages = new List<string>();
        var rehosted = new Dictionary<string, string>(StringComparer.Ordinal);
        bool changed = false;
        for (int i = 0; i < images.Count; i++)
        {
            string subject = $"第 {i + 1} 张正文图片";
            string src = images[i].GetAttribute("src")?.Trim() ?? "";
            if (AssetIdOf(src) is { } id)
            {
                if (await store.GetRecordAsync(id, cancellationToken) is not { } asset || !asset.Format.IsImage())
                {
                    messages.Add($"{subject}（{id}）不是已上传的图片，请重新上传该图片。");
                }

                continue;
            }

            if (!src.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !src.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                messages.Add($"{subject}的地址无效（{Shorten(src)}）。请先上传图片（POST /api/assets），或使用可公开访问的 http/https 图片地址。");
                continue;
            }

            if (!rehosted.TryGetValue(src, out string? url))
            {
                url = await RehostAsync(user, src, subject, messages, cancellationToken);
                if (url is null)
                {
                    continue;
                }

                rehosted[src] = url;
            }

            images[i].SetAttribute("src", url);
            changed = true;
        }

        if (messages.Count > 0)
        {
            errors["bodyHtml"] = [.. messages];
        }

        // Untouched bodies keep the editor's exact markup.
        return changed ? document.Body!.InnerHtml : bodyHtml;
    }

    async Task<string?> RehostAsync(CurrentUser user, string src, string subject, List<string> messages, CancellationToken cancellationToken)
    {
        FetchedResource fetched;
        try
        {
            fetched = await fetcher.FetchAsync(src,
                FetchPolicy.For(subject, options.Value.MaxImageBytes, SniffedType.Jpeg, SniffedType.Png, SniffedType.Gif), cancellationToken);
        }
        catch (OutboundFetchException e)
        {
            messages.Add($"{e.Message}（{Shorten(src)}）外部图片须先保存到本系统才能发布，也可以下载后直接上传。");
            return null;
        }

        string name = Path.GetFileNameWithoutExtension(Uri.UnescapeDataString(fetched.Url.AbsolutePath));
        string fileName = (string.IsNullOrWhiteSpace(name) ? "image" : name) + ContentSniffer.Extension(fetched.Type);
        switch (await assets.StoreAsync(user, fileName, fetched.Content, cancellationToken))
        {
            case AssetService.Stored { Asset: var asset }:
                return asset.Url;
            case AssetService.Refused { Detail: var detail }:
                messages.Add($"{subject}：{detail}");
                return null;
            default:
                throw new InvalidOperationException();
        }
    }

    static string Shorten(string url) => url.Length <= 80 ? url : url[..80] + "…";

    [GeneratedRegex("^/api/assets/(?<id>[0-9a-f]{32})/content$")]
    private static partial Regex AssetUrl();
}
