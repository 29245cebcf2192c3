using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Publishing.Host.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Publishing.Host.Tests.Desk;

/// <summary>
/// The 审核台 in Debian's Chromium against the local host: an editor and three reviewers in separate browser sessions,
/// everything done through the pages a person uses.
/// </summary>
[Collection(DeskHostCollection.Name)]
public sealed class DeskReviewPathTests(DeskHost desk)
{
    static readonly TimeSpan Workflow = TimeSpan.FromSeconds(90);
    const string SeedTitle = "临沂市商务局2022年政务公开重点工作任务";

    static LocatorAssertionsToContainTextOptions Within(TimeSpan t) => new() { Timeout = (float)t.TotalMilliseconds };

    /// <summary>Seed 000's body: the paragraphs of the published page (its text line, split where the page broke it).</summary>
    static IReadOnlyList<string> SeedParagraphs()
    {
        string path = Path.Combine(RepositoryPaths.Root, "tests", "Publishing.Tests", "Checks", "Seeds", "000_e4c832623093eabd.txt");
        // The trailing "|" is the saved page's table border, not text.
        return File.ReadAllLines(path)[4].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "|").ToList();
    }

    /// <summary>What Word/WPS put on the clipboard: MsoNormal paragraphs with fonts, sizes and Office namespaces.</summary>
    static string AsWordClipboard(IEnumerable<string> paragraphs) =>
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\"><head>" +
        "<style>p.MsoNormal{font-family:仿宋_GB2312}</style></head><body lang=ZH-CN>" +
        string.Concat(paragraphs.Select(p =>
            $"<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>{WebUtility.HtmlEncode(p)}<o:p></o:p></span></p>")) +
        "</body></html>";

    static Task PasteAsync(IPage page, string html, string text) => page.EvaluateAsync(
        """
        ([html, text]) => {
          const data = new DataTransfer();
          data.setData('text/html', html);
          data.setData('text/plain', text);
          document.querySelector('.ql-editor').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }
        """, new[] { html, text });

    static Task<string> EditorTextAsync(IPage page) => page.Locator(".ql-editor").InnerTextAsync();

    /// <summary>Clicks 刷新 on a list page until the item's row is there, as a person waiting for the workflow would.</summary>
    static async Task<ILocator> RefreshUntilListedAsync(IPage page, string itemId)
    {
        var link = page.Locator($"a[href='/desk/items/{itemId}']").First;
        var deadline = DateTime.UtcNow + Workflow;
        while (!await link.IsVisibleAsync())
        {
            Assert.True(DateTime.UtcNow < deadline, $"item {itemId} did not appear in the list");
            await page.GetByRole(AriaRole.Button, new() { Name = "刷新" }).ClickAsync();
            await page.WaitForTimeoutAsync(500);
        }

        return link;
    }

    /// <summary>Clicks 刷新 until <paramref name="row"/> shows <paramref name="text"/> (lists load once, like a person's page).</summary>
    static async Task RefreshUntilAsync(IPage page, ILocator row, string text)
    {
        var deadline = DateTime.UtcNow + Workflow;
        while (!(await row.IsVisibleAsync() && (await row.InnerTextAsync()).Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the list never showed “{text}”");
            await page.GetByRole(AriaRole.Button, new() { Name = "刷新" }).ClickAsync();
            await page.WaitForTimeoutAsync(500);
        }
    }

    static string ItemIdOf(IPage page) => Regex.Match(page.Url, "/desk/items/([0-9a-f]{32})").Groups[1].Value;

    async Task ApproveAsync(string reviewer, string stage, string itemId, bool screenshot = false)
    {
        var page = await desk.Browser.SignInAsync(desk.Url, reviewer, startPath: "/desk/queue");
        var link = await RefreshUntilListedAsync(page, itemId);
        if (screenshot) await DeskBrowser.ScreenshotAsync(page, "03-queue");
        await link.ClickAsync();
        await Expect(page.Locator("#decision-title")).ToHaveTextAsync($"{stage}决定 · 第 1 版");
        await Expect(page.Locator("#decision")).ToContainTextAsync($"您正在对第 1 版作出{stage}决定");
        foreach (string aspect in new[] { "political", "legal", "confidentiality", "textual" })
        {
            await page.Locator($"#field-aspects input[name={aspect}]").CheckAsync();
        }

        if (screenshot) await DeskBrowser.ScreenshotAsync(page, "04-item-decision");
        await page.GetByRole(AriaRole.Button, new() { Name = $"通过{stage}" }).ClickAsync();
        await Expect(page.Locator("#decision [role=status]")).ToContainTextAsync($"已通过{stage}", Within(Workflow));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WholePath_SeedText_Checks_Submit_ThreeReviewers_PublishedOnSite()
    {
        var editor = await desk.Browser.SignInAsync(desk.Url, "editor1");
        await DeskBrowser.ScreenshotAsync(editor, "01-home-editor");
        await editor.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "写稿" }).ClickAsync();
        await editor.Locator("#field-title").FillAsync(SeedTitle);

        // Paste from Word, then type the last words through an IME composition (pinyin → 汉字), as a Chinese editor does.
        var paragraphs = SeedParagraphs();
        await editor.Locator(".ql-editor").ClickAsync();
        await PasteAsync(editor, AsWordClipboard(paragraphs), string.Join("\n", paragraphs));
        await Expect(editor.Locator(".ql-editor p")).ToHaveCountAsync(paragraphs.Count);
        await editor.Locator(".ql-editor").PressAsync("Control+End");
        var cdp = await editor.Context.NewCDPSessionAsync(editor);
        await cdp.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = "zhengwu", ["selectionStart"] = 7, ["selectionEnd"] = 7 });
        await cdp.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = "深化中台关系交流（政务公开办公室）" });
        string typed = await EditorTextAsync(editor);
        Assert.EndsWith("（政务公开办公室）", typed.TrimEnd());
        Assert.DoesNotContain("zhengwu", typed);

        await editor.Locator("#field-metadata-publisher").FillAsync("临沂市商务局");
        await editor.Locator("#field-metadata-orgCode").FillAsync("1123045263");
        await editor.Locator("#field-metadata-category").FillAsync("商务");
        await editor.GetByLabel("政务微信").CheckAsync();
        await editor.GetByLabel("政务微博").CheckAsync();

        // 预检: findings by 关 and rule; locate one in the text; apply a replacement and a whole rule.
        await editor.GetByRole(AriaRole.Button, new() { Name = "预检", Exact = true }).ClickAsync();
        await Expect(editor.Locator(".compose-side [role=status]")).ToContainTextAsync("预检完成");
        await Expect(editor.Locator(".finding-aspect", new() { HasText = "政治关" })).ToContainTextAsync("中台关系");
        await Expect(editor.Locator(".sanitize")).ToBeVisibleAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "在正文中定位：中台关系" }).ClickAsync();
        Assert.Equal("中台关系", await editor.EvaluateAsync<string>("() => document.activeElement.closest('mark')?.textContent"));
        await DeskBrowser.ScreenshotAsync(editor, "02-compose-checks");
        await editor.GetByRole(AriaRole.Button, new() { Name = "把“中台关系”改为“两岸关系”" }).ClickAsync();
        Assert.Contains("深化两岸关系交流", await EditorTextAsync(editor));

        int HalfWidth(string text) => text.Count(c => c is ',' or ':' or ';' or '?' or '(' or ')');
        int before = HalfWidth(await EditorTextAsync(editor));
        await editor.Locator(".finding-rule summary", new() { HasText = "半角标点" }).ClickAsync();
        var applyRule = editor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^全部改为建议写法") });
        int applied = int.Parse(Regex.Match(await applyRule.InnerTextAsync(), @"（(\d+) 处）").Groups[1].Value);
        await applyRule.ClickAsync();
        Assert.Equal(before - applied, HalfWidth(await EditorTextAsync(editor)));
        Assert.True(applied > 50, $"only {applied} half-width marks were offered as one rule");

        await editor.GetByRole(AriaRole.Button, new() { Name = "预检", Exact = true }).ClickAsync();
        await Expect(editor.Locator(".finding-applied")).ToHaveCountAsync(0);
        await Expect(editor.Locator(".findings")).Not.ToContainTextAsync("用语不规范，应使用“两岸关系”");
        await DeskBrowser.ScreenshotAsync(editor, "02b-compose-after-apply", fullPage: false);

        await editor.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await editor.WaitForURLAsync("**/desk/items/*");
        string id = ItemIdOf(editor);
        await Expect(editor.Locator("main [role=status]").First).ToContainTextAsync("稿件已提交");
        await Expect(editor.Locator(".item-meta")).ToContainTextAsync("审核中", Within(Workflow));

        await ApproveAsync("reviewer1", "初审", id, screenshot: true);
        await ApproveAsync("reviewer2", "复审", id);
        await ApproveAsync("reviewer3", "终审", id);

        // The editor's page follows the publication; the website link opens the published article.
        await editor.ReloadAsync();
        var website = editor.Locator("#publication [data-channel=website]");
        await Expect(website).ToContainTextAsync("已发布", Within(Workflow));
        await Expect(editor.Locator("article.article")).ToContainTextAsync("深化两岸关系交流");
        await Expect(editor.Locator("#publication [data-channel=wechat]")).ToContainTextAsync("预览模式", Within(Workflow));
        await DeskBrowser.ScreenshotAsync(editor, "05-item-published");
        string siteUrl = (await website.GetByRole(AriaRole.Link, new() { Name = "打开" }).GetAttributeAsync("href"))!;
        var site = await editor.Context.NewPageAsync();
        await site.GotoAsync(siteUrl);
        await Expect(site.Locator("body")).ToContainTextAsync(SeedTitle);
        await Expect(site.Locator("body")).ToContainTextAsync("深化两岸关系交流（政务公开办公室）");
        await DeskBrowser.ScreenshotAsync(site, "06-site-article");
        // The site's own index page (the bare /site/ address is the website branch's to fix: issue 11).
        await site.GotoAsync("/site/index.html");
        await Expect(site.GetByRole(AriaRole.Link, new() { Name = SeedTitle }).First).ToBeVisibleAsync();

        await editor.GotoAsync("/desk/mine");
        var row = editor.Locator("tr", new() { Has = editor.Locator($"a[href='/desk/items/{id}']") });
        await RefreshUntilAsync(editor, row, "已发布");
        await Expect(row).ToContainTextAsync("政府网站");
        await DeskBrowser.ScreenshotAsync(editor, "07-mine");

        var auditor = await desk.Browser.SignInAsync(desk.Url, "auditor1", startPath: $"/desk/items/{id}/audit");
        await Expect(auditor.Locator("main")).ToContainTextAsync("校验通过");
        await Expect(auditor.Locator("main")).ToContainTextAsync("终审通过");
        await DeskBrowser.ScreenshotAsync(auditor, "08-audit");
        await auditor.GotoAsync("/desk/supervision");
        await Expect(auditor.Locator("figure.chart", new() { HasText = "按发布渠道" }).Locator("svg")).ToBeVisibleAsync();
        await DeskBrowser.ScreenshotAsync(auditor, "09-supervision", fullPage: true);

        var admin = await desk.Browser.SignInAsync(desk.Url, "admin1", startPath: "/desk/publications");
        await Expect(admin.Locator($"a[href='/desk/items/{id}#publication']")).ToBeVisibleAsync();
        await DeskBrowser.ScreenshotAsync(admin, "10-publications");
        await editor.Context.CloseAsync();
        await auditor.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task Reject_WithPassageNote_EditorSeesItAndRevises_DiffShowsTheChange()
    {
        using var api = desk.As("editor1");
        string id = await api.SubmitAsync(Submissions.Policy(title: "关于做好政务公开工作的通知（批注测试）"));
        await api.WaitForStageAsync(id, "initial");

        var reviewer = await desk.Browser.SignInAsync(desk.Url, "reviewer1", startPath: $"/desk/items/{id}");
        await Expect(reviewer.Locator("#decision-title")).ToHaveTextAsync("初审决定 · 第 1 版");
        const string quote = "各科室要按照要求";
        await Expect(reviewer.Locator("article.article")).ToContainTextAsync(quote);
        Assert.True(await reviewer.EvaluateAsync<bool>(
            """
            quote => {
              const walker = document.createTreeWalker(document.querySelector('article.article'), NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(quote);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + quote.length);
                getSelection().removeAllRanges();
                getSelection().addRange(range);
                return true;
              }
              return false;
            }
            """, quote));
        await reviewer.GetByRole(AriaRole.Button, new() { Name = $"批注选中文字：“{quote[..8]}”" }).ClickAsync();
        await Expect(reviewer.Locator("#note-quote")).ToHaveValueAsync(quote);
        await reviewer.Locator("#note-aspect-textual").CheckAsync();
        await reviewer.Locator("#note-text").FillAsync("请写明按照哪项要求，例如“按照《2023年政务公开工作要点》要求”。");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "保存批注" }).ClickAsync();
        await Expect(reviewer.Locator(".notes-panel .note-quote")).ToHaveTextAsync(quote);
        await Expect(reviewer.Locator("article mark.note-mark")).ToHaveTextAsync(quote);
        await Expect(reviewer.Locator(".open-notes")).ToContainTextAsync("本版待处理批注（1 条）");
        await reviewer.Locator("#field-comment").FillAsync("第一段表述不具体，请按批注修改。");
        await reviewer.EvaluateAsync("() => window.scrollTo(0, 0)");
        await DeskBrowser.ScreenshotAsync(reviewer, "11-item-note-reviewer");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Expect(reviewer.Locator("#decision [role=status]")).ToContainTextAsync("已退回修改", Within(Workflow));

        var editor = await desk.Browser.SignInAsync(desk.Url, "editor1", startPath: "/desk/mine");
        var row = editor.Locator("tr", new() { Has = editor.Locator($"a[href='/desk/items/{id}']") });
        await RefreshUntilAsync(editor, row, "已退回修改");
        await row.GetByRole(AriaRole.Link, new() { Name = "修改" }).ClickAsync();
        var notes = editor.Locator(".revision-notes");
        await Expect(notes).ToContainTextAsync("第一段表述不具体，请按批注修改。");
        await Expect(notes.Locator(".note-quote")).ToHaveTextAsync(quote);
        await Expect(notes).ToContainTextAsync("请写明按照哪项要求");
        await notes.GetByRole(AriaRole.Button, new() { Name = "在正文中定位" }).ClickAsync();
        Assert.Equal(quote, await editor.EvaluateAsync<string>("() => getSelection().toString()"));
        await DeskBrowser.ScreenshotAsync(editor, "12-compose-revision");
        await editor.Keyboard.InsertTextAsync("各科室要严格按照《2023年政务公开工作要点》要求");
        Assert.Contains("严格按照《2023年政务公开工作要点》要求", await EditorTextAsync(editor));
        await editor.GetByRole(AriaRole.Button, new() { Name = "提交修改版本" }).ClickAsync();
        await editor.WaitForURLAsync($"**/desk/items/{id}");
        await Expect(editor.Locator("main [role=status]").First).ToContainTextAsync("第 2 版已提交");

        // 初审 again, on version 2: the diff against version 1 shows exactly the words the editor added.
        await reviewer.ReloadAsync();
        var deadline = DateTime.UtcNow + Workflow;
        while (!(await reviewer.Locator("#decision-title").IsVisibleAsync() && (await reviewer.Locator("#decision-title").InnerTextAsync()).Contains("第 2 版")))
        {
            Assert.True(DateTime.UtcNow < deadline, "version 2 never reached 初审");
            await reviewer.WaitForTimeoutAsync(500);
            await reviewer.ReloadAsync();
        }

        await reviewer.GetByRole(AriaRole.Tab, new() { Name = "与上一版比较" }).ClickAsync();
        await Expect(reviewer.Locator(".diff-summary")).ToContainTextAsync("第 1 版 → 第 2 版");
        await Expect(reviewer.Locator(".diff-body ins").First).ToContainTextAsync("严格");
        Assert.Equal("严格《2023年政务公开工作要点》", string.Concat(
            (await reviewer.Locator(".diff-body ins").AllTextContentsAsync()).Select(t => t.Replace("［新增：", "").Replace("］", ""))));
        Assert.Empty(await reviewer.Locator(".diff-body del").AllTextContentsAsync());
        await Expect(reviewer.Locator(".notes-panel details")).ToContainTextAsync("更早版本的批注（1 条）");
        await DeskBrowser.ScreenshotAsync(reviewer, "13-diff");
        await reviewer.Context.CloseAsync();
        await editor.Context.CloseAsync();
    }

    [Fact]
    public async Task ABlockFinding_DisablesApprove_SaysWhy_AndTheKeyboardReachesReturn()
    {
        using var api = desk.As("editor2");
        string id = await api.SubmitAsync(new
        {
            kind = "news",
            title = "关于开展政务公开满意度调查的通知",
            bodyHtml = "<p>请各单位于本周五前报送调查表。</p><p>联系人：王科长，联系电话13800138000。</p>",
            metadata = new { publisher = "临沂市商务局", orgCode = "1123045263", disclosureMode = "主动公开", category = "通知公告" },
            channels = new[] { "website" },
        });
        await api.WaitForStageAsync(id, "initial");

        var reviewer = await desk.Browser.SignInAsync(desk.Url, "reviewer1", startPath: $"/desk/items/{id}");
        var approve = reviewer.GetByRole(AriaRole.Button, new() { Name = "通过初审" });
        await Expect(approve).ToBeDisabledAsync();
        var reason = reviewer.Locator("#approve-blocked");
        await Expect(reason).ToContainTextAsync("阻断性问题");
        await Expect(reason).ToContainTextAsync("保密关");
        await Expect(reason).ToContainTextAsync("不能通过，只能退回修改");
        await Expect(approve).ToHaveAttributeAsync("aria-describedby", "approve-blocked");
        await Expect(reviewer.Locator("article mark.sev-block")).ToBeVisibleAsync();
        await DeskBrowser.ScreenshotAsync(reviewer, "14-block-finding");

        // Keyboard only: from the comment, Tab skips the disabled approve button and Enter returns the item.
        await reviewer.Locator("#field-comment").FocusAsync();
        await reviewer.Keyboard.InsertTextAsync("正文含个人手机号码，请删除后重新提交。");
        await reviewer.Keyboard.PressAsync("Tab");
        Assert.Equal("退回修改", await reviewer.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await reviewer.Keyboard.PressAsync("Enter");
        await Expect(reviewer.Locator("#decision [role=status]")).ToContainTextAsync("已退回修改", Within(Workflow));
        await reviewer.Context.CloseAsync();
    }

    [Fact]
    public async Task OnAPhone_TheQueueAndTheDecisionFormAreUsable()
    {
        using var api = desk.As("editor1");
        string id = await api.SubmitAsync(Submissions.Policy(title: "关于进一步做好政务公开工作的通知（手机审核）"));
        await api.WaitForStageAsync(id, "initial");

        var phone = await desk.Browser.SignInAsync(desk.Url, "reviewer1", phone: true, startPath: "/desk/queue");
        var link = await RefreshUntilListedAsync(phone, id);
        await phone.GetByRole(AriaRole.Button, new() { Name = "大字号（适老化）" }).ClickAsync();
        await Expect(phone.Locator("html")).ToHaveClassAsync(new Regex("large-text"));
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the queue scrolls sideways on a phone");
        var card = phone.Locator("tr", new() { Has = link });
        Assert.True((await card.BoundingBoxAsync())!.Width <= DeskBrowser.Phone.Width, "a queue row is wider than the phone");
        await Expect(card).ToContainTextAsync("个工作日");
        await DeskBrowser.ScreenshotAsync(phone, "15-phone-queue");

        await link.TapAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "跳到审核决定" }).TapAsync();
        await Expect(phone.Locator("#decision-title")).ToBeInViewportAsync();
        foreach (string aspect in new[] { "political", "legal", "confidentiality", "textual" })
        {
            await phone.Locator($"#field-aspects input[name={aspect}]").TapAsync();
        }

        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the item page scrolls sideways on a phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "通过初审" }).ScrollIntoViewIfNeededAsync();
        await DeskBrowser.ScreenshotAsync(phone, "16-phone-decision");
        await phone.GetByRole(AriaRole.Button, new() { Name = "通过初审" }).TapAsync();
        await Expect(phone.Locator("#decision [role=status]")).ToContainTextAsync("已通过初审", Within(Workflow));
        await api.WaitForStageAsync(id, "second");
        await phone.Context.CloseAsync();
    }
}
