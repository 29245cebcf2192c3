using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Publishing.Storage;
using Publishing.Workflow;

namespace Publishing.Host.Durable;

/// <summary>
/// Runs the product's orchestrations durably in this process: the Azure Storage orchestration service
/// (the same backend Durable Functions uses in Azure) behind the Durable Task SDK's gRPC sidecar, with a
/// worker and a client connected to it over loopback.
/// </summary>
public static class DurableEngineExtensions
{
    public static WebApplicationBuilder AddLocalDurableEngine(this WebApplicationBuilder builder)
    {
        var options = new LocalDurableOptions
        {
            TaskHubName = builder.Configuration["TaskHubName"] ?? new LocalDurableOptions().TaskHubName,
        };
        builder.Configuration.GetSection("Publishing:Durable").Bind(options);
        int sidecarPort = options.SidecarPort != 0 ? options.SidecarPort : FreeLoopbackPort();
        options.SidecarPort = sidecarPort;
        string sidecarAddress = $"http://127.0.0.1:{sidecarPort}";

        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, sidecarPort, listen => listen.Protocols = HttpProtocols.Http2));

        builder.Services.AddGrpc();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(sp => CreateOrchestrationService(sp, options));
        builder.Services.AddSingleton<IOrchestrationService>(sp => new PortableTagsOrchestrationService(sp.GetRequiredService<AzureStorageOrchestrationService>()));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        // Registered before the worker so the task hub exists before anything polls it.
        builder.Services.AddHostedService<TaskHubCreator>();

        var channel = GrpcChannel.ForAddress(sidecarAddress);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(channel);
            worker.AddTasks(registry => registry.AddPublishingTasks());
            worker.Configure(o =>
            {
                o.Concurrency.MaximumConcurrentActivityWorkItems = options.MaxConcurrentActivities;
                o.Concurrency.MaximumConcurrentOrchestrationWorkItems = options.MaxConcurrentOrchestrations;
            });
        });
        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
        });
        return builder;
    }

    public static WebApplication MapLocalDurableEngine(this WebApplication app)
    {
        app.MapGrpcService<TaskHubGrpcServer>();
        return app;
    }

    static AzureStorageOrchestrationService CreateOrchestrationService(IServiceProvider services, LocalDurableOptions options)
    {
        var storage = services.GetRequiredService<StorageConnection>();
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHubName,
            StorageAccountClientProvider = storage.ConnectionString is not null
                ? new StorageAccountClientProvider(storage.ConnectionString)
                : new StorageAccountClientProvider(storage.BlobServiceUri!, storage.QueueServiceUri!, storage.TableServiceUri!, storage.Credential!),
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = options.QueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.QueueVisibilityTimeout,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            LoggerFactory = services.GetRequiredService<ILoggerFactory>(),
        };
        return new AzureStorageOrchestrationService(settings);
    }

    static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    sealed class TaskHubCreator(AzureStorageOrchestrationService service, LocalDurableOptions options, ILogger<TaskHubCreator> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await service.CreateIfNotExistsAsync();
            logger.LogInformation("Durable task hub {TaskHub} is ready", options.TaskHubName);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
