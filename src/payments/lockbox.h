#pragma once
// Lockbox: customers mail checks with their bill stubs to the utility's bank, which deposits them
// and sends a BAI2 file of the deposit (bank_files/bai2.h). Importing the file posts each check to
// the account its stub names, and keeps the ones it cannot place in a suspense queue for staff.
//
// Matching, per item (a 16 credit detail record):
//  1. a scan line (billing/document/scan_line.h) in the customer reference or the text: its
//     account, when the account exists (the amount paid is the item's, whatever the stub said);
//  2. else the customer reference as an account number (check digit and all), when it exists;
//  3. else suspense, with the reason in words.
// A closed account's check is posted like any other (its credit is refunded).
//
// Exactly once: the whole file is one transaction, and a file already imported (the same bytes)
// posts nothing again. An item the bank sends again in another file (the same bank account,
// deposit date, bank reference and amount) is recognised and posted once. Details that are not
// credits (type codes outside 100-399: the bank's fees, say) are not payments: they are listed
// as skipped, never posted.
// Every account in the file must be in US dollars.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::payments {

struct LockboxItem {
  std::int64_t id = 0;
  std::int64_t line = 0;
  std::string deposited_on;
  Money amount;
  std::string bank_reference;
  std::string customer_reference;
  std::string text;
  std::string status;          // posted | suspense | applied (a suspense item staff placed)
  std::string reason;          // why it went to suspense
  std::string account_number;  // posted or applied: the account paid
  std::string confirmation;    // posted or applied: the payment
};

struct LockboxImport {
  std::int64_t import_id = 0;
  bool already_imported = false;  // the same file before: nothing posted now
  std::int64_t posted = 0;
  std::int64_t suspense = 0;
  std::int64_t duplicates = 0;  // items already posted from an earlier file
  Money total;                  // of the credit items in the file
  std::vector<LockboxItem> items;
  std::vector<std::string> skipped;  // "line 14: type 475 (not a credit), $12.00"
};

// Errors (nothing posted): invalid_input ("file") naming the line for a malformed BAI2 file or an
// account not in US dollars.
Result<LockboxImport> import_lockbox_file(store::Database& database, std::string_view file,
                                          const std::string& actor);

// The suspense queue, oldest first, after item id `after`; limit 1-100.
Result<std::vector<LockboxItem>> lockbox_suspense(store::Database& database, std::int64_t after,
                                                  std::size_t limit);

// Staff place a suspense item on an account: its payment posts there. Errors: not_found for no
// such item or account; conflict when the item is not in suspense (already applied: the answer
// names the payment).
Result<LockboxItem> apply_lockbox_item(store::Database& database, std::int64_t item_id,
                                       const AccountNumber& account, const std::string& actor);

}  // namespace rp::payments
