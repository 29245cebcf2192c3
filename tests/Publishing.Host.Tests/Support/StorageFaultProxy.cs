using System.Net;
using System.Net.Sockets;

namespace Publishing.Host.Tests.Support;

/// <summary>
/// A TCP proxy in front of one Azurite port that the test switches off: while down it refuses new connections and cuts
/// the open ones, as an unreachable storage account does. The local host's data storage points here; its task hub
/// stays on Azurite directly.
/// </summary>
public sealed class StorageFaultProxy : IAsyncDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly int upstreamPort;
    readonly CancellationTokenSource stopping = new();
    readonly List<TcpClient> open = [];
    volatile bool down;

    public StorageFaultProxy(int upstreamPort)
    {
        this.upstreamPort = upstreamPort;
        listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public bool Down
    {
        get => down;
        set
        {
            down = value;
            if (value)
            {
                lock (open)
                {
                    foreach (var client in open)
                    {
                        client.Close();
                    }

                    open.Clear();
                }
            }
        }
    }

    async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }

            if (down)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Close();
                continue;
            }

            _ = PipeAsync(client);
        }
    }

    async Task PipeAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, upstreamPort, stopping.Token);
            lock (open)
            {
                open.Add(client);
                open.Add(upstream);
            }

            using var clientStream = client.GetStream();
            using var upstreamStream = upstream.GetStream();
            await Task.WhenAny(clientStream.CopyToAsync(upstreamStream, stopping.Token), upstreamStream.CopyToAsync(clientStream, stopping.Token));
        }
        catch (Exception)
        {
            // A cut connection is what the test wants.
        }
        finally
        {
            lock (open)
            {
                open.Remove(client);
                open.Remove(upstream);
            }

            client.Dispose();
        }
    }

    /// <summary>The test Azurite's connection string with the blob and table endpoints through <paramref name="blob"/> and <paramref name="table"/>.</summary>
    public static string ConnectionStringThrough(string connectionString, StorageFaultProxy blob, StorageFaultProxy table) =>
        string.Join(';', connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part =>
            part.StartsWith("BlobEndpoint=", StringComparison.Ordinal) ? $"BlobEndpoint=http://127.0.0.1:{blob.Port}/devstoreaccount1"
            : part.StartsWith("TableEndpoint=", StringComparison.Ordinal) ? $"TableEndpoint=http://127.0.0.1:{table.Port}/devstoreaccount1"
            : part));

    public static int PortOf(string connectionString, string endpoint) =>
        new Uri(connectionString.Split(';').Single(p => p.StartsWith(endpoint + "=", StringComparison.Ordinal))[(endpoint.Length + 1)..]).Port;

    public ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        Down = true;
        return ValueTask.CompletedTask;
    }
}
