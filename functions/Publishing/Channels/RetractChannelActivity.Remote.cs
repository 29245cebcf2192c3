using Microsoft.Extensions.DependencyInjection;
using Publishing.Channels.WeChat;
using Publishing.Channels.Weibo;

namespace Publishing.Channels;

public sealed partial class RetractChannelActivity
{
    /// <summary>WeChat: <c>freepublish/delete</c> of the whole article; Weibo: <c>statuses/destroy</c>.</summary>
    async Task<ChannelResult> RetractRemoteAsync(PublicationRecord record, ChannelPublishRequest request)
    {
        try
        {
            if (request.Channel == Items.Channels.WeChat && record.ArticleId is { } articleId)
            {
                await services.GetRequiredService<WeChatClient>().DeleteArticleAsync(articleId, 0);
            }
            else if (request.Channel == Items.Channels.Weibo && long.TryParse(record.WeiboId, out long weiboId))
            {
                await services.GetRequiredService<WeiboClient>().DestroyAsync(weiboId);
            }
            else
            {
                return new ChannelResult(request.Channel, PublicationStates.Failed, null,
                    $"{ChannelNames.Display(request.Channel)}没有可撤回的平台记录（状态：{ChannelNames.DisplayState(record.State)}），请登录平台人工核实并删除。");
            }

            return new ChannelResult(request.Channel, PublicationStates.Retracted, null, null);
        }
        catch (WeChatApiException e)
        {
            return new ChannelResult(request.Channel, PublicationStates.Failed, null, e.UserMessage);
        }
        catch (WeiboApiException e)
        {
            return new ChannelResult(request.Channel, PublicationStates.Failed, null, e.UserMessage);
        }
    }
}
