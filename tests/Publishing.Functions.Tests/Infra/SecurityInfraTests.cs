using System.Text.Json.Nodes;

namespace Publishing.Functions.Tests.Infra;

/// <summary>The parts of infra/ that keep the audit trail unforgeable and sign-in limited to assigned people.</summary>
public sealed class SecurityInfraTests(CompiledInfra infra) : IClassFixture<CompiledInfra>
{
    const string StorageReader = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    const string QueueReader = "19e7f393-937e-4f77-808e-94535e297925";
    const string TableReader = "76199698-9eea-4c19-bc75-cec21354c6b6";

    JsonObject Resource(string type, string nameFragment) => Assert.Single(infra.Resources,
        r => (string?)r["type"] == type && ((string?)r["name"])!.Contains(nameFragment, StringComparison.Ordinal));

    JsonObject Module(string resourceFragment) => infra.Resources
        .Where(r => r["properties"]?["template"] is JsonObject)
        .Select(r => r["properties"]!["template"]!.AsObject())
        .Single(t => t["resources"]!.ToJsonString().Contains(resourceFragment, StringComparison.Ordinal));

    [Fact]
    public void AuditAnchors_LiveInAContainerWithVersionLevelWormThatAllowsOnlyAppends()
    {
        var container = Resource("Microsoft.Storage/storageAccounts/blobServices/containers", "'audit-anchors'");
        var policy = Resource("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies", "'audit-anchors'");
        var blobService = infra.Single("Microsoft.Storage/storageAccounts/blobServices");

        Assert.True((bool)container["properties"]!["immutableStorageWithVersioning"]!["enabled"]!);
        Assert.True((bool)blobService["properties"]!["isVersioningEnabled"]!); // version-level WORM needs versioning
        Assert.True((bool)policy["properties"]!["allowProtectedAppendWritesAll"]!);
        Assert.Equal("[parameters('auditAnchorRetentionDays')]", (string?)policy["properties"]!["immutabilityPeriodSinceCreationInDays"]);
        var retention = Module("immutabilityPolicies")["parameters"]!["auditAnchorRetentionDays"]!;
        Assert.True((int)retention["defaultValue"]! >= 365 * 10, "anchors must outlive the records they vouch for");
    }

    [Fact]
    public void Deployer_GetsOnlyReaderDataRolesUnlessWriteIsChosen_AndReadIsTheDefault()
    {
        var rbac = Module("roleAssignments");
        var variables = rbac["variables"]!;

        Assert.Equal("[if(equals(parameters('deployerDataAccess'), 'write'), variables('storageRoles'), variables('storageReaderRoles'))]",
            (string?)variables["userStorageRoles"]);
        var roles = variables["roles"]!.AsObject();
        var readers = variables["storageReaderRoles"]!.AsArray().Select(r => (string)roles[((string)r!).Split('.').Last().TrimEnd(']')]!).Order();
        Assert.Equal(new[] { StorageReader, QueueReader, TableReader }.Order(), readers);
        Assert.Equal("read", (string?)rbac["parameters"]!["deployerDataAccess"]!["defaultValue"]);
        Assert.Equal("read", (string?)infra.Template["parameters"]!["deployerDataAccess"]!["defaultValue"]);

        var userStorage = Assert.Single(infra.Resources, r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments"
            && (string?)r["properties"]!["principalId"] == "[parameters('userPrincipalId')]" && r["copy"] is not null);
        Assert.Equal("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('userStorageRoles')[copyIndex()])]",
            (string?)userStorage["properties"]!["roleDefinitionId"]);
    }

    [Fact]
    public void AuditHmacKey_IsAVersionlessKeyVaultReference()
    {
        var settings = Resource("Microsoft.Web/sites/config", "'appsettings'")["properties"]!;

        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0}secrets/audit-hmac-key)', parameters('keyVaultUri'))]",
            (string?)settings["Publishing__Audit__HmacKey"]);
    }
}

/// <summary>azd hooks that carry security settings ARM cannot hold.</summary>
public sealed class AzdHookTests
{
    static readonly string AzureYaml = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "azure.yaml"));

    /// <summary>The lines of one hook: from "  name:" to the next line indented by exactly two spaces.</summary>
    static string Hook(string name)
    {
        var lines = AzureYaml.Split('\n');
        int start = Array.FindIndex(lines, l => l.TrimEnd() == $"  {name}:");
        Assert.True(start >= 0, $"azure.yaml has no {name} hook");
        var body = lines.Skip(start + 1).TakeWhile(l => l.Length == 0 || l.StartsWith("   ", StringComparison.Ordinal));
        return string.Join('\n', body);
    }

    static int Count(string text, string fragment) => text.Split(fragment).Length - 1;

    [Fact]
    public void Preprovision_RequiresAppRoleAssignment_OnBothShells()
    {
        string hook = Hook("preprovision");

        Assert.Equal(2, Count(hook, "--set appRoleAssignmentRequired=true"));
        Assert.Contains("$AUTH_CLIENT_ID", hook);
    }

    [Fact]
    public void Postprovision_CreatesTheAuditKeyOnlyWhenMissing_OnBothShells()
    {
        string hook = Hook("postprovision");

        Assert.Equal(2, Count(hook, "secret show --vault-name"));
        Assert.Equal(4, Count(hook, "--name audit-hmac-key")); // show, then set only if missing, per shell
    }
}
