using System.Net;
using Publishing.Host.Tests.Support;
using Xunit.Abstractions;

namespace Publishing.Host.Tests.Hosting;

/// <summary>Ctrl+C (SIGTERM) stops the local host promptly, also while the engine holds its gRPC streams and leases.</summary>
public sealed class ShutdownTests(ITestOutputHelper output)
{
    // A hang detector, not the target: the target is 5 s (HostOptions.ShutdownTimeout in the local host is below it);
    // the measured figure is written to the test output.
    static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SigTerm_AfterWork_TheProcessExitsCleanlyWithinTheHangLimit()
    {
        await using var host = new LocalHostProcess();
        await host.StartAsync();
        using (var editor = new ApiClient(host.BaseAddress, "editor1"))
        {
            var submitted = await editor.PostJsonAsync("api/items", Submissions.Policy(title: "临沂市商务局关于停机测试的通知"));
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        }

        TimeSpan elapsed = await host.TerminateAsync(HangLimit);

        output.WriteLine($"Exit {elapsed.TotalSeconds:0.00} s after SIGTERM");
        Assert.Contains("Application is shutting down", host.Output);
    }
}
