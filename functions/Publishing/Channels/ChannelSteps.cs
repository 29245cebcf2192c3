using Microsoft.DurableTask;
using Publishing.Channels.WeChat;
using Publishing.Channels.Website;
using Publishing.Channels.Weibo;
using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>Publishing one channel and the website-first fan-out, shared by the publish and retry orchestrators.</summary>
public static class ChannelSteps
{
    public const string WebsiteNotUp = "政府网站未发布成功，为避免微博、微信链接到不存在的页面，暂未发送。请先处理并重试政府网站渠道，成功后将自动发送。";

    /// <summary>
    /// The website first, so every social post links to a page that answers; then the other channels in parallel.
    /// Items without the website channel fan out at once.
    /// </summary>
    internal static async Task<List<ChannelResult>> FanOutAsync(TaskOrchestrationContext context, IReadOnlyList<ChannelPublishRequest> requests)
    {
        var results = new List<ChannelResult>();
        var social = requests.Where(r => r.Channel != Items.Channels.Website).ToList();
        if (requests.FirstOrDefault(r => r.Channel == Items.Channels.Website) is { } websiteRequest)
        {
            var website = await PublishAsync(context, websiteRequest);
            results.Add(website);
            if (!website.State.IsDone())
            {
                foreach (var request in social)
                {
                    results.Add(await context.CallActivityAsync<ChannelResult>(nameof(HoldChannelActivity),
                        new HoldChannel(request, WebsiteNotUp), DurableRetries.Storage));
                }

                return results;
            }
        }

        results.AddRange(await Task.WhenAll(social.Select(request => PublishAsync(context, request))));
        return results;
    }

    internal static ChannelPublishRequest Request(PublishInput input, string channel, int attempt) =>
        new(input.ItemId, input.Version, input.ContentHash, channel, attempt);

    /// <summary>One channel: the send step, then its result written with a durable retry; an exception is settled from the record.</summary>
    internal static async Task<ChannelResult> PublishAsync(TaskOrchestrationContext context, ChannelPublishRequest request)
    {
        try
        {
            if (request.Channel == Items.Channels.WeChat)
            {
                return await context.CallSubOrchestratorAsync<ChannelResult>(nameof(WeChatPublishOrchestrator), request,
                    new SubOrchestrationOptions { InstanceId = ItemInstances.WeChat(request.ItemId, request.Version, request.Attempt) });
            }

            SendResult sent = request.Channel switch
            {
                Items.Channels.Website => await context.CallActivityAsync<SendResult>(nameof(PublishWebsiteActivity), request, DurableRetries.Website),
                Items.Channels.Weibo => await context.CallActivityAsync<SendResult>(nameof(PublishWeiboActivity), request, DurableRetries.Never),
                _ => SendResult.Failed($"未知的发布渠道“{request.Channel}”。"),
            };
            return sent is { Written: true, To: { } written }
                ? new ChannelResult(request.Channel, written, sent.Url, sent.Error)
                : await ApplyAsync(context, request, sent, TransitionCause.Workflow, "send");
        }
        catch (TaskFailedException e)
        {
            return await context.CallActivityAsync<ChannelResult>(nameof(SettleChannelActivity),
                new SettleChannel(request, e.FailureDetails.ErrorMessage), DurableRetries.Storage);
        }
    }

    internal static Task<ChannelResult> ApplyAsync(
        TaskOrchestrationContext context, ChannelPublishRequest request, SendResult result, TransitionCause cause, string step) =>
        context.CallActivityAsync<ChannelResult>(nameof(ApplyChannelResultActivity), new ChannelOutcome(request, result, cause, step), DurableRetries.Storage);
}
