#!/usr/bin/env bash
# Builds the inbox intent model from corpus/inbox/train.jsonl into src/Comintech.Dsr.Core/Inbox/Model/intent-model.zip
# (embedded in Comintech.Dsr.Core), then rebuilds Core so the new model ships. Deterministic: same corpus, same model.
#   ./train-inbox-model.sh        train and embed
#   ./train-inbox-model.sh cv     only print cross-validation figures on the train split (to tune by): 5-fold and
#                                 leave-one-batch-out, with per-class precision/recall and the confusion matrix
#   ./train-inbox-model.sh cv batches   leave-one-batch-out only (the figure to tune by; half the time)
set -euo pipefail
cd "$(dirname "$0")"
dotnet build tools/Comintech.Dsr.InboxTrainer -c Release -nologo -v quiet
trainer=tools/Comintech.Dsr.InboxTrainer/bin/Release/net10.0/Comintech.Dsr.InboxTrainer.dll
if [ "${1:-}" = "cv" ]; then
  exec dotnet "$trainer" cv corpus/inbox/train.jsonl ${2:+"$2"}
fi
dotnet "$trainer" train corpus/inbox/train.jsonl src/Comintech.Dsr.Core/Inbox/Model/intent-model.zip
dotnet build src/Comintech.Dsr.Core -c Release -nologo -v quiet
