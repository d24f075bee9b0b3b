"""Retention and deletion requests, as plain functions (the Prefect flow and the CLI call the same ones).

Purge (`plan_purge`, then `execute_purge`)
    A partition is *past retention* when its date is more than N days before `today` (JST): with
    raw_days = 90, dt=2026-01-01 is kept through 2026-04-01 and deleted from 2026-04-02.
    - raw/dt=D and quarantine/dt=D past retention are deleted only when anonymized/messages/dt=D
      exists, its manifest lists exactly the .jsonl/.jsonl.gz files now in raw/dt=D with the same sizes
      and SHA-256, and its leak check passed. Otherwise they are kept and the plan says why. When raw/dt=D
      is already gone, quarantine/dt=D needs the anonymized partition and a passed leak check.
    - A date with no anonymized partition is reported and kept; `include_unanonymized=True` deletes it.
    - anonymized/messages/dt=D past its own retention is deleted (under the partition lock).
    - A month's key `<keys_dir>/YYYY-MM.key` expires when the last day of the month is more than
      key_days before today; it is overwritten with random bytes, fsync'd and unlinked. With
      $TOKUMEI_SECRET_KEY there is no per-month key to destroy; the plan says so in its notes.
    A folder is first renamed out of the readers' way (`.purge-…`), then removed; a leftover of an
    interrupted purge is removed by the next one. The plan records what each deletion relied on (sizes
    and modification times); `execute_purge` skips an item that changed since it was planned.
    Deleting a file removes it from the file system; it does not scrub the disk blocks (nor can an
    overwrite on SSDs or copy-on-write file systems, so a key's overwrite is a best effort too).

Deletion requests (`forget`)
    Matches a raw line when it parses as a JSON object whose `user_id` (or `conversation_id`) equals the
    id (and whose tenant_id equals `tenant_id` when given). A line that does not parse matches when it
    holds the id as a JSON string ("…"), whatever the tenant. Per date, under the partition lock:
    1. raw files with matching lines are written anew to a temporary file (gzip kept gzip, written
       deterministically: same input, same bytes);
    2. anonymized partition (only when its month key still exists): rows whose user_key (conversation_key)
       equals HMAC(key, tenant + id) for a tenant of the partition are dropped; the Parquet files are
       rewritten into a staging folder with the manifest (counts.forgotten_rows, a `rewrites` entry, the
       new input checksums, `pending_forget`) and swapped in atomically; without row changes the
       manifest alone is replaced;
    3. the raw files are moved into place (os.replace), then `pending_forget` is removed;
    4. quarantine.jsonl loses the entries of the removed lines and every entry whose raw line matches;
       line numbers of later entries are shifted so they still point at the right raw line.
    A crash before 2 leaves everything as it was; between 2 and 3 purge refuses the date (the manifest
    says a forget is pending) until the same forget is re-run, which produces the same bytes.
    Do not run forget while `tokumei run` works on the same date.

Audit log and the audit key
    `<data_dir>/audit/audit.jsonl`: one JSON object a line (`at` in UTC, `event`, `run_id`, `by`,
    `target`, `why`, `counts`, …), appended with O_APPEND and fsync'd, mode 0600. One entry per deletion
    and per rewritten raw folder, quarantine file or partition, and one summary per purge or forget run.
    The id of a deletion request is never written or printed. It is recorded as `user_id:<h>` where
    h = HMAC-SHA256(audit key, "forget" + field + id), 128 bits, with a dedicated long-lived key
    `<keys_dir>/audit.key` (32 random bytes, 0600, created on first use). Why not the month keys: a
    request spans months, month keys are destroyed on schedule, and the record of the request must stay
    checkable for as long as the audit log is kept; a separate key also keeps audit subjects from being
    joined with the pseudonyms in the anonymized data. Whoever holds audit.key and a candidate id can
    confirm that a request was made for that id: keep it with the month keys. Purge never destroys it.
"""

from flows.retention.audit import audit_append, audit_path, audit_subject, new_run_id, read_audit
from flows.retention.common import RetentionError, Verification, compare_inputs, partitions, today_in, verify_day
from flows.retention.forget import ForgetResult, forget
from flows.retention.purge import DELETE, KEEP, PurgeItem, PurgePlan, PurgeResult, destroy_key, execute_purge, plan_purge

__all__ = [
    "DELETE", "KEEP", "ForgetResult", "PurgeItem", "PurgePlan", "PurgeResult", "RetentionError", "Verification",
    "audit_append",
    "audit_path", "audit_subject", "compare_inputs", "destroy_key", "execute_purge", "forget", "new_run_id",
    "partitions", "plan_purge", "read_audit", "today_in", "verify_day",
]
