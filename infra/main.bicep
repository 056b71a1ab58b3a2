// Comintech DSR in Azure: `azd up` deploys this (see README "Deploy to Azure").
targetScope = 'subscription'

@minLength(1)
@maxLength(20)
@description('Name of the azd environment; resource names derive from it.')
param environmentName string

@minLength(1)
@description('Azure region for every resource (one with Flex Consumption).')
param location string

@description('Client id of the Entra ID app registration for staff sign-in (app role Dsr.Staff).')
param staffAuthClientId string

@secure()
@description('SendGrid API key; stored in Key Vault as SendGridApiKey.')
param sendGridApiKey string

@secure()
@minLength(32)
@description('Key of the e-mail lookup hash; stored in Key Vault as IdentifierHashKey. Never change it once requests exist.')
param identifierHashKey string

@secure()
@minLength(32)
@description('Secret from which the key that encrypts request rows\' identifiers is derived; stored in Key Vault as ProtectionKey. Losing it makes open requests unreadable.')
param protectionKey string

@description('Safety net for working copies of personal data the app deletes itself: any blob older than this in those containers is deleted.')
param workingCopyDays int = 120

@secure()
@minLength(16)
@description('Key of the SendGrid Inbound Parse webhook (?key= in its URL); stored in Key Vault as InboxWebhookKey. The app refuses to start in Azure without it.')
param inboxWebhookKey string

@secure()
@minLength(32)
@description('Key scripts/smoke.sh presents (X-Dsr-Smoke-Key) to run a smoke request; stored in Key Vault as SmokeKey.')
param smokeKey string

@minLength(3)
@description('Team mailbox for staff tasks, deadline reminders and escalations.')
param staffNotifyAddress string

@description('Sender address of every message to a person.')
param mailFromAddress string = 'privacy@comintech.example'

@description('Base address people reach the service on; empty: the Function App\'s default host name.')
param publicBaseUrl string = ''

@description('Days an evidence document stays immutable.')
param evidenceRetentionDays int = 2190

@description('True after infra/scripts/lock-evidence-policy.sh locked the evidence policy (azd sets it).')
param evidencePolicyLocked bool = false

@description('Days after which an access package is deleted (its download link\'s lifetime, rounded up).')
param accessPackageDays int = 30

@description('Durable Task hub name (letters and digits).')
param taskHubName string = 'dsr'

@description('Put Azure Front Door Premium with a WAF policy (managed rules, a per-IP rate rule) in front of the app.')
param frontDoorWaf bool = false
@minValue(0)
@description('Always-ready instances for the Durable Functions (orchestrator, activity, entity) group on Flex Consumption.')
param durableAlwaysReadyInstances int = 1

param maximumInstanceCount int = 40
param instanceMemoryMB int = 2048
param logRetentionDays int = 90

var tags = { 'azd-env-name': environmentName, application: 'comintech-dsr' }
var token = toLower(uniqueString(subscription().id, environmentName, location))
var functionAppName = 'func-dsr-${token}'
var deploymentContainerName = 'app-package'

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: group
  params: { location: location, tags: tags, name: 'id-dsr-${token}' }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-dsr-${token}'
    applicationInsightsName: 'appi-dsr-${token}'
    retentionInDays: logRetentionDays
    publisherPrincipalId: identity.outputs.principalId
    alertEmail: staffNotifyAddress
  }
}

module hostStorage 'modules/host-storage.bicep' = {
  scope: group
  params: {
    location: location
    tags: tags
    name: 'sthost${token}'
    deploymentContainerName: deploymentContainerName
    // The inbox's blob trigger listens on AzureWebJobsStorage (this account).
    inboundMailContainerName: 'inbound-mail'
  }
}

module dataStorage 'modules/data-storage.bicep' = {
  scope: group
  params: {
    location: location
    tags: tags
    name: 'stdata${token}'
    evidenceRetentionDays: evidenceRetentionDays
    evidencePolicyLocked: evidencePolicyLocked
    accessPackageDays: accessPackageDays
    workingCopyDays: workingCopyDays
    workingCopyContainerNames: ['dsr-exports', 'dsr-inbound-raw', 'dsr-staff-attachments']
    softDeleteDays: 7
    evidenceContainerName: 'dsr-evidence'
    accessPackagesContainerName: 'dsr-access-packages'
    containerNames: ['dsr-exports', 'dsr-inbound-raw', 'dsr-locks', 'dsr-staff-attachments']
    tableNames: [
      'DsrRequests'
      'DsrEvidence'
      'DsrConnectorRuns'
      'DsrInboundMessages'
      'DsrAudit'
      'DsrWaitingStores'
      'DsrRestoreSuppression'
      'DsrWebLogErasures'
      'DsrPartnerReplays'
      'DsrLimits'
      'DsrSmokeSandbox'
    ]
  }
}

// Least privilege: data-plane roles on the two storage accounts only (no Contributor, no keys).
module hostStorageRoles 'modules/role-assignments.bicep' = {
  scope: group
  params: {
    storageAccountName: hostStorage.outputs.name
    principalId: identity.outputs.principalId
    roleDefinitionIds: [
      'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner: host leases, deployment package
      '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor: Durable control and work-item queues
      '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor: Durable history and instances
    ]
  }
}

module dataStorageRoles 'modules/role-assignments.bicep' = {
  scope: group
  params: {
    storageAccountName: dataStorage.outputs.name
    principalId: identity.outputs.principalId
    roleDefinitionIds: [
      'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor: exports, evidence, packages, raw inbound mail
      '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor: requests, evidence ledger, connector runs
    ]
  }
}

module keyVault 'modules/key-vault.bicep' = {
  scope: group
  params: {
    location: location
    tags: tags
    name: 'kv-dsr-${token}'
    readerPrincipalId: identity.outputs.principalId
    secrets: {
      SendGridApiKey: sendGridApiKey
      IdentifierHashKey: identifierHashKey
      ProtectionKey: protectionKey
      InboxWebhookKey: inboxWebhookKey
      SmokeKey: smokeKey
    }
  }
}

module functionApp 'modules/function-app.bicep' = {
  scope: group
  params: {
    location: location
    tags: tags
    planName: 'plan-dsr-${token}'
    name: functionAppName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    hostStorageAccountName: hostStorage.outputs.name
    hostStorageBlobEndpoint: hostStorage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    dataBlobEndpoint: dataStorage.outputs.blobEndpoint
    dataTableEndpoint: dataStorage.outputs.tableEndpoint
    keyVaultName: keyVault.outputs.name
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    taskHubName: taskHubName
    publicBaseUrl: empty(publicBaseUrl) ? 'https://${functionAppName}.azurewebsites.net' : publicBaseUrl
    mailFromAddress: mailFromAddress
    staffNotifyAddress: staffNotifyAddress
    durableAlwaysReadyInstances: durableAlwaysReadyInstances
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    staffAuthClientId: staffAuthClientId
  }
  // Roles first, so the first cold start can reach storage and resolve the Key Vault references.
  dependsOn: [hostStorageRoles, dataStorageRoles]
}

module frontDoor 'modules/front-door.bicep' = if (frontDoorWaf) {
  scope: group
  params: {
    tags: tags
    name: 'afd-dsr-${token}'
    originHostName: functionApp.outputs.defaultHostName
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output DSR_DATA_STORAGE_ACCOUNT string = dataStorage.outputs.name
output DSR_EVIDENCE_CONTAINER string = 'dsr-evidence'
output DSR_PUBLIC_URL string = 'https://${functionApp.outputs.defaultHostName}'
output DSR_FRONT_DOOR_URL string = frontDoorWaf ? 'https://${frontDoor!.outputs.endpointHostName}' : ''
// Read by infra/scripts/subscribe-inbound-mail.sh (azd postdeploy hook).
output DSR_FUNCTION_APP_HOST string = functionApp.outputs.defaultHostName
output DSR_HOST_STORAGE_ACCOUNT string = hostStorage.outputs.name
output DSR_INBOUND_MAIL_SYSTEM_TOPIC string = hostStorage.outputs.systemTopicName
output DSR_INBOUND_MAIL_CONTAINER string = 'inbound-mail'
