using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Publishing.Channels;

/// <summary>
/// Preview mode: the exact request a channel would send is stored in Blob <c>outbox/{channel}/{item}-v{n}.json</c>
/// and nothing leaves the machine.
/// </summary>
public sealed class Outbox(BlobServiceClient blobs)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    readonly BlobContainerClient container = blobs.GetBlobContainerClient("outbox");

    public async Task<string> StoreAsync(ChannelPublishRequest request, object wouldSend, CancellationToken cancellationToken = default)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        string name = $"{request.Channel}/{request.ItemId}-v{request.Version}.json";
        await container.GetBlobClient(name).UploadAsync(
            BinaryData.FromString(JsonSerializer.Serialize(wouldSend, Json)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } },
            cancellationToken);
        return $"outbox/{name}";
    }
}
