using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Audit;

namespace Publishing.Channels.WeChat;

/// <summary>
/// <c>freepublish/submit</c>, at most once: the record is marked <c>sending</c> first, and a publish id already
/// stored means the job exists. An unknown outcome is left for a person.
/// </summary>
public sealed class WeChatSubmitActivity(
    PublicationStore publications, IOptions<WeChatOptions> options, IServiceProvider services, AuditTrail audit, TimeProvider time)
    : TaskActivity<ChannelPublishRequest, WeChatStep>
{
    public override async Task<WeChatStep> RunAsync(TaskActivityContext context, ChannelPublishRequest request)
    {
        var record = await publications.GetOrCreateAsync(request.ItemId, request.Version, request.Channel);
        var settings = options.Value;
        if (record.PublishId is not null)
        {
            await publications.IndexWeChatPublishIdAsync(record.PublishId, request.ItemId, request.Version, context.InstanceId);
            return new WeChatStep(null, record.PublishId, settings.PollAfter, settings.MaxPolls);
        }

        if (record.State is PublicationStates.Sending or PublicationStates.Unknown)
        {
            return await EndAsync(request, new ChannelResult(request.Channel, PublicationStates.Unknown, null,
                "上次提交发布后未得到微信的答复，无法确定是否已发布。请登录公众平台核实：未发布时由管理员重试，已发布则无需处理。"));
        }

        await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, r => r.State = PublicationStates.Sending);
        try
        {
            var submitted = await services.GetRequiredService<WeChatClient>().SubmitPublishAsync(record.DraftMediaId!);
            await publications.IndexWeChatPublishIdAsync(submitted.PublishId, request.ItemId, request.Version, context.InstanceId);
            await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, r =>
            {
                r.PublishId = submitted.PublishId;
                r.State = PublicationStates.Pending;
            });
            await ChannelAudit.AppendAsync(audit, time, request, new ChannelResult(request.Channel, "submitted", null, null), "submit");
            return new WeChatStep(null, submitted.PublishId, settings.PollAfter, settings.MaxPolls);
        }
        catch (WeChatApiException e)
        {
            return await EndAsync(request, new ChannelResult(request.Channel, PublicationStates.Failed, null, e.UserMessage));
        }
        catch (WeChatOutcomeUnknownException e)
        {
            return await EndAsync(request, new ChannelResult(request.Channel, PublicationStates.Unknown, null, e.UserMessage));
        }
        catch (Exception e) when (e is HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            return await EndAsync(request, new ChannelResult(request.Channel, PublicationStates.Failed, null,
                $"无法连接微信接口，未提交发布：{e.Message}。请稍后由管理员重试。"));
        }
    }

    async Task<WeChatStep> EndAsync(ChannelPublishRequest request, ChannelResult result)
    {
        await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, r =>
        {
            r.State = result.State;
            r.LastError = result.Error;
        });
        await ChannelAudit.AppendAsync(audit, time, request, result, "submit");
        return new WeChatStep(result);
    }
}
