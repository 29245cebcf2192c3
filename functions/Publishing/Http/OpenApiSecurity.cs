using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Publishing.Http;

/// <summary>
/// Document-level facts the endpoint metadata cannot carry: the title, and that every operation needs a
/// bearer token (Entra ID access token in Azure, the local JWT elsewhere).
/// </summary>
public static class OpenApiSecurity
{
    public const string BearerScheme = "Bearer";

    public static void Configure(OpenApiOptions options)
    {
        JsonRequestBody.AddTransformer(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "政务公开 publishing and review API",
                Version = "v1",
                Description = "Every operation requires a signed-in user; errors are RFC 9457 problem details with a Chinese detail.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Azure: a Microsoft Entra ID access token for the app registration (App Service Authentication). Locally: `./run.sh token <user>`.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
            return Task.CompletedTask;
        });
    }
}
