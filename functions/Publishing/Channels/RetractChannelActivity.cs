using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Channels.WeChat;
using Publishing.Channels.Website;
using Publishing.Channels.Weibo;
using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>
/// Takes one claimed channel down and says whether that is confirmed: website page and site entry removed; WeChat
/// article deleted (a job that ended is looked up first); Weibo post destroyed. A refused or unconfirmable takedown
/// is <c>retractFailed</c> with the platform's reason in Chinese. The result is written by
/// <see cref="ApplyChannelResultActivity"/>.
/// </summary>
public sealed class RetractChannelActivity(PublicationStore publications, WebsitePublisher website, IServiceProvider services)
    : TaskActivity<RetractChannel, SendResult>
{
    public const string NothingToReachMessage =
        "无法确定平台上是否有此稿件（结果未知，且没有平台 ID）。请登录平台核实并手工删除，然后在系统中登记为“未发出”。";

    public override async Task<SendResult> RunAsync(TaskActivityContext context, RetractChannel input)
    {
        var request = input.Request;
        var record = await publications.GetOrCreateAsync(request.ItemId, request.Version, request.Channel);
        if (record.State != ChannelState.Retracting || record.RetractRound != input.Round)
        {
            return SendResult.NothingToWrite;
        }

        if (request.Channel == Items.Channels.Website)
        {
            // Whatever the record says: a page or site entry may exist (e.g. written before a failed index update).
            await website.UnpublishAsync(request.ItemId);
            return Down();
        }

        try
        {
            return request.Channel switch
            {
                Items.Channels.WeChat => await RetractWeChatAsync(record),
                Items.Channels.Weibo => await RetractWeiboAsync(record),
                _ => Down(),
            };
        }
        catch (WeChatApiException e)
        {
            return Refused($"微信拒绝删除：{e.UserMessage}。");
        }
        catch (WeiboApiException e)
        {
            return Refused($"微博拒绝删除：{e.UserMessage}。");
        }
        catch (Exception e) when (e is WeChatOutcomeUnknownException or WeiboOutcomeUnknownException)
        {
            return Refused("删除请求已发出但未收到平台答复，无法确认是否已删除。请登录平台核实：已删除的登记为“未发出”，否则再次撤回。");
        }
        catch (Exception e) when (e is HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            return Refused($"无法连接{ChannelDisplay.Name(request.Channel)}接口（{e.Message}），未能删除。请稍后再次撤回。");
        }
    }

    async Task<SendResult> RetractWeChatAsync(PublicationRecord record)
    {
        var client = services.GetRequiredService<WeChatClient>();
        string? articleId = record.ArticleId;
        if (articleId is null && record.PublishId is { } publishId)
        {
            var status = await client.GetPublishStatusAsync(publishId);
            if (status.PublishStatus == 1)
            {
                return Refused(RetractOrchestrator.StillInFlightMessage);
            }

            articleId = status.PublishStatus == 0 ? status.ArticleId : null;
            if (articleId is null)
            {
                // The job ended without an article (failed, rejected, deleted): nothing is public.
                return Down();
            }
        }

        if (articleId is null)
        {
            return NothingKnown(record);
        }

        await client.DeleteArticleAsync(articleId, 0);
        return new SendResult(ChannelState.Retracted, ArticleId: articleId);
    }

    async Task<SendResult> RetractWeiboAsync(PublicationRecord record)
    {
        if (!long.TryParse(record.WeiboId, out long weiboId))
        {
            return NothingKnown(record);
        }

        await services.GetRequiredService<WeiboClient>().DestroyAsync(weiboId);
        return Down();
    }

    /// <summary>No remote id: down only if the channel never had an outcome that might be public.</summary>
    static SendResult NothingKnown(PublicationRecord record) =>
        record.RetractedFrom is ChannelState.Pending or ChannelState.Failed or ChannelState.Previewed
            ? Down()
            : Refused(NothingToReachMessage);

    static SendResult Down() => new(ChannelState.Retracted);

    static SendResult Refused(string error) => new(ChannelState.RetractFailed, Error: error);
}
