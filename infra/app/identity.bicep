// The one identity the app uses for storage, Key Vault and Application Insights. User-assigned so its
// role assignments exist before the app starts (no window where the host cannot reach its storage).
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
