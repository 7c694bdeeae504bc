#pragma once
// `ratepayer audit verify` and `ratepayer audit checkpoint`: the tamper-evident audit trail
// (audit/audit_trail.h, audit/checkpoints.h) from the command line.

#include <string>

#include "app/config.h"

namespace rp::app {

struct AuditVerifyRequest {
  std::string checkpoints_file;  // exported checkpoint lines to check the trail against; "" none
  std::string public_key;        // the utility's key (hex) the checkpoints must be signed with
};

// Walks the whole trail and checks every checkpoint stored in the database, then each line of
// request.checkpoints_file. Exit 0 when everything holds (prints how many records and checkpoints
// were checked and how long it took), 1 otherwise, naming the first bad record or checkpoint.
int audit_verify_command(const Config& config, const AuditVerifyRequest& request);

// Signs a checkpoint now (take_checkpoint: stored, appended to audit.checkpoint_file, emailed to
// audit.auditor_email) and prints its line. Exit 0, or 1 with the reason.
int audit_checkpoint_command(const Config& config);

// Prunes every audit record past the configured retention (audit/retention.h) and prints how
// many. Exit 0, or 1 with the reason.
int audit_prune_command(const Config& config);

}  // namespace rp::app
