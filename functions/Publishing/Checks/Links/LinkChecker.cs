using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;
using Publishing.Outbound;

namespace Publishing.Checks.Links;

/// <summary>
/// Checks every <c>&lt;a href&gt;</c> of a body through the guarded fetcher: a dead link (4xx, 5xx, timeout, no
/// answer) and a link to a non-government domain (not <c>*.gov.cn</c>, not allow-listed) are warnings, since
/// 政府网站 inspections count both against the site.
/// </summary>
public sealed class LinkChecker(GuardedFetcher fetcher, IOptions<LinkCheckOptions> options)
{
    public const string DeadRule = "link.dead";
    public const string ForeignRule = "link.foreign-domain";

    public static bool IsLinkFinding(Finding finding) => finding.RuleId is DeadRule or ForeignRule;

    // Enough to see the server answer; a large page that answers 2xx is alive (TooLarge counts as alive).
    const long ProbeBytes = 64 * 1024;

    readonly LinkCheckOptions settings = options.Value;

    /// <summary>The absolute http(s) links of the body, in order, each once.</summary>
    public static IReadOnlyList<Uri> LinksOf(string sanitizedHtml)
    {
        using var document = new HtmlParser().ParseDocument(sanitizedHtml);
        return document.QuerySelectorAll("a[href]")
            .Select(a => Uri.TryCreate(a.GetAttribute("href")!.Trim(), UriKind.Absolute, out var uri) ? uri : null)
            .Where(u => u is not null && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
            .Select(u => u!)
            .DistinctBy(u => u.AbsoluteUri)
            .ToList();
    }

    public async Task<IReadOnlyList<Finding>> CheckAsync(string sanitizedHtml, CancellationToken cancellationToken = default)
    {
        var links = LinksOf(sanitizedHtml);
        var findings = new List<Finding>();
        foreach (var domain in links.Select(l => l.IdnHost.ToLowerInvariant()).Distinct().Where(d => !IsGovernment(d)))
        {
            string first = links.First(l => l.IdnHost.Equals(domain, StringComparison.OrdinalIgnoreCase)).AbsoluteUri;
            findings.Add(Warning(ForeignRule,
                $"正文链接指向非政府网站域名 {domain}，网站检查会将其计为不当外链：请确认该网站可信，或改为政府网站上的同一内容。", first));
        }

        var dead = new (Uri Link, string Reason)?[Math.Min(links.Count, settings.MaxLinks)];
        await Parallel.ForEachAsync(Enumerable.Range(0, dead.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism), CancellationToken = cancellationToken },
            async (index, ct) => dead[index] = await ProbeAsync(links[index], ct) is { } reason ? (links[index], reason) : null);
        foreach (var (link, reason) in dead.OfType<(Uri, string)>())
        {
            findings.Add(Warning(DeadRule, $"正文链接 {link.AbsoluteUri} 无法打开（{reason}），请更正或删除该链接。", link.AbsoluteUri));
        }

        return findings;
    }

    /// <summary>Null when the link answers; otherwise why it is dead, in Chinese.</summary>
    async Task<string?> ProbeAsync(Uri link, CancellationToken cancellationToken)
    {
        try
        {
            await fetcher.FetchAsync(link.AbsoluteUri, new FetchPolicy(new HashSet<SniffedType>(), "正文链接", ProbeBytes, settings.Timeout), cancellationToken);
            return null;
        }
        catch (OutboundFetchException e) when (e.Failure is OutboundFailure.TooLarge)
        {
            return null;
        }
        catch (OutboundFetchException e)
        {
            return e.Failure switch
            {
                OutboundFailure.HttpStatus => $"服务器返回 HTTP {e.StatusCode}",
                OutboundFailure.Timeout => $"{settings.Timeout.TotalSeconds:0} 秒内无响应",
                OutboundFailure.TooManyRedirects => "重定向次数过多",
                OutboundFailure.BlockedAddress => "指向内部网络，公众无法访问",
                OutboundFailure.InvalidUrl => "地址格式不正确",
                _ => "无法连接",
            };
        }
    }

    bool IsGovernment(string host) =>
        host == "gov.cn" || host.EndsWith(".gov.cn", StringComparison.Ordinal)
        || settings.AllowedDomains.Any(d => host == d.ToLowerInvariant() || host.EndsWith("." + d.ToLowerInvariant(), StringComparison.Ordinal));

    static Finding Warning(string rule, string message, string url)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{rule}\n{Severities.Warn}\n{message}"));
        return new Finding(Aspects.Textual, rule, Severities.Warn, message, 0, 0, url)
        {
            Id = $"{rule}#{Convert.ToHexStringLower(hash.AsSpan(0, 6))}",
            Attribute = "href",
            Occurrences = [new FindingOccurrence(0, 0, url) { Attribute = "href" }],
        };
    }
}
