// Channel secrets (WeChat, Weibo). RBAC authorization, no access policies. The app reads them through
// Key Vault references with its managed identity; people set and rotate them with `az keyvault secret set`.
param name string
param location string
param tags object

@description('Names of the secrets the app settings reference; values are set outside the deployment.')
param secretNames array

@secure()
@description('Optional initial values keyed by secret name; an empty value leaves the secret to be set by hand.')
param initialSecretValues object = {}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// Created only when a value is supplied, so a later `azd provision` never overwrites a rotated secret.
resource secrets 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [for secretName in secretNames: if (!empty(initialSecretValues[?secretName] ?? '')) {
  parent: vault
  name: secretName
  properties: {
    value: initialSecretValues[?secretName] ?? ''
  }
}]

output name string = vault.name
output vaultUri string = vault.properties.vaultUri
