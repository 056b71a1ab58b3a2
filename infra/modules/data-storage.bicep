// The system's own data: requests, evidence and connector runs (tables); exports, evidence documents, access
// packages and inbound mail (containers). Shared-key access is off: only Entra ID principals with data roles get in.

param location string
param tags object
param name string

@description('Days an evidence document stays immutable after it is written (time-based retention, WORM).')
@minValue(1)
@maxValue(146000)
param evidenceRetentionDays int

@description('True once the evidence policy has been locked (infra/scripts/lock-evidence-policy.sh): a locked policy cannot be re-put, only extended.')
param evidencePolicyLocked bool

@description('Days after which an access package is deleted: the lifetime of its download link, rounded up.')
@minValue(1)
param accessPackageDays int

@description('Safety net for working copies the app removes itself (Dsr:Retention): the days after which any blob left in such a container is deleted. Longer than a request can stay open.')
@minValue(1)
param workingCopyDays int

@description('Containers holding working copies of personal data (exports, raw inbound mail, staff attachments, the inbound drop), each with its own lifecycle rule.')
param workingCopyContainerNames array

@description('Days deleted blobs and containers stay recoverable.')
param softDeleteDays int

param evidenceContainerName string
param accessPackagesContainerName string
param containerNames array
param tableNames array

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: softDeleteDays }
    containerDeleteRetentionPolicy: { enabled: true, days: softDeleteDays }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for container in union([evidenceContainerName, accessPackagesContainerName], containerNames): {
    parent: blobs
    name: container
    properties: { publicAccess: 'None' }
  }
]

resource evidence 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = {
  parent: blobs
  name: evidenceContainerName
}

// Time-based retention: no one (an account owner included, once the policy is locked) can overwrite or delete an
// evidence document before its retention ends.
resource evidenceRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = if (!evidencePolicyLocked) {
  parent: evidence
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: evidenceRetentionDays
    allowProtectedAppendWrites: false
  }
  dependsOn: [containers]
}

// One lifecycle rule per container of working copies: a safety net behind the app's own retention passes.
var workingCopyRules = [
  for container in workingCopyContainerNames: {
    name: 'delete-working-copies-${container}'
    enabled: true
    type: 'Lifecycle'
    definition: {
      filters: {
        blobTypes: ['blockBlob']
        prefixMatch: ['${container}/']
      }
      actions: {
        baseBlob: { delete: { daysAfterCreationGreaterThan: workingCopyDays } }
      }
    }
  }
]

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: concat([
        {
          name: 'delete-expired-access-packages'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: ['${accessPackagesContainerName}/']
            }
            actions: {
              baseBlob: { delete: { daysAfterCreationGreaterThan: accessPackageDays } }
            }
          }
        }
      ], workingCopyRules)
    }
  }
  dependsOn: [containers]
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for table in tableNames: {
    parent: tableService
    name: table
  }
]

// The account holding the evidence cannot be deleted while this lock stands.
resource deleteLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: '${name}-no-delete'
  scope: account
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds DSR evidence under a retention policy.'
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output tableEndpoint string = account.properties.primaryEndpoints.table
