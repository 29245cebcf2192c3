using System.Text;
using System.Text.Encodings.Web;

namespace Publishing.Channels.Website;

/// <summary>
/// What every page carries for inspectors and older readers: the meta tags government-site crawlers read, the
/// registration footer, and the 适老化 controls (larger text, high contrast).
/// </summary>
/// <remarks>
/// The controls start hidden and <c>site.js</c> reveals them, so without script a reader sees plain content and no
/// dead buttons; the choice is kept in localStorage and applied in the head before the body is drawn.
/// </remarks>
public static class SiteChrome
{
    public const string ScriptPath = "site.js";

    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>Values of the inspection meta tags; article fields stay null on list pages.</summary>
    public sealed record PageMeta(string ColumnName, string? ArticleTitle = null, string? PubDate = null, string? ContentSource = null);

    public static StringBuilder AppendHead(this StringBuilder html, SiteOptions site, string toRoot, PageMeta meta)
    {
        Meta(html, "SiteName", site.SiteTitle);
        Meta(html, "SiteDomain", site.BaseUrl.Host);
        Meta(html, "SiteIDCode", site.SiteIdCode);
        Meta(html, "ColumnName", meta.ColumnName);
        if (meta.ArticleTitle is not null)
        {
            Meta(html, "ArticleTitle", meta.ArticleTitle);
            Meta(html, "PubDate", meta.PubDate ?? "");
            Meta(html, "ContentSource", meta.ContentSource ?? site.Sponsor);
        }
        else
        {
            Meta(html, "ContentSource", site.Sponsor.Length > 0 ? site.Sponsor : site.SiteTitle);
        }

        return html.Append("<script src=\"").Append(toRoot).Append(ScriptPath).Append("\"></script>\n");
    }

    /// <summary>The 适老化 toolbar, placed at the top of the body.</summary>
    public static StringBuilder AppendToolbar(this StringBuilder html) =>
        html.Append("<div class=\"a11y-bar\" role=\"toolbar\" aria-label=\"无障碍浏览\" hidden>")
            .Append("<button type=\"button\" data-a11y=\"large\" aria-pressed=\"false\" aria-label=\"切换大字模式\">大字</button>")
            .Append("<button type=\"button\" data-a11y=\"contrast\" aria-pressed=\"false\" aria-label=\"切换高对比度模式\">高对比度</button>")
            .Append("</div>\n");

    public static StringBuilder AppendFooter(this StringBuilder html, SiteOptions site, string? publisher)
    {
        html.Append("<footer>\n<p>主办单位：").Append(Encoder.Encode(site.Sponsor.Length > 0 ? site.Sponsor : publisher ?? site.SiteTitle)).Append("</p>\n");
        if (site.SiteIdCode.Length > 0)
        {
            html.Append("<p>网站标识码：").Append(Encoder.Encode(site.SiteIdCode)).Append("</p>\n");
        }

        if (site.IcpNumber.Length > 0)
        {
            html.Append("<p><a href=\"https://beian.miit.gov.cn/\" rel=\"noopener\">").Append(Encoder.Encode(site.IcpNumber)).Append("</a></p>\n");
        }

        if (site.PoliceNumber.Length > 0)
        {
            html.Append("<p>").Append(Encoder.Encode(site.PoliceNumber)).Append("</p>\n");
        }

        return html.Append("</footer>\n");
    }

    static void Meta(StringBuilder html, string name, string value) =>
        html.Append("<meta name=\"").Append(name).Append("\" content=\"").Append(Encoder.Encode(value)).Append("\">\n");

    /// <summary>Applies the stored choice to the root element at once; wires and reveals the buttons once the body exists.</summary>
    public const string Script = """
        (function () {
          var root = document.documentElement, modes = ["large", "contrast"];
          function stored(mode) { try { return localStorage.getItem("a11y-" + mode) === "1"; } catch (e) { return false; } }
          function apply(mode, on) { root.classList.toggle("a11y-" + mode, on); }
          modes.forEach(function (mode) { apply(mode, stored(mode)); });
          document.addEventListener("DOMContentLoaded", function () {
            document.querySelectorAll("[data-a11y]").forEach(function (button) {
              var mode = button.getAttribute("data-a11y");
              button.setAttribute("aria-pressed", String(stored(mode)));
              button.addEventListener("click", function () {
                var on = !root.classList.contains("a11y-" + mode);
                apply(mode, on);
                button.setAttribute("aria-pressed", String(on));
                try { localStorage.setItem("a11y-" + mode, on ? "1" : "0"); } catch (e) { }
              });
            });
            document.querySelectorAll(".a11y-bar").forEach(function (bar) { bar.hidden = false; });
          });
        })();
        """;
}
