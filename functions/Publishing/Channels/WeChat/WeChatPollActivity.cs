using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Publishing.Channels.WeChat;

/// <summary>The fallback when the callback does not come: one <c>freepublish/get</c> (their daily quota is small).</summary>
public sealed class WeChatPollActivity(IServiceProvider services) : TaskActivity<WeChatPollRequest, WeChatPublishStatus?>
{
    public override async Task<WeChatPublishStatus?> RunAsync(TaskActivityContext context, WeChatPollRequest input)
    {
        try
        {
            return await services.GetRequiredService<WeChatClient>().GetPublishStatusAsync(input.PublishId);
        }
        catch (WeChatApiException)
        {
            // The callback may still arrive; the orchestration decides when to stop waiting.
            return null;
        }
    }
}
