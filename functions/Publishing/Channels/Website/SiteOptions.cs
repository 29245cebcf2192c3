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

    public int PageSize { get; set; } = 20;

    public Uri UrlOf(string path) => new(BaseUrl, path);
}
