using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace Publishing.Storage;

/// <summary>
/// The storage account, configured the way Azure Functions configures <c>AzureWebJobsStorage</c>: either a
/// connection string (locally <c>UseDevelopmentStorage=true</c>, i.e. Azurite) or identity-based settings
/// <c>AzureWebJobsStorage__blobServiceUri</c> / <c>__queueServiceUri</c> / <c>__tableServiceUri</c> with a
/// managed identity (<c>__credential=managedidentity</c>, optional <c>__clientId</c>).
/// </summary>
public sealed class StorageConnection
{
    public const string SettingName = "AzureWebJobsStorage";

    StorageConnection(string? connectionString, Uri? blobUri, Uri? queueUri, Uri? tableUri, TokenCredential? credential)
    {
        ConnectionString = connectionString;
        BlobServiceUri = blobUri;
        QueueServiceUri = queueUri;
        TableServiceUri = tableUri;
        Credential = credential;
    }

    public string? ConnectionString { get; }
    public Uri? BlobServiceUri { get; }
    public Uri? QueueServiceUri { get; }
    public Uri? TableServiceUri { get; }
    public TokenCredential? Credential { get; }

    public static StorageConnection FromConfiguration(IConfiguration configuration)
    {
        string? connectionString = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageConnection(connectionString, null, null, null, null);
        }

        var section = configuration.GetSection(SettingName);
        Uri? blob = UriSetting(section, "blobServiceUri");
        Uri? queue = UriSetting(section, "queueServiceUri");
        Uri? table = UriSetting(section, "tableServiceUri");
        if (blob is null || queue is null || table is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {SettingName} to a connection string (locally UseDevelopmentStorage=true) " +
                $"or set {SettingName}__blobServiceUri, __queueServiceUri and __tableServiceUri for a managed identity.");
        }

        string? clientId = section["clientId"];
        TokenCredential credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrEmpty(clientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        return new StorageConnection(null, blob, queue, table, credential);
    }

    public BlobServiceClient CreateBlobServiceClient() => ConnectionString is not null
        ? new BlobServiceClient(ConnectionString)
        : new BlobServiceClient(BlobServiceUri, Credential);

    public TableServiceClient CreateTableServiceClient() => ConnectionString is not null
        ? new TableServiceClient(ConnectionString)
        : new TableServiceClient(TableServiceUri, Credential);

    static Uri? UriSetting(IConfigurationSection section, string key) =>
        Uri.TryCreate(section[key], UriKind.Absolute, out var uri) ? uri : null;
}
