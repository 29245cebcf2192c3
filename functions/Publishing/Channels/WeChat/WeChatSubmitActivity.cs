using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Channels.WeChat;

/// <summary>
/// <c>freepublish/submit</c>, at most once: the record is claimed <c>pending → sending</c> first; a stored publish id
/// means the job exists and is awaited again; a claim without one found again means the outcome is unknown.
/// The accepted publish id is returned and stored by <see cref="WeChatRecordSubmissionActivity"/>.
/// </summary>
public sealed class WeChatSubmitActivity(
    PublicationStore publications, ItemReadModel items, IOptions<WeChatOptions> options, IServiceProvider services)
    : TaskActivity<ChannelPublishRequest, WeChatStep>
{
    public const string NoAnswerMessage =
        "上次提交发布后未得到微信的答复，无法确定是否已发布。请登录公众平台“发表记录”核实后在系统中登记结果：未发布的才可重试，已发布的请填写文章 ID 以便撤回。";

    public override async Task<WeChatStep> RunAsync(TaskActivityContext context, ChannelPublishRequest request)
    {
        var record = await publications.GetOrCreateAsync(request.ItemId, request.Version, request.Channel);
        var settings = options.Value;
        if (record.Attempts != request.Attempt)
        {
            return new WeChatStep(SendResult.NothingToWrite);
        }

        if (record.State == ChannelState.Sending)
        {
            return record.PublishId is { } publishId
                ? new WeChatStep(null, publishId, settings.PollAfter, settings.MaxPolls)
                : new WeChatStep(new SendResult(ChannelState.Unknown, Error: NoAnswerMessage));
        }

        if (record.State != ChannelState.Pending || record.DraftMediaId is null
            || (await items.GetAsync(request.ItemId))?.Status.IsRetraction() == true)
        {
            return new WeChatStep(SendResult.NothingToWrite);
        }

        if (!(await publications.TransitionAsync(request.ItemId, request.Version, request.Channel, ChannelState.Sending, TransitionCause.Workflow,
                when: r => r.Attempts == request.Attempt)).Applied)
        {
            return new WeChatStep(SendResult.NothingToWrite);
        }

        try
        {
            var submitted = await services.GetRequiredService<WeChatClient>().SubmitPublishAsync(record.DraftMediaId);
            return new WeChatStep(null, submitted.PublishId, settings.PollAfter, settings.MaxPolls);
        }
        catch (WeChatApiException e)
        {
            return new WeChatStep(SendResult.Failed(e.UserMessage));
        }
        catch (WeChatOutcomeUnknownException e)
        {
            return new WeChatStep(new SendResult(ChannelState.Unknown, Error: e.UserMessage));
        }
        catch (Exception e) when (e is HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            return new WeChatStep(SendResult.Failed($"无法连接微信接口，未提交发布：{e.Message}。请稍后由管理员重试。"));
        }
    }
}
