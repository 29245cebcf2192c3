using Publishing.Content;

namespace Publishing.Tests.Content;

public class ArticleSanitizerTests
{
    static readonly ArticleSanitizer Sanitizer = new();

    [Theory]
    // script tags
    [InlineData("<p>正文</p><script>alert(1)</script>", "alert")]
    [InlineData("<p>正文<SCRIPT SRC=//evil.example/x.js></SCRIPT></p>", "evil")]
    [InlineData("<scr<script>ipt>alert(1)</script>", "<script")]
    // event handlers
    [InlineData("<img src=\"https://a.example/x.png\" alt=\"x\" onerror=\"alert(1)\">", "onerror")]
    [InlineData("<p onclick=\"alert(1)\">点我</p>", "onclick")]
    [InlineData("<body onload=alert(1)><p>正文</p></body>", "onload")]
    // javascript: and data: URLs
    [InlineData("<a href=\"javascript:alert(1)\">链接</a>", "javascript")]
    [InlineData("<a href=\"JaVaScRiPt&#58;alert(1)\">链接</a>", "alert")]
    [InlineData("<a href=\" &#14;  javascript:alert(1)\">链接</a>", "alert")]
    [InlineData("<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\" alt=\"图\">", "data:")]
    [InlineData("<a href=\"data:text/html,<script>alert(1)</script>\">链接</a>", "data:")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">链接</a>", "vbscript")]
    // SVG
    [InlineData("<svg onload=\"alert(1)\"><circle r=\"5\"/></svg>", "svg")]
    [InlineData("<svg><script>alert(1)</script></svg>", "alert")]
    // style expressions and CSS that loads or runs code
    [InlineData("<p style=\"width: expression(alert(1))\">正文</p>", "expression")]
    [InlineData("<p style=\"background-image: url(javascript:alert(1))\">正文</p>", "javascript")]
    [InlineData("<p style=\"behavior: url(x.htc)\">正文</p>", "behavior")]
    [InlineData("<style>p{background:url(javascript:alert(1))}</style><p>正文</p>", "javascript")]
    // frames, objects, forms, meta refresh
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "iframe")]
    [InlineData("<object data=\"x.swf\"></object><embed src=\"x.swf\">", "swf")]
    [InlineData("<form action=\"https://evil.example\"><input name=\"pw\"></form>", "form")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "refresh")]
    // malformed markup
    [InlineData("<img src=x onerror=alert(1)//", "onerror")]
    [InlineData("<p><a href=\"javascript:alert(1)\"<b>粗</b></a>", "javascript")]
    [InlineData("<<img src=\"https://a.example/x.png\" alt=\"x\" onerror=alert(1)>", "onerror")]
    [InlineData("<!--<img src=x onerror=alert(1)>-->", "onerror")]
    [InlineData("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "javascript")]
    public void Sanitize_AttackVector_DoesNotSurvive(string input, string forbidden)
    {
        string output = Sanitizer.Sanitize(input);

        Assert.DoesNotContain(forbidden, output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<h2>一、总体要求</h2><p>坚持以人民为中心。</p>")]
    [InlineData("<ol><li>加强组织领导</li><li>强化督促检查</li></ol><ul><li>主动公开</li></ul>")]
    [InlineData("<table><thead><tr><th>类别</th><th>数量</th></tr></thead><tbody><tr><td colspan=\"2\">759</td></tr></tbody></table>")]
    [InlineData("<p><img src=\"https://www.linyi.gov.cn/images/zwgk.png\" alt=\"政务公开流程图\"></p>")]
    [InlineData("<p><a href=\"https://www.gov.cn/zhengce/\">中国政府网</a>，来信请寄<a href=\"mailto:zwgk@linyi.gov.cn\">zwgk@linyi.gov.cn</a></p>")]
    [InlineData("<p style=\"text-align: center\"><strong>临沂市人民政府办公室</strong></p>")]
    public void Sanitize_ArticleMarkup_SurvivesUnchanged(string html)
    {
        Assert.Equal(html, Sanitizer.Sanitize(html));
    }
}
