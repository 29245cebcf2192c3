using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Publishing.Channels.WeChat;

/// <summary>
/// Reads the XML WeChat pushes to the server URL. The body comes from the internet, so DTDs are refused and no
/// resolver is set: an external entity (XXE) could otherwise read local files or call internal hosts, and
/// nested entities could exhaust memory.
/// </summary>
public static class WeChatCallbackParser
{
    public const string PublishJobFinishEvent = "PUBLISHJOBFINISH";

    /// <summary>Max size of a callback body; a publish result is well under 4 KB.</summary>
    const int MaxCharacters = 64 * 1024;

    static readonly XmlReaderSettings SafeSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The only host WeChat article links live on.</summary>
    public const string ArticleHost = "mp.weixin.qq.com";

    /// <summary>True when <paramref name="xml"/> is a well-formed PUBLISHJOBFINISH event; false for anything else, including DTDs.</summary>
    public static bool TryParsePublishJobFinish(string? xml, out WeChatPublishStatus status)
    {
        status = null!;
        if (TryLoad(xml) is not { } root
            || root.Name.LocalName != "xml"
            || (string?)root.Element("MsgType") != "event"
            || !string.Equals((string?)root.Element("Event"), PublishJobFinishEvent, StringComparison.OrdinalIgnoreCase)
            || root.Element("PublishEventInfo") is not { } info
            || ((string?)info.Element("publish_id"))?.Trim() is not { Length: > 0 } publishId
            || !int.TryParse((string?)info.Element("publish_status"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int publishStatus))
        {
            return false;
        }

        string? articleId = ((string?)info.Element("article_id"))?.Trim() is { Length: > 0 } id ? id : null;
        var items = info.Element("article_detail")?.Elements("item") ?? [];
        string? articleUrl = items
            .OrderBy(item => int.TryParse((string?)item.Element("idx"), CultureInfo.InvariantCulture, out int idx) ? idx : int.MaxValue)
            .Select(item => ((string?)item.Element("article_url"))?.Trim())
            .FirstOrDefault(url => !string.IsNullOrEmpty(url));

        var failed = info.Elements("fail_idx")
            .SelectMany(e => e.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out int n) ? n : -1)
            .Where(n => n >= 0)
            .ToList();

        status = new WeChatPublishStatus(publishId, publishStatus, articleId, articleUrl, failed);
        return true;
    }

    /// <summary>The Base64 <c>Encrypt</c> element of a safe-mode (消息加解密) body.</summary>
    public static bool TryReadEncrypted(string? xml, out string encrypted)
    {
        encrypted = TryLoad(xml) is { Name.LocalName: "xml" } root && ((string?)root.Element("Encrypt"))?.Trim() is { Length: > 0 } value
            ? value
            : "";
        return encrypted.Length > 0;
    }

    /// <summary>
    /// An article link WeChat itself issues: http(s) on <see cref="ArticleHost"/>, default port, no credentials. Anything
    /// else in a callback is forged or broken and must never be shown as the published article.
    /// </summary>
    public static bool IsOfficialArticleUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.IsDefaultPort
        && string.IsNullOrEmpty(uri.UserInfo)
        && string.Equals(uri.IdnHost, ArticleHost, StringComparison.OrdinalIgnoreCase);

    static XElement? TryLoad(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml) || xml.Length > MaxCharacters)
        {
            return null;
        }

        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), SafeSettings);
            return XElement.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
