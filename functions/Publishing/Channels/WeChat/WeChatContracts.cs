namespace Publishing.Channels.WeChat;

/// <summary>One article of <c>draft/add</c>; limits are WeChat's (title ≤ 32, author ≤ 16, digest ≤ 128, content &lt; 20,000 chars).</summary>
public sealed record WeChatDraftArticle(
    string Title,
    string? Author,
    string Digest,
    string Content,
    string ContentSourceUrl,
    string ThumbMediaId);

/// <summary><c>freepublish/submit</c> accepted the task (not yet published).</summary>
public sealed record WeChatSubmitResult(string PublishId, string? MsgDataId);

/// <summary><c>freepublish/get</c> or the PUBLISHJOBFINISH callback.</summary>
/// <param name="PublishStatus">0 ok, 1 publishing, 2 originality check failed, 3 failed, 4 rejected, 5 deleted, 6 banned.</param>
public sealed record WeChatPublishStatus(string PublishId, int PublishStatus, string? ArticleId, string? ArticleUrl, IReadOnlyList<int> FailedIndexes);
