#!/bin/sh
# azd postprovision hook: locks the time-based retention policy of the evidence container. Once locked, nobody
# (an account owner included) can shorten or remove it, and no evidence document can be changed or deleted before
# its retention ends. Locking cannot be undone, so it runs only when DSR_LOCK_EVIDENCE_POLICY=true.
set -eu

if [ "${DSR_LOCK_EVIDENCE_POLICY:-false}" != "true" ]; then
  echo "Evidence retention policy left unlocked (set DSR_LOCK_EVIDENCE_POLICY=true to lock it)."
  exit 0
fi

policy() {
  az storage container immutability-policy show --resource-group "$AZURE_RESOURCE_GROUP" \
    --account-name "$DSR_DATA_STORAGE_ACCOUNT" --container-name "$DSR_EVIDENCE_CONTAINER" --query "$1" --output tsv
}

if [ "$(policy state)" != "Locked" ]; then
  az storage container immutability-policy lock --resource-group "$AZURE_RESOURCE_GROUP" \
    --account-name "$DSR_DATA_STORAGE_ACCOUNT" --container-name "$DSR_EVIDENCE_CONTAINER" --if-match "$(policy etag)"
fi
# A locked policy can only be extended, not re-put: later deployments must leave it alone.
azd env set DSR_EVIDENCE_POLICY_LOCKED true
echo "Evidence retention policy is locked."
