using System.Text.Json;

namespace Publishing.Channels.WeChat;

/// <summary>Reads the <c>freepublish/get</c> answer.</summary>
internal static class WeChatPublishStatusReader
{
    public static WeChatPublishStatus FromJson(JsonElement root, string requestedPublishId)
    {
        int status = root.TryGetProperty("publish_status", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out int value)
            ? value
            : throw new InvalidDataException("WeChat freepublish/get response has no publish_status.");

        string? articleUrl = null;
        if (root.TryGetProperty("article_detail", out var detail)
            && detail.ValueKind == JsonValueKind.Object
            && detail.TryGetProperty("item", out var items)
            && items.ValueKind == JsonValueKind.Array)
        {
            // Drafts here hold one article; take idx 1, or the first item if idx is missing.
            foreach (var item in items.EnumerateArray())
            {
                string? url = item.TryGetProperty("article_url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                bool first = !item.TryGetProperty("idx", out var idx) || (idx.ValueKind == JsonValueKind.Number && idx.TryGetInt32(out int i) && i == 1);
                if (url is not null && (first || articleUrl is null))
                {
                    articleUrl = url;
                }
            }
        }

        var failed = new List<int>();
        if (root.TryGetProperty("fail_idx", out var fails) && fails.ValueKind == JsonValueKind.Array)
        {
            foreach (var f in fails.EnumerateArray())
            {
                if (f.ValueKind == JsonValueKind.Number && f.TryGetInt32(out int index))
                {
                    failed.Add(index);
                }
            }
        }

        return new WeChatPublishStatus(
            WeChatJson.IdString(root, "publish_id") ?? requestedPublishId,
            status,
            WeChatJson.IdString(root, "article_id") is { Length: > 0 } articleId ? articleId : null,
            articleUrl,
            failed);
    }
}
