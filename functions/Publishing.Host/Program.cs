using Publishing;
using Publishing.Desk;
using Publishing.Host;
using Publishing.Host.Durable;
using Publishing.Host.Identity;
using Publishing.Http;
using Publishing.Telemetry;

if (args is ["token", ..])
{
    return LocalTokenCommand.Run(args);
}

try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);
    builder.AddLocalEndpoints();
    builder.AddLocalIdentity();
    builder.Services.AddPublishingCore(builder.Configuration);
    builder.Services.AddPublishingTelemetry(builder.Configuration);
    builder.AddLocalDurableEngine();
    builder.Services.AddHostedService<SupervisionStarter>();
    builder.Services.AddHostedService<Publishing.Audit.AuditAnchorService>();
    builder.Services.AddStartupGate();

    var app = builder.Build();
    app.UseLocalEndpoints();
    app.UseProblemStatusPages();
    app.UseAuthentication();
    app.MapLocalDurableEngine();
    app.MapPublishingApi();
    app.MapLocalSite();
    app.MapLocalSignIn();
    app.MapDesk();
    await app.RunOnSafeAddressesAsync();
    return 0;
}
catch (UnsafeBindingException refused)
{
    Console.Error.WriteLine(refused.Message);
    return 3;
}
