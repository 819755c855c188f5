#!/usr/bin/env bash
# Aligns a manifest in as many shards as the array has tasks:  sbatch --array=0-15 slurm-array.sh
#SBATCH --job-name=cyberalign
#SBATCH --cpus-per-task=2
#SBATCH --mem=1G
#SBATCH --time=02:00:00
#SBATCH --output=logs/cyberalign-%A_%a.log
set -euo pipefail
cyberalign batch --manifest "$HOME/corpus/manifest.tsv" --output "$HOME/corpus/out" --format jsonl \
  --shard "${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}" --jobs "${SLURM_CPUS_PER_TASK}"
# Exit code 1 means some pairs failed: see $HOME/corpus/out/batch-failures.<I>-of-<N>.tsv
# Afterwards (one task or by hand):  cyberalign merge "$HOME/corpus/out" -o "$HOME/corpus/all.jsonl"
