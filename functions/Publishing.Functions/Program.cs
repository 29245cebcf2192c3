using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Publishing;
using Publishing.Identity;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddPublishingCore(builder.Configuration);
// In Azure, people sign in through App Service Authentication (Entra ID); the platform passes the principal.
builder.Services.AddSingleton<ICurrentUserResolver, EasyAuthUserResolver>();
builder.Build().Run();
