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

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);
builder.AddLocalEndpoints();
builder.AddLocalIdentity();
builder.Services.AddPublishingCore(builder.Configuration);
builder.Services.AddPublishingTelemetry(builder.Configuration);
builder.AddLocalDurableEngine();
builder.Services.AddHostedService<SupervisionStarter>();

var app = builder.Build();
app.UseProblemStatusPages();
app.UseAuthentication();
app.MapLocalDurableEngine();
app.MapPublishingApi();
app.MapLocalSite();
app.MapLocalSignIn();
app.MapDesk();
app.Run();
return 0;
