#pragma once
// Signed checkpoints of the audit trail. The hash chain (audit_trail.h) shows a record changed
// behind the server, unless whoever changed it recomputed every hash after it: someone with the
// database could. A checkpoint closes that: the number and hash of the trail's last record at a
// moment, signed with the utility's Ed25519 key (kept in a file beside the server, never in the
// database), stored in the database and exported where the database administrator cannot write
// (a file on another system, an email to the auditor). Later, verify_checkpoints proves the trail
// still holds that record with that hash, so nothing up to it was changed, removed, inserted or
// reordered, whatever was recomputed.
//
// A checkpoint is one line of text, so it can be pasted, emailed or appended to a file:
//   ratepayer-audit-checkpoint v1 <at> <last record> <last hash> <public key hex> <signature hex>
// The signature covers "ratepayer-audit-checkpoint v1\n<at>\n<last record>\n<last hash>".

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_trail.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::audit {

// The utility's checkpoint-signing key.
struct SigningKey {
  std::string secret;      // 64 bytes (libsodium's Ed25519 secret key), never logged
  std::string public_hex;  // 64 hex digits: what auditors are given to check signatures with
};

// The key in `file`, made (owner-only permissions) when the file does not exist. Errors:
// unavailable when the file cannot be read or written; invalid_input ("signing_key_file") when it
// holds something other than a key.
Result<SigningKey> load_or_create_signing_key(const std::filesystem::path& file);

struct Checkpoint {
  std::string at;  // UTC instant, "2026-12-06T18:00:00Z"
  std::int64_t last_record = 0;
  std::string last_hash;   // hex; "" for an empty trail
  std::string public_key;  // hex
  std::string signature;   // hex
};

// The checkpoint as its one exportable line (no line break).
std::string checkpoint_line(const Checkpoint& checkpoint);

// Reads a line checkpoint_line wrote. Errors: invalid_input ("checkpoint") naming what is wrong.
Result<Checkpoint> parse_checkpoint_line(std::string_view line);

// Whether the checkpoint's signature is valid for its public key.
bool signature_holds(const Checkpoint& checkpoint);

// Signs the trail's head as it is now and stores the checkpoint (in its own write, so the head
// cannot move while it is read). Errors: the database's.
Result<Checkpoint> write_checkpoint(store::Database& database, const SigningKey& key);

// Every checkpoint stored in the database, oldest first.
Result<std::vector<Checkpoint>> stored_checkpoints(store::Database& database);

struct CheckpointReport {
  std::int64_t checked = 0;
  bool holds = true;
  std::string problem;  // the first checkpoint that does not hold, and why
};

// Checks each of `checkpoints` against the trail: a valid signature (by `trusted_key` when given,
// hex; else by the key the checkpoint names), and the trail's record `last_record` having
// `last_hash`. Errors: the database's.
Result<CheckpointReport> verify_checkpoints(store::Database& database,
                                            const std::vector<Checkpoint>& checkpoints,
                                            const std::optional<std::string>& trusted_key = {});

}  // namespace rp::audit
