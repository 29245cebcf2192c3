using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Assets;
using Publishing.Channels.Website;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Channels.Weibo;

/// <summary>
/// Shares the item's website page on Weibo. At most once: the record is claimed <c>pending → sending</c> before the
/// request, so a crash or timeout after sending ends as <c>unknown</c> for a person, never a second post. The result is
/// returned, not written: <see cref="ApplyChannelResultActivity"/> writes it with a durable retry.
/// </summary>
public sealed class PublishWeiboActivity(
    PublicationStore publications, ItemReadModel items, ContentIntegrity integrity, WebsitePublisher website, Outbox outbox,
    IOptions<WeiboOptions> options, IServiceProvider services, AssetStore assets)
    : TaskActivity<ChannelPublishRequest, SendResult>
{
    public const string NoAnswerMessage =
        "上次发送后未得到微博的答复，无法确定是否已发出。请登录微博核实后在系统中登记结果：未发出的才可重试，已发出的请填写微博 ID 以便撤回。";

    public override async Task<SendResult> RunAsync(TaskActivityContext context, ChannelPublishRequest request)
    {
        var record = await publications.GetOrCreateAsync(request.ItemId, request.Version, request.Channel);
        if (record.Attempts != request.Attempt)
        {
            return SendResult.NothingToWrite;
        }

        if (record.State == ChannelState.Sending)
        {
            // Our own claim, found again: this step ran before and may have posted. Never send a second time.
            return new SendResult(ChannelState.Unknown, Error: NoAnswerMessage);
        }

        if (record.State != ChannelState.Pending || (await items.GetAsync(request.ItemId))?.Status.IsRetraction() == true)
        {
            return SendResult.NothingToWrite;
        }

        return await SendAsync(request);
    }

    async Task<SendResult> SendAsync(ChannelPublishRequest request)
    {
        StoredVersion? version = await integrity.LoadApprovedAsync(request);
        if (version is null)
        {
            return SendResult.Failed(ContentIntegrity.MismatchMessage);
        }

        var document = VersionDocument.FromJson(version.MetadataJson);
        string pageUrl = website.UrlOf(request.ItemId);
        string status;
        try
        {
            status = WeiboStatusComposer.Compose(document.Title, Summary(version.SanitizedHtml), pageUrl);
        }
        catch (ArgumentException e)
        {
            return SendResult.Failed(e.Message);
        }

        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            string blob = await outbox.StoreAsync(request, new
            {
                method = "POST",
                url = new Uri(settings.BaseUrl, "2/statuses/share.json").AbsoluteUri,
                form = new { access_token = "(未配置)", status, rip = settings.Rip },
            });
            return new SendResult(ChannelState.Previewed, OutboxBlob: blob);
        }

        ChannelImage? picture;
        try
        {
            picture = await FirstPictureAsync(version.SanitizedHtml);
        }
        catch (InvalidDataException e)
        {
            return SendResult.Failed($"正文第一张图片无法转换为微博接受的格式（{e.Message}），请更换图片后重新提交。");
        }

        // The claim: of all runs that get here for this attempt, exactly one moves pending → sending and sends.
        if (!(await publications.TransitionAsync(request.ItemId, request.Version, request.Channel, ChannelState.Sending, TransitionCause.Workflow,
                when: r => r.Attempts == request.Attempt)).Applied)
        {
            return SendResult.NothingToWrite;
        }

        try
        {
            var posted = await services.GetRequiredService<WeiboClient>().ShareAsync(status, picture?.Bytes, picture?.FileName);
            return new SendResult(ChannelState.Published, $"https://m.weibo.cn/status/{posted.IdStr}", WeiboId: posted.IdStr);
        }
        catch (WeiboApiException e) when (e.IsPendingReview)
        {
            return new SendResult(ChannelState.PendingReview, Error: e.UserMessage);
        }
        catch (WeiboApiException e)
        {
            return SendResult.Failed(e.UserMessage);
        }
        catch (WeiboOutcomeUnknownException e)
        {
            return new SendResult(ChannelState.Unknown, Error: e.UserMessage);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            // Never sent (the client only lets connection failures through): safe to retry later.
            return SendResult.Failed($"无法连接微博接口：{e.Message}。请稍后由管理员重试。");
        }
    }

    static string Summary(string sanitizedHtml) =>
        string.Join(" ", Content.VisibleTextExtractor.Extract(sanitizedHtml).Text.Split((char[])['\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The body's first image, when it is a stored asset, fitted under Weibo's 5 MB; read before the claim.</summary>
    async Task<ChannelImage?> FirstPictureAsync(string sanitizedHtml)
    {
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<!doctype html><html><body>" + sanitizedHtml);
        if (SubmissionAssets.AssetIdOf(document.QuerySelector("img[src]")?.GetAttribute("src")) is not { } id
            || await assets.GetRecordAsync(id, CancellationToken.None) is not { } asset)
        {
            return null;
        }

        byte[] content = await assets.GetContentAsync(asset.Sha256, CancellationToken.None);
        return ChannelImages.Fit(content, asset.Format, ChannelImages.WeiboPictureLimit, "pic");
    }
}
