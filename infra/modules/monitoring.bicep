// Log Analytics workspace and workspace-based Application Insights. Local (instrumentation-key) ingestion is
// disabled: the app's identity publishes telemetry with Entra ID (Monitoring Metrics Publisher).

param location string
param tags object
param logAnalyticsName string
param applicationInsightsName string
param retentionInDays int

@description('Principal that publishes telemetry (the Function App\'s managed identity).')
param publisherPrincipalId string

@description('Mailbox alerted when the app cannot reach a mapped data store at start.')
param alertEmail string

var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, publisherPrincipalId, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    principalId: publisherPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
  }
}

// An unreachable data store does not stop start-up (a network blip must not take the workflow down), so it is
// alerted: the app logs "Data store <id> could not be reached at start" at Error level.
resource staffAlerts 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${applicationInsightsName}-staff'
  location: 'Global'
  tags: tags
  properties: {
    groupShortName: 'dsr-staff'
    enabled: true
    emailReceivers: [{ name: 'privacy-team', emailAddress: alertEmail, useCommonAlertSchema: true }]
  }
}

resource unreachableStore 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${applicationInsightsName}-unreachable-store'
  location: location
  tags: tags
  properties: {
    displayName: 'DSR: a mapped data store could not be reached'
    severity: 1
    enabled: true
    scopes: [applicationInsights.id]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'traces | where message has "could not be reached at start"'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [staffAlerts.id] }
  }
}

output connectionString string = applicationInsights.properties.ConnectionString
output name string = applicationInsights.name
