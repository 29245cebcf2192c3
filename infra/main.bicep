// azd entry point: one resource group with the Functions app (Flex Consumption), its storage, Key Vault,
// monitoring and the managed identity that ties them together. See README "Deploy to Azure".
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; part of every resource name.')
param environmentName string

@minLength(1)
@description('Azure region; must offer Flex Consumption.')
param location string

@description('Object id of the person running azd (set by azd); gets data read access and secret management for operations.')
param principalId string = ''

@allowed(['read', 'write'])
@description('Data access of the person running azd: read (production: nobody but the app writes data, so nobody can quietly rewrite the audit table) or write (development only).')
param deployerDataAccess string = 'read'

@minLength(1)
@description('Application (client) id of the Entra ID app registration whose app roles are the product roles.')
param authClientId string

@description('Tenant of that app registration.')
param authTenantId string = tenant().tenantId

@minLength(3)
@maxLength(45)
@description('Durable task hub; change it to start a fresh hub for an incompatible orchestrator change.')
param taskHubName string = 'Publishing'

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('WeChat Official Account AppId (not a secret). Empty keeps the channel in preview mode.')
param weChatAppId string = ''

@secure()
@description('Optional first value of the WeChat AppSecret; otherwise set it in Key Vault by hand.')
param weChatAppSecret string = ''

@secure()
@description('Optional first value of the WeChat callback token.')
param weChatCallbackToken string = ''

@secure()
@description('Optional first value of the WeChat EncodingAESKey (safe mode of the server URL, recommended).')
param weChatEncodingAesKey string = ''

@secure()
@description('Optional first value of the Weibo access token.')
param weiboAccessToken string = ''

@secure()
@description('Optional first value of the audit trail HMAC key (≥ 32 characters); otherwise the postprovision hook generates one.')
param auditHmacKey string = ''

@allowed(['off', 'on'])
@description('Microsoft Defender for Storage on-upload malware scanning of the storage account (uploaded assets): azd env set MALWARE_SCANNING on.')
param malwareScanning string = 'off'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-11-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  scope: resourceGroup
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  scope: resourceGroup
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    malwareScanning: malwareScanning == 'on'
  }
}

module monitoring 'app/monitoring.bicep' = {
  scope: resourceGroup
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'app/keyvault.bicep' = {
  scope: resourceGroup
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    secretNames: ['wechat-app-secret', 'wechat-callback-token', 'wechat-encoding-aes-key', 'weibo-access-token', 'audit-hmac-key']
    initialSecretValues: {
      'audit-hmac-key': auditHmacKey
      'wechat-app-secret': weChatAppSecret
      'wechat-callback-token': weChatCallbackToken
      'wechat-encoding-aes-key': weChatEncodingAesKey
      'weibo-access-token': weiboAccessToken
    }
  }
}

module rbac 'app/rbac.bicep' = {
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    deployerDataAccess: deployerDataAccess
  }
}

module functionApp 'app/functionapp.bicep' = {
  scope: resourceGroup
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultUri: keyVault.outputs.vaultUri
    taskHubName: taskHubName
    maximumInstanceCount: maximumInstanceCount
    weChatAppId: weChatAppId
  }
  // The host must be able to reach its storage on first start.
  dependsOn: [rbac]
}

module auth 'app/auth.bicep' = {
  scope: resourceGroup
  params: {
    functionAppName: functionApp.outputs.name
    clientId: authClientId
    tenantId: authTenantId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_ENDPOINTS array = ['https://${functionApp.outputs.defaultHostName}/api']
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STATIC_WEBSITE_URL string = storage.outputs.webEndpoint
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
