// The one identity the Function App runs as. User-assigned, so its roles exist before the app first starts and
// Key Vault references resolve on the first cold start.

param location string
param tags object
param name string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
