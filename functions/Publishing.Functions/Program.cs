using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Publishing;
using Publishing.Identity;
using Publishing.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddPublishingCore(builder.Configuration);
builder.Services.AddPublishingTelemetry(builder.Configuration).AddOpenTelemetry().UseFunctionsWorkerDefaults();
// In Azure, people sign in through App Service Authentication (Entra ID); the platform passes the principal.
builder.Services.AddSingleton<ICurrentUserResolver, EasyAuthUserResolver>();
builder.Build().Run();
