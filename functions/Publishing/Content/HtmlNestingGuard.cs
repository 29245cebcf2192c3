using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace Publishing.Content;

/// <summary>
/// Watches the token stream of an HTML parse and stops it when the open-element stack could grow too deep, the
/// parser's work could grow faster than the input, or the time is up. A tree builder walks its stack of open
/// elements for most tags, so deeply nested input costs the square of its length (80 KB of &lt;ul&gt;&lt;li&gt;
/// took 30 s); the guard keeps that cost linear.
/// </summary>
/// <remarks>
/// The guard sees the parser's own tokens (so raw text, comments and foreign content are tokenized exactly as the
/// parser does) and keeps a stack that never holds fewer open elements than the parser's: it pops only where the
/// parser certainly pops — an end tag matching the current node, or the implied ends (&lt;p&gt; before a block,
/// &lt;li&gt; after &lt;li&gt;, &lt;/ul&gt; after an open &lt;li&gt; …) when the elements involved are on top.
/// Sloppy markup can only make it count more, never less.
/// </remarks>
sealed class HtmlNestingGuard(int maxDepth, long maxWork, Func<bool> expired)
{
    /// <summary>Tokens between two clock reads; a read is cheap, a token a few dozen nanoseconds.</summary>
    const int ClockInterval = 256;

    static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen",
        "link", "meta", "param", "source", "track", "wbr",
    };

    // Start tags that close an open <p> ("close a p element" in the tree construction rules).
    static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
        "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "hr", "li", "dd", "dt", "xmp",
    };

    static readonly HashSet<string> Headings = new(StringComparer.Ordinal) { "h1", "h2", "h3", "h4", "h5", "h6" };

    // Elements an end tag closes implicitly on its way to its own element ("generate implied end tags").
    static readonly HashSet<string> ImpliedEnd = new(StringComparer.Ordinal)
    {
        "dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc",
    };

    // End tags the parser handles by generating implied end tags and popping to their element. Others (inline and
    // formatting elements) stop at a special element or restructure the tree, so only an exact current node is popped.
    static readonly HashSet<string> ClosedThroughImplied = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "button", "center", "details", "dialog", "dir", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "listing", "main", "menu", "nav", "ol", "pre",
        "search", "section", "summary", "ul", "form", "p", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption",
    };

    static readonly HashSet<string> TableParts = new(StringComparer.Ordinal)
    {
        "td", "th", "tr", "tbody", "thead", "tfoot", "caption",
    };

    readonly List<string> _open = [];
    int _foreign;
    int _select;
    long _work;
    int _tokens;

    /// <summary>Why the parse was stopped, or null while it may go on.</summary>
    public SanitizeOutcome? Stop { get; private set; }

    public void Observe(HtmlToken token, TextRange range)
    {
        if (Stop is not null)
        {
            throw new HtmlLimitExceededException();
        }

        if (token.Type == HtmlTokenType.StartTag)
        {
            Start((HtmlTagToken)token);
        }
        else if (token.Type == HtmlTokenType.EndTag)
        {
            End(token.Name);
        }

        // What the tree builder may walk for this token: its stack of open elements.
        _work += _open.Count + 1;
        if (_open.Count > maxDepth)
        {
            Stop = SanitizeOutcome.TooDeep;
        }
        else if (_work > maxWork)
        {
            Stop = SanitizeOutcome.TooComplex;
        }
        else if (++_tokens % ClockInterval == 0 && expired())
        {
            Stop = SanitizeOutcome.TimedOut;
        }

        if (Stop is not null)
        {
            throw new HtmlLimitExceededException();
        }
    }

    void Start(HtmlTagToken tag)
    {
        string name = tag.Name;
        if (_foreign == 0 && _select == 0)
        {
            CloseImplied(name);
        }

        // A void element is never pushed in HTML; inside svg/math it is, unless written self-closing.
        if (Void.Contains(name) && (_foreign == 0 || tag.IsSelfClosing))
        {
            return;
        }

        Push(name);
    }

    void CloseImplied(string name)
    {
        if (ClosesParagraph.Contains(name) && Top == "p")
        {
            Pop();
        }

        if (Headings.Contains(name) && Top is { } top && Headings.Contains(top))
        {
            Pop();
        }

        switch (name)
        {
            case "li" when Top == "li":
            case "dd" or "dt" when Top is "dd" or "dt":
            case "option" when Top == "option":
            case "optgroup" when Top == "option":
                Pop();
                break;
            case "td" or "th" when Top is "td" or "th":
                Pop();
                break;
            case "tr":
                PopWhile(t => t is "td" or "th");
                PopWhile(t => t == "tr");
                break;
            case "tbody" or "thead" or "tfoot":
                PopWhile(t => t is "td" or "th");
                PopWhile(t => t == "tr");
                PopWhile(t => t is "tbody" or "thead" or "tfoot");
                break;
        }
    }

    void End(string name)
    {
        // The few elements the end tag closes on its way (an unclosed <li> before </ul>, a cell before </table>).
        bool tablePart = name is "table" || TableParts.Contains(name);
        bool walk = _foreign == 0 && ClosedThroughImplied.Contains(name);
        int at = _open.Count - 1;
        while (walk && at >= 0 && _open.Count - at <= 6 && _open[at] != name
            && (ImpliedEnd.Contains(_open[at]) || (tablePart && TableParts.Contains(_open[at]) && Below(_open[at], name))))
        {
            at--;
        }

        if (at >= 0 && _open[at] == name)
        {
            while (_open.Count > at)
            {
                Pop();
            }
        }
    }

    /// <summary>True when <paramref name="part"/> sits inside table part <paramref name="end"/> (a cell inside its row …).</summary>
    static bool Below(string part, string end) => end switch
    {
        "table" => true,
        "tbody" or "thead" or "tfoot" => part is "tr" or "td" or "th",
        "tr" => part is "td" or "th",
        _ => false,
    };

    string? Top => _open.Count == 0 ? null : _open[^1];

    void PopWhile(Func<string, bool> predicate)
    {
        while (Top is { } top && predicate(top))
        {
            Pop();
        }
    }

    void Push(string name)
    {
        _open.Add(name);
        if (name is "svg" or "math")
        {
            _foreign++;
        }
        else if (name == "select")
        {
            _select++;
        }
    }

    void Pop()
    {
        string name = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        if (name is "svg" or "math")
        {
            _foreign--;
        }
        else if (name == "select")
        {
            _select--;
        }
    }
}

/// <summary>Thrown from the token callback to stop a parse; never leaves <see cref="ArticleSanitizer"/>.</summary>
sealed class HtmlLimitExceededException : Exception
{
}
