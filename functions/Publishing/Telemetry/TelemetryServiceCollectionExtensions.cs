using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Publishing.Telemetry;

/// <summary>
/// Traces, metrics and logs for both hosts, configured here once: HTTP (ASP.NET Core in and HttpClient out), the
/// Durable Task SDK's orchestration spans, and the product's own spans and counters. Exported with OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>
/// is set (in Azure, signed in with the app's managed identity: the infra turns local auth off).
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string ManagedIdentitySetting = "AZURE_CLIENT_ID";
    public const string ServiceName = "publishing";

    /// <summary>The Durable Task SDK's activity source (orchestration, activity and timer spans).</summary>
    public const string DurableTaskSource = "Microsoft.DurableTask";

    public static IServiceCollection AddPublishingTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(PublishingTelemetry.Name, DurableTaskSource)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(PublishingTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging(logging => { }, options => options.IncludeScopes = true);

        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]))
        {
            telemetry.UseOtlpExporter();
        }

        if (configuration[AzureMonitorSetting] is { Length: > 0 } connectionString)
        {
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                options.Credential = AzureMonitorCredential(configuration);
            });
        }

        return services;
    }

    /// <summary>The user-assigned identity the infra gives the app (<c>AZURE_CLIENT_ID</c>); locally whatever signs in.</summary>
    static TokenCredential AzureMonitorCredential(IConfiguration configuration) =>
        configuration[ManagedIdentitySetting] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}
