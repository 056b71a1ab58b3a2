// The Azure Functions app (.NET 10 isolated) on a Flex Consumption plan, running as the user-assigned identity.
// No setting holds a secret or an account key: storage is reached by identity, secrets by Key Vault reference.

param location string
param tags object
param planName string
param name string
param identityId string
param identityClientId string
param hostStorageAccountName string
param hostStorageBlobEndpoint string
param deploymentContainerName string
param dataBlobEndpoint string
param dataTableEndpoint string
param keyVaultName string
param applicationInsightsConnectionString string
param taskHubName string
param publicBaseUrl string
param mailFromAddress string
param staffNotifyAddress string
param durableAlwaysReadyInstances int
param maximumInstanceCount int
param instanceMemoryMB int

@description('Client id of the Entra ID app registration that signs staff in; its tokens carry the app role Dsr.Staff.')
param staffAuthClientId string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
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
      appSettings: [
        // Functions host and Durable Task hub storage, by identity (no connection string, no key).
        { name: 'AzureWebJobsStorage__accountName', value: hostStorageAccountName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'AzureWebJobsDisableHomepage', value: 'true' }
        { name: 'DsrTaskHubName', value: taskHubName }
        // DefaultAzureCredential in the worker picks this user-assigned identity.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        // The system's data account, by identity (Microsoft.Extensions.Azure + DefaultAzureCredential).
        { name: 'Dsr__Storage__BlobServiceUri', value: dataBlobEndpoint }
        { name: 'Dsr__Storage__TableServiceUri', value: dataTableEndpoint }
        { name: 'Dsr__IdentifierHashKey', value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=IdentifierHashKey)' }
        { name: 'Dsr__Protection__Key', value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=ProtectionKey)' }
        { name: 'Dsr__Mail__SendGridApiKey', value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=SendGridApiKey)' }
        { name: 'Dsr__Inbox__WebhookKey', value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=InboxWebhookKey)' }
        { name: 'Dsr__Smoke__Key', value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=SmokeKey)' }
        { name: 'Dsr__Mail__FromAddress', value: mailFromAddress }
        { name: 'Dsr__Staff__NotifyAddress', value: staffNotifyAddress }
        { name: 'Dsr__PublicBaseUrl', value: publicBaseUrl }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostStorageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        // Durable Functions on Flex Consumption: one always-ready instance for the durable group, so verification,
        // approvals and timers do not wait for a cold start after idle.
        alwaysReady: durableAlwaysReadyInstances > 0 ? [{ name: 'durable', instanceCount: durableAlwaysReadyInstances }] : []
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }
}

// App Service Authentication (Entra ID) validates staff tokens and hands the app X-MS-CLIENT-PRINCIPAL.
// Unauthenticated requests pass through: the public routes stay anonymous, and the app itself rejects
// /api/staff/ calls without the Dsr.Staff role.
resource authentication 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: staffAuthClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: ['api://${staffAuthClientId}', staffAuthClientId]
        }
      }
    }
    login: { tokenStore: { enabled: false } }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
