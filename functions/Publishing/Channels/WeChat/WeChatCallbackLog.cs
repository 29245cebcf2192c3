using Microsoft.Extensions.Logging;

namespace Publishing.Channels.WeChat;

static partial class WeChatCallbackLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "WeChat callback refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "WeChat callback replayed (timestamp {Timestamp}); refused")]
    public static partial void Replayed(ILogger logger, string timestamp);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "WeChat callback for publish {PublishId} names an article URL outside mp.weixin.qq.com; ignored")]
    public static partial void ForeignArticleUrl(ILogger logger, string publishId);

    [LoggerMessage(EventId = 43, Level = LogLevel.Warning, Message = "WeChat callback for publish {PublishId} could not be confirmed with freepublish/get; left to polling")]
    public static partial void NotConfirmed(ILogger logger, Exception exception, string publishId);
}
