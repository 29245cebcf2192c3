using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Publishing.Content;

/// <summary>
/// The one HTML sanitizer of the product: what it returns is exactly what a submission stores and a page shows.
/// Configured once and shared; HtmlSanitizer is thread-safe while its settings do not change.
/// </summary>
public sealed class ArticleSanitizer
{
    /// <summary>Deeper than any article (Word tables nest about 20 levels); beyond it the body is kept as plain text.</summary>
    public const int MaxNestingDepth = 256;

    /// <summary>Parser work allowed per input character (stack entries walked); real articles need 2–3.</summary>
    const int WorkPerCharacter = 16;

    static readonly string[] Tags =
    [
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span", "blockquote", "pre", "code",
        "strong", "b", "em", "i", "u", "s", "sub", "sup", "small",
        "ul", "ol", "li", "dl", "dt", "dd",
        "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
        "img", "figure", "figcaption", "a",
    ];

    static readonly string[] Attributes =
    [
        "href", "title", "target", "rel", "src", "alt", "width", "height",
        "colspan", "rowspan", "scope", "align", "valign", "style", "start", "type",
    ];

    // Layout-only properties: nothing here can load a URL or run script (no background, behavior, -moz-binding).
    static readonly string[] CssProperties =
    [
        "text-align", "text-indent", "font-weight", "font-style", "text-decoration", "line-height",
        "width", "height", "vertical-align", "border-collapse",
    ];

    static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "svg", "math", "iframe", "frame", "frameset", "object", "embed", "noscript", "noembed",
        "template", "textarea", "select", "head", "title", "xmp", "plaintext", "applet",
    };

    // The sanitizer's own parser options (scripting on), so the guarded parse tokenizes exactly as the real one.
    static readonly HtmlParserOptions ParserOptions = HtmlSanitizer.DefaultHtmlParserFactory().Options;

    readonly HtmlSanitizer _sanitizer;

    public ArticleSanitizer()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(CssProperties, StringComparer.OrdinalIgnoreCase),
            // data: images and javascript: links are the classic vectors; only web and mail links remain.
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
        })
        {
            AllowDataAttributes = false,
            // Text of unknown wrappers (e.g. Word's <font>) is kept; script/style bodies are still dropped.
            KeepChildNodes = true,
        };
        _sanitizer.RemovingTag += (_, e) =>
        {
            // Their content is code or foreign markup, not article text: drop it instead of keeping it as text.
            if (DroppedWithContent.Contains(e.Tag.LocalName))
            {
                e.Tag.TextContent = string.Empty;
            }
        };
    }

    public string Sanitize(string html) => Sanitize(html, static () => false).Html;

    /// <summary>
    /// Sanitizes <paramref name="html"/> in time linear in its length. Markup nested or tangled beyond any article,
    /// or still parsing when <paramref name="expired"/> turns true, is kept as plain text paragraphs instead.
    /// </summary>
    public SanitizedBody Sanitize(string html, Func<bool> expired)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(expired);
        var outcome = Measure(html, expired);
        return new SanitizedBody(SanitizeParsed(outcome == SanitizeOutcome.Complete ? html : PlainTextBody.From(html)), outcome);
    }

    string SanitizeParsed(string html)
    {
        var document = _sanitizer.SanitizeDom(html);
        return document.Body is { } body ? HtmlSerializer.ChildrenOf(body, _sanitizer.OutputFormatter) : "";
    }

    /// <summary>
    /// A guarded parse first: HtmlSanitizer's own parse cannot be interrupted, so the same input is parsed once with
    /// a token watch that stops it early. The second parse costs what the first did.
    /// </summary>
    static SanitizeOutcome Measure(string html, Func<bool> expired)
    {
        var guard = new HtmlNestingGuard(MaxNestingDepth, (long)WorkPerCharacter * html.Length + 100_000, expired);
        var options = ParserOptions;
        options.OnToken = guard.Observe;
        try
        {
            // The document HtmlSanitizer builds around a body fragment.
            new HtmlParser(options).ParseDocument("<!doctype html><html><body>" + html);
        }
        catch (HtmlLimitExceededException)
        {
        }

        return guard.Stop ?? SanitizeOutcome.Complete;
    }
}
