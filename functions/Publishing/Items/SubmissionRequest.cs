using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Publishing.Assets;

namespace Publishing.Items;

/// <summary>The body of <c>POST /api/items</c> and <c>PUT /api/items/{id}</c>. Unknown fields are ignored.</summary>
/// <param name="Version">PUT only, required there: the version being revised (the one returned to the editor).</param>
/// <param name="Attachments">Uploaded assets listed under the article: <c>[{assetId, title?}]</c>.</param>
public sealed record SubmissionRequest(
    string? Kind,
    [property: MaxLength(FieldLimits.Title)] string? Title,
    string? BodyHtml,
    ItemMetadata? Metadata,
    IReadOnlyList<string>? Channels,
    DateTimeOffset? PublishAt,
    string? InterpretsItemId,
    bool? RequiresInterpretation,
    int? Version = null,
    IReadOnlyList<AttachmentReference>? Attachments = null)
{
    /// <summary>The attachments as <see cref="SubmissionAssets"/> resolved them; set by the handler, never read from JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<VersionAttachment>? ResolvedAttachments { get; init; }
}

public static class Channels
{
    public const string Website = "website";
    public const string WeChat = "wechat";
    public const string Weibo = "weibo";

    public static readonly IReadOnlyList<string> All = [Website, WeChat, Weibo];
}
