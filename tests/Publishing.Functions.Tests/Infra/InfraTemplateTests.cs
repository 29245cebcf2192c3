using System.Text.Json.Nodes;
using Publishing.Identity;

namespace Publishing.Functions.Tests.Infra;

/// <summary>What a reviewer checks in infra/: it compiles cleanly, and the security posture holds.</summary>
public sealed class InfraTemplateTests(CompiledInfra infra) : IClassFixture<CompiledInfra>
{
    const string FunctionAppType = "Microsoft.Web/sites";

    [Fact]
    public void Bicep_CompilesWithoutErrorsOrWarnings()
    {
        Assert.True(infra.ExitCode == 0, $"bicep build failed ({infra.ExitCode}):\n{infra.Diagnostics}");
        var diagnostics = infra.Diagnostics.Split('\n')
            .Where(line => line.Contains("Warning", StringComparison.OrdinalIgnoreCase) || line.Contains("Error", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(diagnostics.Count == 0, "bicep diagnostics:\n" + string.Join('\n', diagnostics));
    }

    [Fact]
    public void Storage_RefusesSharedKeysAndAnonymousBlobs()
    {
        var properties = infra.Single("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
    }

    [Fact]
    public void FunctionApp_RunsOnFlexConsumptionWithTheUserAssignedIdentityOnly()
    {
        var site = infra.Single(FunctionAppType);
        var plan = infra.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        var properties = site["properties"]!;
        Assert.Equal("[parameters('identityId')]", (string?)properties["keyVaultReferenceIdentity"]);
        var deployment = properties["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!;
        Assert.Equal("UserAssignedIdentity", (string?)deployment["type"]);
        Assert.Equal("dotnet-isolated", (string?)properties["functionAppConfig"]!["runtime"]!["name"]);
    }

    [Fact]
    public void AppSettings_UseTheManagedIdentityForStorageAndNoConnectionString()
    {
        var settings = AppSettings();

        Assert.Equal("managedidentity", (string?)settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", (string?)settings["AzureWebJobsStorage__clientId"]);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.True(settings.ContainsKey($"AzureWebJobsStorage__{service}ServiceUri"), $"{service} service URI missing");
        }

        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "a storage connection string would need shared keys");
        // Flex Consumption rejects these as app settings; the runtime is set in functionAppConfig.
        Assert.False(settings.ContainsKey("FUNCTIONS_WORKER_RUNTIME"));
        Assert.False(settings.ContainsKey("WEBSITE_RUN_FROM_PACKAGE"));
        Assert.Equal("[parameters('taskHubName')]", (string?)settings["TaskHubName"]);
    }

    [Theory]
    [InlineData("Publishing__WeChat__AppSecret", "wechat-app-secret")]
    [InlineData("Publishing__WeChat__CallbackToken", "wechat-callback-token")]
    [InlineData("Publishing__WeChat__EncodingAesKey", "wechat-encoding-aes-key")]
    [InlineData("Publishing__Weibo__AccessToken", "weibo-access-token")]
    public void ChannelSecrets_AreVersionlessKeyVaultReferences(string setting, string secretName)
    {
        string value = (string)AppSettings()[setting]!;

        // Versionless, so a rotated secret is picked up without redeploying.
        Assert.Equal($"[format('@Microsoft.KeyVault(SecretUri={{0}}secrets/{secretName})', parameters('keyVaultUri'))]", value);
    }

    [Fact]
    public void EasyAuth_RequiresAuthenticationExceptForTheWeChatCallbackAndTheDesksFiles()
    {
        var auth = Assert.Single(infra.Resources, r => (string?)r["type"] == "Microsoft.Web/sites/config" && ((string?)r["name"])!.Contains("'authsettingsV2'", StringComparison.Ordinal))["properties"]!;

        Assert.True((bool)auth["platform"]!["enabled"]!);
        var validation = auth["globalValidation"]!;
        Assert.True((bool)validation["requireAuthentication"]!);
        Assert.Equal("Return401", (string?)validation["unauthenticatedClientAction"]);
        Assert.Equal("[variables('excludedPaths')]", (string?)validation["excludedPaths"]);
        Assert.Equal(["/api/channels/wechat/events", "/desk", "/desk/*"], ModuleOf("authsettingsV2")["variables"]!["excludedPaths"]!.AsArray().Select(p => (string)p!));
        Assert.True((bool)auth["identityProviders"]!["azureActiveDirectory"]!["enabled"]!);
    }

    [Fact]
    public void AppIdentity_HoldsExactlyTheRolesTheAppNeeds()
    {
        var assigned = infra.Resources
            .Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments" && (string?)r["properties"]!["principalId"] == "[parameters('appPrincipalId')]")
            .SelectMany(RoleIds)
            .Order()
            .ToList();

        string[] expected =
        [
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
            "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
        ];
        Assert.Equal(expected.Order(), assigned);
    }

    [Fact]
    public void LocalSettingsSample_HasEveryAppSettingExceptTheAzureOnlyOnes()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")))!["Values"]!.AsObject();
        // Locally storage is a connection string (Azurite) and telemetry is off; these exist only in Azure.
        string[] azureOnly = ["AZURE_CLIENT_ID", "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];

        var missing = AppSettings().Select(p => p.Key)
            .Where(key => !key.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal) && !azureOnly.Contains(key))
            .Where(key => !sample.ContainsKey(key))
            .ToList();
        Assert.True(missing.Count == 0, "local.settings.sample.json lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void ParametersFile_SetsOnlyDeclaredParametersAndEveryRequiredOne()
    {
        var declared = Template()["parameters"]!.AsObject();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.parameters.json")))!["parameters"]!.AsObject();

        Assert.All(file.Select(p => p.Key), name => Assert.True(declared.ContainsKey(name), $"{name} is not a parameter of main.bicep"));
        var required = declared.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key);
        Assert.All(required, name => Assert.True(file.ContainsKey(name), $"required parameter {name} is missing from main.parameters.json"));
    }

    [Fact]
    public void MalwareScanning_IsAnOption_OnUploadDefenderForStorageOfTheAppsAccount()
    {
        var defender = infra.Single("Microsoft.Security/defenderForStorageSettings");

        Assert.NotNull(defender["condition"]);
        Assert.True((bool)defender["properties"]!["malwareScanning"]!["onUpload"]!["isEnabled"]!);
        Assert.Equal("off", (string?)Template()["parameters"]!["malwareScanning"]!["defaultValue"]);
    }

    [Fact]
    public void EntraAppRoles_AreTheProductRoles()
    {
        var roles = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "entra", "app-roles.json")))!.AsArray();

        Assert.Equal(Roles.All.Order(), roles.Select(r => (string)r!["value"]!).Order());
        Assert.Equal(roles.Count, roles.Select(r => (string)r!["id"]!).Distinct().Count());
    }

    JsonObject Template()
    {
        Assert.Equal(0, infra.ExitCode);
        return infra.Template;
    }

    JsonObject AppSettings()
    {
        Template();
        return Assert.Single(infra.Resources, r => (string?)r["type"] == "Microsoft.Web/sites/config" && ((string?)r["name"])!.Contains("'appsettings'", StringComparison.Ordinal))["properties"]!.AsObject();
    }

    /// <summary>The nested template (module) that declares a resource whose name ends with <paramref name="nameSuffix"/>.</summary>
    JsonObject ModuleOf(string nameSuffix) => infra.Resources
        .Where(r => r["properties"]?["template"] is JsonObject)
        .Select(r => r["properties"]!["template"]!.AsObject())
        .Single(t => t["resources"]!.ToJsonString().Contains(nameSuffix, StringComparison.Ordinal));

    // Role ids are written as subscriptionResourceId(..., 'guid') or through a loop variable over variables('roles').
    IEnumerable<string> RoleIds(JsonObject assignment)
    {
        string expression = (string)assignment["properties"]!["roleDefinitionId"]!;
        var rbac = ModuleOf("roleAssignments");
        var roles = rbac["variables"]!["roles"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);
        var storageRoles = rbac["variables"]!["storageRoles"]!.AsArray();
        if (assignment["copy"] is not null)
        {
            return storageRoles.Select(r => Resolve((string)r!, roles));
        }

        var role = roles.Keys.Single(k => expression.Contains($"variables('roles').{k}", StringComparison.Ordinal));
        return [roles[role]];
    }

    static string Resolve(string expression, Dictionary<string, string> roles) =>
        roles.TryGetValue(expression.Split('.').Last().TrimEnd(']'), out var id) ? id : expression;
}
