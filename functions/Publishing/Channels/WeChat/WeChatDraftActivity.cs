using AngleSharp.Html.Parser;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Assets;
using Publishing.Audit;
using Publishing.Channels.Website;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Outbound;

namespace Publishing.Channels.WeChat;

/// <summary>
/// Builds the WeChat draft: checks WeChat's limits, uploads every body image (WeChat strips foreign images) and the
/// cover, then <c>draft/add</c>. Resumes from the stored draft media id; in preview mode stores the request instead.
/// </summary>
public sealed class WeChatDraftActivity(
    PublicationStore publications, ContentIntegrity integrity, WebsitePublisher website, Outbox outbox,
    IOptions<WeChatOptions> options, IServiceProvider services, GuardedFetcher fetcher, AuditTrail audit, TimeProvider time,
    AssetStore assets)
    : TaskActivity<ChannelPublishRequest, WeChatStep>
{
    public override async Task<WeChatStep> RunAsync(TaskActivityContext context, ChannelPublishRequest request)
    {
        var record = await publications.GetOrCreateAsync(request.ItemId, request.Version, request.Channel);
        if (record.Attempts != request.Attempt || record.State is not (ChannelState.Pending or ChannelState.Sending))
        {
            return new WeChatStep(SendResult.NothingToWrite);
        }

        // Sending: the submit step knows whether the job exists. A stored draft is reused: drafts are not public.
        if (record.State == ChannelState.Sending || record.DraftMediaId is not null)
        {
            return new WeChatStep(null);
        }

        return new WeChatStep(await DraftAsync(request));
    }

    async Task<SendResult?> DraftAsync(ChannelPublishRequest request)
    {
        StoredVersion? version = await integrity.LoadApprovedAsync(request);
        if (version is null)
        {
            return Failed(request, ContentIntegrity.MismatchMessage);
        }

        var document = VersionDocument.FromJson(version.MetadataJson);
        string title = string.IsNullOrWhiteSpace(document.Metadata.WechatTitle) ? document.Title : document.Metadata.WechatTitle;
        var settings = options.Value;
        var article = new WeChatDraftArticle(title, settings.Author, WeChatLimits.DefaultDigest(version.SanitizedHtml),
            version.SanitizedHtml, website.UrlOf(request.ItemId), "");
        var problems = WeChatLimits.Validate(article).ToList();
        if (WeChatLimits.Length(title) > 32 && string.IsNullOrWhiteSpace(document.Metadata.WechatTitle))
        {
            problems.Insert(0, $"标题超过微信的 32 字限制（{WeChatLimits.Length(title)} 字），请在稿件中填写不超过 32 字的微信标题（metadata.wechatTitle）后重新提交。");
        }

        if (problems.Count > 0)
        {
            return Failed(request, string.Join("；", problems.Distinct()));
        }

        if (!settings.IsConfigured)
        {
            string blob = await outbox.StoreAsync(request, new
            {
                method = "POST",
                url = new Uri(settings.BaseUrl, "cgi-bin/draft/add").AbsoluteUri,
                note = "预览模式：未配置公众号凭据，未发送。正文图片将先经 media/uploadimg 上传并替换地址，封面经 material/add_material 上传。",
                body = new { articles = new[] { new
                {
                    article_type = "news", title = article.Title, author = article.Author, digest = article.Digest,
                    content = article.Content, content_source_url = article.ContentSourceUrl, thumb_media_id = "(封面上传后获得)",
                    need_open_comment = 0, only_fans_can_comment = 0,
                } } },
            });
            return new SendResult(ChannelState.Previewed, OutboxBlob: blob);
        }

        var client = services.GetRequiredService<WeChatClient>();
        try
        {
            var (content, cover) = await UploadImagesAsync(client, version.SanitizedHtml, document.Metadata.CoverAssetId);
            if (cover is null)
            {
                return Failed(request, "微信图文必须有封面图：请在正文中加入至少一张图片（将用作封面）后重新提交。");
            }

            string thumb = await client.AddThumbAsync(cover.Value.Bytes, cover.Value.FileName);
            string mediaId = await client.AddDraftAsync(article with { Content = content + AttachmentNote(document), ThumbMediaId = thumb });
            var record = await publications.UpdateAsync(request.ItemId, request.Version, request.Channel,
                r => r with { ThumbMediaId = thumb, DraftMediaId = mediaId });
            await ChannelAudit.AppendAsync(audit, time, request, "draft-added", record.Attempts, null, null, null);
            return null;
        }
        catch (WeChatApiException e) when (!e.IsTransient)
        {
            return Failed(request, e.UserMessage);
        }
        catch (ArgumentException e)
        {
            return Failed(request, e.Message);
        }
        catch (InvalidDataException e)
        {
            return Failed(request, $"正文图片无法转换为微信接受的 JPG/PNG 格式（{e.Message}），请更换图片后重新提交。");
        }
        catch (OutboundFetchException e) when (!e.IsTransient)
        {
            return Failed(request, e.Message);
        }
    }

    /// <summary>
    /// Uploads every body image and rewrites its src; the cover is <c>metadata.coverAssetId</c> or the first image.
    /// Images stored as assets are read from our storage and fitted to uploadimg's JPG/PNG under 1 MB (the cover to a
    /// JPG thumb under 64 KB); nothing is fetched from the internet at publish time. Older versions may still carry
    /// external addresses: those go through the guarded fetcher.
    /// </summary>
    async Task<(string Content, (byte[] Bytes, string FileName)? Cover)> UploadImagesAsync(WeChatClient client, string html, string? coverAssetId)
    {
        var document = new HtmlParser().ParseDocument(html);
        (byte[], string)? cover = null;
        if (coverAssetId is not null && await assets.GetRecordAsync(coverAssetId, CancellationToken.None) is { } coverAsset && coverAsset.Format.IsImage())
        {
            var thumb = ChannelImages.Fit(await assets.GetContentAsync(coverAsset.Sha256, CancellationToken.None), coverAsset.Format,
                ChannelImages.WeChatThumbLimit, "cover", jpegOnly: true);
            cover = (thumb.Bytes, thumb.FileName);
        }

        int index = 0;
        foreach (var image in document.QuerySelectorAll("img[src]").ToList())
        {
            string src = image.GetAttribute("src")!;
            ++index;
            if (SubmissionAssets.AssetIdOf(src) is { } assetId)
            {
                var asset = await assets.GetRecordAsync(assetId, CancellationToken.None)
                    ?? throw new InvalidOperationException($"Asset {assetId} of an approved version is missing.");
                byte[] stored = await assets.GetContentAsync(asset.Sha256, CancellationToken.None);
                var fitted = ChannelImages.Fit(stored, asset.Format, ChannelImages.WeChatBodyLimit, $"image{index}");
                image.SetAttribute("src", await client.UploadBodyImageAsync(fitted.Bytes, fitted.FileName, fitted.ContentType));
                if (cover is null)
                {
                    var thumb = ChannelImages.Fit(stored, asset.Format, ChannelImages.WeChatThumbLimit, "cover", jpegOnly: true);
                    cover = (thumb.Bytes, thumb.FileName);
                }

                continue;
            }

            // uploadimg takes JPG/PNG under 1 MB; the guarded fetcher refuses internal addresses and sniffs the type.
            var fetched = await fetcher.FetchAsync(src,
                FetchPolicy.For($"第 {index} 张正文图片", 1024 * 1024 - 1, SniffedType.Jpeg, SniffedType.Png));
            byte[] bytes = fetched.Content;
            string contentType = fetched.MediaType;
            string fileName = $"image{index}{ContentSniffer.Extension(fetched.Type)}";
            image.SetAttribute("src", await client.UploadBodyImageAsync(bytes, fileName, contentType));
            cover ??= (bytes, fileName);
        }

        return (document.Body!.InnerHtml, cover);
    }

    /// <summary>WeChat articles cannot carry files (and strip outside links): the reader is sent to the website page.</summary>
    static string AttachmentNote(VersionDocument document)
    {
        if (document.Attachments is not { Count: > 0 } attachments)
        {
            return "";
        }

        var items = attachments.Select(a => System.Net.WebUtility.HtmlEncode($"{a.Title}（{a.Format}，{SitePageRenderer.FileSize(a.Size)}）"));
        return $"<p>附件：{string.Join("；", items)}。请点击“阅读原文”到政府网站下载。</p>";
    }

    static SendResult Failed(ChannelPublishRequest request, string error) => SendResult.Failed(error);
}
