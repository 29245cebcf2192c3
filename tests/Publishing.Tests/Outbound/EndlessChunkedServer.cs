using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Publishing.Tests.Outbound;

/// <summary>
/// A loopback socket server answering every connection with a chunked body that never ends, which WireMock cannot
/// do: proves the fetcher stops at its cap instead of buffering whatever a server sends.
/// </summary>
internal sealed class EndlessChunkedServer : IDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource _stop = new();
    long _sent;

    public EndlessChunkedServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public long BytesSent => Interlocked.Read(ref _sent);

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            // The request fits in one read; its content does not matter.
            byte[] request = new byte[8192];
            _ = await stream.ReadAsync(request, _stop.Token);
            byte[] chunk = new byte[64 * 1024];
            chunk[0] = 0xFF; chunk[1] = 0xD8; chunk[2] = 0xFF;
            byte[] header = Encoding.ASCII.GetBytes($"{chunk.Length:X}\r\n");
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nTransfer-Encoding: chunked\r\n\r\n"), _stop.Token);
                while (!_stop.IsCancellationRequested)
                {
                    await stream.WriteAsync(header, _stop.Token);
                    await stream.WriteAsync(chunk, _stop.Token);
                    await stream.WriteAsync("\r\n"u8.ToArray(), _stop.Token);
                    Interlocked.Add(ref _sent, chunk.Length);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // The client hung up: that is the point.
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
