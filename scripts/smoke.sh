#!/usr/bin/env bash
# Post-deploy smoke test of Comintech DSR. Usage:
#   DSR_SMOKE_KEY=<Dsr:Smoke:Key> scripts/smoke.sh https://<app>.azurewebsites.net
#   DSR_SMOKE_KEY=<key> scripts/smoke.sh http://127.0.0.1:7071        # the local engine (what the test suite runs)
# Checks, in order: / serves the request form; a smoke request is accepted; the verification link the app mails
# (<base>/?request=<id>#verify) opens the form; the inbox webhook without its key is refused (401); a forged
# X-MS-CLIENT-PRINCIPAL on a staff route is refused (401); the smoke request, confirmed with the smoke key, runs the
# real workflow to Completed against the sandbox store only. Smoke requests are addressed to a reserved .invalid
# domain (no mail is sent) and stay out of the request log and the metrics.
# Needs bash and curl. Options (environment): DSR_SMOKE_TIMEOUT (seconds to wait for completion, default 180).
set -uo pipefail

base=${1:?usage: scripts/smoke.sh BASE_URL (e.g. https://func-dsr-abc.azurewebsites.net)}
base=${base%/}
key=${DSR_SMOKE_KEY:?set DSR_SMOKE_KEY to Dsr:Smoke:Key of the deployment}
timeout=${DSR_SMOKE_TIMEOUT:-180}
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pass() { echo "PASS  $1"; }
fail() { echo "FAIL  $1" >&2; failures=$((failures + 1)); }

# request METHOD PATH [curl options…]: prints the status code; the body is in $work/body.
request() {
  local method=$1 path=$2
  shift 2
  curl --silent --show-error --max-time 30 --output "$work/body" --write-out '%{http_code}' -X "$method" "$@" "$base$path" 2>"$work/error" || echo 000
}

field() { grep -o "\"$1\":\"[^\"]*\"" "$work/body" | head -n 1 | cut -d'"' -f4; }

# 1. The form at the root.
status=$(request GET /)
if [ "$status" = 200 ] && grep -qi '<form' "$work/body"; then pass "GET / serves the request form"; else fail "GET / answered $status without the form"; fi

# 2. A smoke request (access, sandbox store only, mails no one).
status=$(request POST /api/smoke/requests -H "X-Dsr-Smoke-Key: $key" -H 'Content-Length: 0')
id=$(field requestId)
if [ "$status" = 202 ] && [ -n "$id" ]; then pass "smoke request $id accepted"; else fail "POST /api/smoke/requests answered $status"; fi

# 3. The verification link as mailed (the fragment stays in the browser).
if [ -n "$id" ]; then
  status=$(request GET "/?request=$id")
  if [ "$status" = 200 ] && grep -qi '<form' "$work/body"; then pass "the mailed verification link $base/?request=$id#verify opens the form"; else fail "the verification link answered $status"; fi
fi

# 4. The inbox webhook without its key.
status=$(request POST /api/inbound/sendgrid -F 'email=From: smoke@smoke.invalid' -F 'to=privacy@smoke.invalid')
if [ "$status" = 401 ]; then pass "inbox webhook without its key refused (401)"; else fail "inbox webhook without its key answered $status (is Dsr:Inbox:WebhookKey set?)"; fi

# 5. A forged App Service principal claiming the staff role, with no key.
forged=$(printf '%s' '{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{"typ":"name","val":"smoke-forger"},{"typ":"roles","val":"Dsr.Staff"}]}' | base64 | tr -d '\n')
status=$(request GET /api/staff/requests -H "X-MS-CLIENT-PRINCIPAL: $forged" -H 'X-MS-CLIENT-PRINCIPAL-IDP: aad')
if [ "$status" = 401 ]; then pass "forged X-MS-CLIENT-PRINCIPAL on a staff route refused (401)"; else fail "forged principal on /api/staff/requests answered $status"; fi

# 6. Confirm the smoke request with the key and wait for the workflow to reach the sandbox store and finish.
if [ -n "$id" ]; then
  deadline=$((SECONDS + timeout))
  until [ "$(request POST "/api/smoke/requests/$id/verify" -H "X-Dsr-Smoke-Key: $key" -H 'Content-Length: 0')" = 200 ]; do
    if [ $SECONDS -ge $deadline ]; then break; fi
    sleep 1
  done
  state=""
  while [ $SECONDS -lt $deadline ]; do
    if [ "$(request GET "/api/requests/$id")" = 200 ]; then
      state=$(field status)
      case $state in Completed|CompletedWithExceptions|IdentityNotVerified|Denied) break ;; esac
    fi
    sleep 2
  done
  stores=$(grep -o '"storeId":"[^"]*"' "$work/body" | cut -d'"' -f4 | tr '\n' ' ')
  if [ "$state" = Completed ] && [ "$stores" = "smoke-sandbox " ] && grep -q '"state":"Done"' "$work/body"; then
    pass "smoke request reached the sandbox store and completed"
  else
    fail "smoke request ended '$state' with stores '$stores' (waited ${timeout}s)"
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed against $base" >&2
  exit 1
fi
echo "All checks passed against $base"
