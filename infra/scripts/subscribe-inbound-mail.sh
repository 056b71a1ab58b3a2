#!/bin/sh
# azd postdeploy hook: subscribes the inbox's blob trigger (InboundMailBlobFunction, Event Grid source) to BlobCreated
# events of the inbound-mail container, on the host account's system topic that infra/ creates. It runs after the code
# is deployed because the webhook URL carries the blob extension's system key, which the Functions host creates
# only once the deployed app has started. Running it again updates the subscription in place.
# Needs: az (signed in), and the azd outputs AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME, DSR_FUNCTION_APP_HOST,
# DSR_INBOUND_MAIL_SYSTEM_TOPIC, DSR_INBOUND_MAIL_CONTAINER (azd passes them to hooks as environment variables).
set -eu

: "${AZURE_RESOURCE_GROUP:?}" "${AZURE_FUNCTION_APP_NAME:?}" "${DSR_FUNCTION_APP_HOST:?}"
: "${DSR_INBOUND_MAIL_SYSTEM_TOPIC:?}" "${DSR_INBOUND_MAIL_CONTAINER:?}"
function_name=InboundMailBlobFunction
subscription=inbound-mail-blob-created
attempts=${DSR_HOOK_KEY_ATTEMPTS:-12}
wait_seconds=${DSR_HOOK_KEY_WAIT_SECONDS:-10}

key=""
attempt=1
while [ "$attempt" -le "$attempts" ]; do
  key=$(az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
    --query systemKeys.blobs_extension --output tsv 2>/dev/null || true)
  if [ -n "$key" ]; then
    break
  fi
  echo "The blob extension's key is not there yet (attempt $attempt of $attempts); waiting ${wait_seconds}s for the app to start."
  sleep "$wait_seconds"
  attempt=$((attempt + 1))
done
if [ -z "$key" ]; then
  echo "No blobs_extension key on $AZURE_FUNCTION_APP_NAME: is the app deployed and started? Run this script again once it is." >&2
  exit 1
fi

endpoint="https://$DSR_FUNCTION_APP_HOST/runtime/webhooks/blobs?functionName=Host.Functions.$function_name&code=$key"
az eventgrid system-topic event-subscription create \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --system-topic-name "$DSR_INBOUND_MAIL_SYSTEM_TOPIC" \
  --name "$subscription" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --event-delivery-schema EventGridSchema \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with "/blobServices/default/containers/$DSR_INBOUND_MAIL_CONTAINER/blobs/" \
  --output none
echo "Event Grid subscription $subscription delivers BlobCreated in $DSR_INBOUND_MAIL_CONTAINER to $function_name."
