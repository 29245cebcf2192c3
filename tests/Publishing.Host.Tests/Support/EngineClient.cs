using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Publishing.Host.Tests.Support;

/// <summary>A Durable Task client talking to a running local host's sidecar, to read orchestration state directly.</summary>
static class EngineClient
{
    public static async Task<OrchestrationMetadata?> GetInstanceAsync(LocalHostProcess host, string instanceId)
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{host.SidecarPort}");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDurableTaskClient(builder =>
        {
            builder.UseGrpc(channel);
            builder.RegisterDirectly();
        });
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<DurableTaskClient>().GetInstanceAsync(instanceId, getInputsAndOutputs: true);
    }
}
