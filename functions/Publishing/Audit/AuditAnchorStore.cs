using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;
using Publishing.Storage;

namespace Publishing.Audit;

/// <summary>
/// Chain heads in append-only storage: one append blob per item (<c>audit-anchors/items/{id}.jsonl</c>), one JSON
/// line per anchor. In Azure the container has a version-level WORM policy that allows appends only, so nobody —
/// the app's identity included — can change or delete what was anchored.
/// </summary>
public sealed partial class AuditAnchorStore
{
    readonly BlobContainerClient _container;
    readonly CreateOnce _createContainer;

    public AuditAnchorStore(BlobServiceClient blobs, IOptions<AuditTrailOptions> options)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        _container = blobs.GetBlobContainerClient(options.Value.AnchorContainerName);
        _createContainer = new CreateOnce(ct => _container.CreateIfNotExistsAsync(cancellationToken: ct));
    }

    public async Task AppendAsync(string itemId, AuditAnchor anchor, CancellationToken cancellationToken = default)
    {
        await _createContainer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var blob = _container.GetAppendBlobClient(BlobName(itemId));
        await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        string line = JsonSerializer.Serialize(new Line(itemId, anchor.Sequence, anchor.Hash, anchor.AnchoredAt)) + "\n";
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(line));
        await blob.AppendBlockAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every anchor of the item, oldest first; empty before the first anchoring.</summary>
    public async Task<IReadOnlyList<AuditAnchor>> ReadAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await _createContainer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        BinaryData content;
        try
        {
            content = (await _container.GetBlobClient(BlobName(itemId)).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return [];
        }

        var anchors = new List<AuditAnchor>();
        foreach (string text in content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // A line naming another item (a copied blob) is no evidence for this one.
            if (Parse(text) is { } line && line.ItemId == itemId && line.Sequence > 0 && line.Hash is { Length: 64 })
            {
                anchors.Add(new AuditAnchor(line.Sequence, line.Hash, line.At));
            }
        }

        return anchors;
    }

    static Line? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<Line>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static string BlobName(string itemId) => "items/" + (SafeName().IsMatch(itemId)
        ? itemId
        : TableKeys.Hash(itemId)) + ".jsonl";

    sealed record Line(string ItemId, long Sequence, string Hash, DateTimeOffset At);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
