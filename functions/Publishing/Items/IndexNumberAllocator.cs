namespace Publishing.Items;

/// <summary>
/// Generates 索引号 <c>{orgCode}/{category code}/{year}-{7-digit sequence}</c>, e.g. 1123045263/swj/2023-0000044.
/// The sequence is unique and gap-free per org and year (optimistic concurrency on a Table counter).
/// </summary>
public sealed class IndexNumberAllocator
{
    // CONTRACT STUB — replaced by the storage work.
    public Task<string> AllocateAsync(string orgCode, string? category, int year, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
