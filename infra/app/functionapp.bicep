// The Functions app on Flex Consumption (FC1, Linux). Why Flex: Durable Functions with the Azure Storage
// provider runs on it, it scales to zero between review bursts, it can join a VNet later without a plan
// change, and it deploys from a blob container with a managed identity (no shared keys anywhere).
// Limitations: Linux only, no deployment slots (upgrades drain or switch task hubs, see README),
// FUNCTIONS_WORKER_RUNTIME/FUNCTIONS_EXTENSION_VERSION/WEBSITE_RUN_FROM_PACKAGE are not app settings
// (runtime lives in functionAppConfig), Netherite is not a supported Durable backend, region list is
// shorter than Consumption's (and Azure China does not offer it), cold starts unless always-ready is set.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param deploymentContainerName string
param applicationInsightsConnectionString string
param keyVaultUri string
param taskHubName string

@description('Upper bound of instances; also caps load on Table storage and the WeChat/Weibo APIs.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('WeChat Official Account AppId (not a secret); empty keeps the channel in preview mode.')
param weChatAppId string

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // Identity-based host storage (Durable task hub included); read by StorageConnection as well.
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
      AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
      AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
      // DefaultAzureCredential in the app (e.g. future clients) picks the same identity.
      AZURE_CLIENT_ID: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      TaskHubName: taskHubName
      // Versionless secret URIs: the platform resolves the latest version, so rotating needs no redeploy.
      Publishing__WeChat__AppSecret: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/wechat-app-secret)'
      Publishing__WeChat__CallbackToken: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/wechat-callback-token)'
      // Safe mode (消息加解密): until the secret exists the reference stays unresolved and callbacks are plaintext-mode.
      Publishing__WeChat__EncodingAesKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/wechat-encoding-aes-key)'
      Publishing__Weibo__AccessToken: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/weibo-access-token)'
      // Signs every audit entry; outside the table, so table writers cannot forge entries. Keep old values as
      // Publishing__Audit__RetiredHmacKeys__n when rotating, or older entries stop verifying.
      Publishing__Audit__HmacKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/audit-hmac-key)'
      Publishing__WeChat__AppId: weChatAppId
    }
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
