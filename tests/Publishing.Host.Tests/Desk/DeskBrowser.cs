using Microsoft.Playwright;

namespace Publishing.Host.Tests.Desk;

/// <summary>
/// Debian's Chromium driven by Playwright (which cannot download its own browsers here). One browser per test class;
/// every person is a separate browser context, so three reviewers are three independent sessions.
/// </summary>
public sealed class DeskBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    static int signInShot;
    IPlaywright? playwright;
    IBrowser? browser;

    /// <summary>Screenshots of every page the tests visit, under the test output (bin/…/desk-screenshots).</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "desk-screenshots")).FullName;

    public async Task<IBrowser> BrowserAsync()
    {
        if (browser is not null)
        {
            return browser;
        }

        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: ./test.sh installs it (apt-get install chromium).");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return browser;
    }

    /// <summary>A new session signed in as <paramref name="user"/> through the local sign-in page, like a person would.</summary>
    public async Task<IPage> SignInAsync(Uri host, string user, bool phone = false, string startPath = "/desk/")
    {
        var context = await (await BrowserAsync()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.ToString(),
            ViewportSize = phone ? Phone : Desktop,
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = 1,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        // Generous for a 2-core machine shared with other builds; every wait below is for a condition, not a sleep.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(startPath);
        // Not signed in: the desk sends the person to the sign-in page, which returns them here afterwards.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/desk/signin\\?return="));
        var button = page.Locator($"button[name=user][value={user}]");
        await Assertions.Expect(button).ToBeVisibleAsync();
        if (Interlocked.Exchange(ref signInShot, 1) == 0)
        {
            await ScreenshotAsync(page, "00-signin");
        }

        await button.ClickAsync();
        await Assertions.Expect(page.Locator(".whoami")).ToBeVisibleAsync();
        // The token came in the fragment and is gone from the address bar (and so from history) once the desk runs.
        Assert.DoesNotContain("token=", page.Url);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = fullPage });

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
