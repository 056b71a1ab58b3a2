// Storage for the Functions host: the Durable Task hub (queues, tables, lease blobs) and the deployment package.
// Shared-key access is off; the host reaches it with its managed identity (AzureWebJobsStorage__*).

param location string
param tags object
param name string
param deploymentContainerName string

@description('Container the inbox blob trigger watches for dropped .eml files.')
param inboundMailContainerName string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource deployment 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

resource inboundMail 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: inboundMailContainerName
  properties: { publicAccess: 'None' }
}

// Flex Consumption runs blob triggers only from Event Grid: the account's system topic publishes BlobCreated. Its
// subscription to the app is made after deployment (infra/scripts/subscribe-inbound-mail.sh): the webhook URL needs
// the blob extension's key, which exists only once the deployed app has started.
resource events 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: '${name}-events'
  location: location
  tags: tags
  properties: {
    source: account.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = account.name
output systemTopicName string = events.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
