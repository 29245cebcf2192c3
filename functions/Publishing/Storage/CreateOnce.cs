namespace Publishing.Storage;

/// <summary>Runs a CreateIfNotExists call once per instance; a failed attempt is retried by the next caller.</summary>
internal sealed class CreateOnce(Func<CancellationToken, Task> create)
{
    volatile bool _done;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        // Concurrent first callers may both create; CreateIfNotExists makes that harmless.
        await create(cancellationToken).ConfigureAwait(false);
        _done = true;
    }
}
