using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Audit;
using Publishing.Channels.Website;
using Publishing.Items;

namespace Publishing.Channels.Weibo;

/// <summary>
/// Shares the item's website page on Weibo. At most once: the record is marked <c>sending</c> before the request,
/// so a crash or timeout after sending leaves <c>unknown</c> for a person, never a second post.
/// </summary>
public sealed class PublishWeiboActivity(
    PublicationStore publications, ContentIntegrity integrity, WebsitePublisher website, Outbox outbox,
    IOptions<WeiboOptions> options, IServiceProvider services, AuditTrail audit, TimeProvider time)
    : TaskActivity<ChannelPublishRequest, ChannelResult>
{
    public override async Task<ChannelResult> RunAsync(TaskActivityContext context, ChannelPublishRequest request)
    {
        var record = await publications.GetOrCreateAsync(request.ItemId, request.Version, request.Channel);
        if (Finished(record) is { } finished)
        {
            return finished;
        }

        var result = await SendAsync(request);
        await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, r =>
        {
            r.State = result.State;
            r.Url = result.Url ?? r.Url;
            r.LastError = result.Error;
        });
        await ChannelAudit.AppendAsync(audit, time, request, result, $"attempt{record.Attempts + 1}");
        return result;
    }

    static ChannelResult? Finished(PublicationRecord record) => record.State switch
    {
        PublicationStates.Published or PublicationStates.PendingReview or PublicationStates.Previewed =>
            new ChannelResult(record.Channel, record.State, record.Url, record.LastError),
        PublicationStates.Sending or PublicationStates.Unknown =>
            new ChannelResult(record.Channel, PublicationStates.Unknown, null,
                "上次发送后未得到微博的答复，无法确定是否已发出。请登录微博核实：未发出时再由管理员重试，已发出则无需处理。"),
        _ => null,
    };

    async Task<ChannelResult> SendAsync(ChannelPublishRequest request)
    {
        StoredVersion? version = await integrity.LoadApprovedAsync(request);
        if (version is null)
        {
            return new ChannelResult(request.Channel, PublicationStates.Failed, null, ContentIntegrity.MismatchMessage);
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
            return new ChannelResult(request.Channel, PublicationStates.Failed, null, e.Message);
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
            await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, r => r.OutboxBlob = blob);
            return new ChannelResult(request.Channel, PublicationStates.Previewed, null, null);
        }

        await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, r =>
        {
            r.State = PublicationStates.Sending;
            r.Attempts++;
        });
        try
        {
            var posted = await services.GetRequiredService<WeiboClient>().ShareAsync(status, null, null);
            await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, r => r.WeiboId = posted.IdStr);
            return new ChannelResult(request.Channel, PublicationStates.Published, $"https://m.weibo.cn/status/{posted.IdStr}", null);
        }
        catch (WeiboApiException e) when (e.IsPendingReview)
        {
            return new ChannelResult(request.Channel, PublicationStates.PendingReview, null, e.UserMessage);
        }
        catch (WeiboApiException e)
        {
            return new ChannelResult(request.Channel, PublicationStates.Failed, null, e.UserMessage);
        }
        catch (WeiboOutcomeUnknownException e)
        {
            return new ChannelResult(request.Channel, PublicationStates.Unknown, null, e.UserMessage);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            // Never sent (the client only lets connection failures through): safe to retry later.
            return new ChannelResult(request.Channel, PublicationStates.Failed, null, $"无法连接微博接口：{e.Message}。请稍后由管理员重试。");
        }
    }

    static string Summary(string sanitizedHtml) =>
        string.Join(" ", Content.VisibleTextExtractor.Extract(sanitizedHtml).Text.Split((char[])['\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
