using System.Text.Json.Serialization;

namespace Publishing.Channels.WeChat;

/// <summary>The JSON body of <c>draft/add</c>.</summary>
internal sealed record WeChatDraftPayload([property: JsonPropertyName("articles")] IReadOnlyList<WeChatDraftPayload.Article> Articles)
{
    internal sealed record Article(
        [property: JsonPropertyName("article_type")] string ArticleType,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("author"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Author,
        [property: JsonPropertyName("digest")] string Digest,
        [property: JsonPropertyName("content")] string Content,
        [property: JsonPropertyName("content_source_url")] string ContentSourceUrl,
        [property: JsonPropertyName("thumb_media_id")] string ThumbMediaId,
        [property: JsonPropertyName("need_open_comment")] int NeedOpenComment,
        [property: JsonPropertyName("only_fans_can_comment")] int OnlyFansCanComment)
    {
        // Comments stay closed: a government account would have to moderate them.
        public static Article From(WeChatDraftArticle draft) => new(
            "news", draft.Title, draft.Author, draft.Digest, draft.Content, draft.ContentSourceUrl, draft.ThumbMediaId, 0, 0);
    }
}
