namespace Publishing.Channels.Website;

/// <summary>Section <c>Publishing:Site</c>: the published government website (Blob container <c>$web</c>).</summary>
public sealed class SiteOptions
{
    public const string Section = "Publishing:Site";

    /// <summary>Public address of the site root: locally the host's <c>/site/</c>, in Azure the static website endpoint.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:7071/site/");

    public string ContainerName { get; set; } = "$web";

    public string TableName { get; set; } = "SiteEntries";

    /// <summary>Shown in every page's header, e.g. 临沂市商务局 政府信息公开.</summary>
    public string SiteTitle { get; set; } = "政府信息公开";

    /// <summary>Entries per list page: the front page shows the newest this many, each archive page one block of them.</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>Newest entries in feed.xml.</summary>
    public int FeedSize { get; set; } = 50;

    /// <summary>
    /// Article URLs per sitemap file (sitemap-1.xml …, listed by the sitemap index sitemap.xml; the protocol allows
    /// 50,000). A publish rewrites one chunk, so this bounds its cost.
    /// </summary>
    public int SitemapChunkSize { get; set; } = 500;

    /// <summary>主办单位, shown in every page's footer, e.g. 临沂市人民政府办公室.</summary>
    public string Sponsor { get; set; } = "";

    /// <summary>政府网站标识码 (10 characters, issued with the site's registration): meta tag <c>SiteIDCode</c> and footer.</summary>
    public string SiteIdCode { get; set; } = "";

    /// <summary>ICP 备案号, e.g. 鲁ICP备05001234号; footer, linked to the MIIT registry.</summary>
    public string IcpNumber { get; set; } = "";

    /// <summary>公安机关备案号, e.g. 鲁公网安备 37130202000001号; footer.</summary>
    public string PoliceNumber { get; set; } = "";

    public Uri UrlOf(string path) => new(BaseUrl, path);
}
