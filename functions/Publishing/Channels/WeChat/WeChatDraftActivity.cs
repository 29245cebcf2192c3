using AngleSharp.Html.Parser;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
    IOptions<WeChatOptions> options, IServiceProvider services, GuardedFetcher fetcher, AuditTrail audit, TimeProvider time)
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
            var (content, cover) = await UploadImagesAsync(client, version.SanitizedHtml);
            if (cover is null)
            {
                return Failed(request, "微信图文必须有封面图：请在正文中加入至少一张图片（将用作封面）后重新提交。");
            }

            string thumb = await client.AddThumbAsync(cover.Value.Bytes, cover.Value.FileName);
            string mediaId = await client.AddDraftAsync(article with { Content = content, ThumbMediaId = thumb });
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
        catch (OutboundFetchException e) when (!e.IsTransient)
        {
            return Failed(request, e.Message);
        }
    }

    /// <summary>Uploads every body image and rewrites its src; the first image also becomes the cover.</summary>
    async Task<(string Content, (byte[] Bytes, string FileName)? Cover)> UploadImagesAsync(WeChatClient client, string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        (byte[], string)? cover = null;
        int index = 0;
        foreach (var image in document.QuerySelectorAll("img[src]").ToList())
        {
            // uploadimg takes JPG/PNG under 1 MB; the guarded fetcher refuses internal addresses and sniffs the type.
            var fetched = await fetcher.FetchAsync(image.GetAttribute("src")!,
                FetchPolicy.For($"第 {++index} 张正文图片", 1024 * 1024 - 1, SniffedType.Jpeg, SniffedType.Png));
            byte[] bytes = fetched.Content;
            string contentType = fetched.MediaType;
            string fileName = $"image{index}{ContentSniffer.Extension(fetched.Type)}";
            image.SetAttribute("src", await client.UploadBodyImageAsync(bytes, fileName, contentType));
            cover ??= (bytes, fileName);
        }

        return (document.Body!.InnerHtml, cover);
    }

    static SendResult Failed(ChannelPublishRequest request, string error) => SendResult.Failed(error);
}
