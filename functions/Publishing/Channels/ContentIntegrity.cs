using Publishing.Items;

namespace Publishing.Channels;

/// <summary>What is sent must be exactly the version 终审 approved: its content hash is checked before every send.</summary>
public sealed class ContentIntegrity(ContentStore content)
{
    public const string MismatchMessage = "待发布内容与终审通过版本的哈希值不一致，已停止发布。请管理员核查内容存储是否被改动。";

    /// <returns>The approved version, or null when the stored content no longer matches the recorded hash.</returns>
    public async Task<StoredVersion?> LoadApprovedAsync(ChannelPublishRequest request, CancellationToken cancellationToken = default)
    {
        StoredVersion? stored = await content.GetVersionAsync(request.ItemId, request.Version, cancellationToken);
        return stored is not null && string.Equals(stored.ContentHash, request.ContentHash, StringComparison.Ordinal) ? stored : null;
    }
}
