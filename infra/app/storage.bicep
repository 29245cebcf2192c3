// The app's only storage account: Durable Functions task hub (queues, tables, blob leases), content
// versions (blob `items`), read model and audit trail (tables), the published site (`$web`) and the
// Flex Consumption deployment package. Shared keys are off: every caller uses Entra ID.
param name string
param location string
param tags object
@description('Blob container azd uploads the Flex Consumption deployment package to.')
param deploymentContainerName string

@description('Microsoft Defender for Storage with on-upload malware scanning of every blob (uploaded assets included). Billed per GB scanned.')
param malwareScanning bool = false

@minValue(1)
@description('Cap of GB scanned per month, to bound the cost of on-upload malware scanning.')
param malwareScanningCapGBPerMonth int = 1000

@minValue(1)
@maxValue(146000)
@description('Days each audit anchor stays immutable (WORM). Government records are kept for years.')
param auditAnchorRetentionDays int = 3650

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    // Content versions are evidence for the audit trail: keep deleted blobs recoverable for a while.
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
    // Version-level immutability (the audit anchors' WORM policy) requires blob versioning.
    isVersioningEnabled: true
  }
}

// Audit chain heads, appended by the app (AuditAnchorStore). Version-level WORM: every blob version is immutable
// for auditAnchorRetentionDays; appends are still allowed, overwrites and deletes are not — for anyone, the app's
// identity and subscription owners included. The policy starts unlocked; lock it after the first deployment
// (README "Audit trail"), after which it can only be extended.
resource auditAnchorsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: 'audit-anchors'
  properties: {
    immutableStorageWithVersioning: { enabled: true }
  }
}

resource auditAnchorsPolicy 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-01-01' = {
  parent: auditAnchorsContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: auditAnchorRetentionDays
    allowProtectedAppendWritesAll: true
  }
}

// Versioning keeps every overwritten blob (site pages, task hub blobs); drop old versions after a week. Versions
// under the anchors' WORM policy cannot be deleted, so this rule never touches them.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-previous-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob', 'appendBlob'] }
            actions: {
              version: { delete: { daysAfterCreationGreaterThan: 7 } }
            }
          }
        }
      ]
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deploymentContainerName
}

// The app creates these on first use as well; declaring them documents where the data lives.
resource itemsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: 'items'
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = [for table in ['Items', 'AuditTrail', 'Counters', 'Inbox', 'WeChatNonces']: {
  parent: tableService
  name: table
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
output webEndpoint string = storage.properties.primaryEndpoints.web

// On-upload malware scanning (Defender for Storage, per-account plan). A blob found malicious is tagged
// "Malware Scanning scan result" = "Malicious"; with blob soft delete on, Defender can also delete it (README "Assets").
resource defender 'Microsoft.Security/defenderForStorageSettings@2022-12-01-preview' = if (malwareScanning) {
  name: 'current'
  scope: storage
  properties: {
    isEnabled: true
    overrideSubscriptionLevelSettings: true
    malwareScanning: {
      onUpload: { isEnabled: true, capGBPerMonth: malwareScanningCapGBPerMonth }
    }
    sensitiveDataDiscovery: { isEnabled: false }
  }
}
