#pragma once
// BAI2 (BAI Cash Management Balance Reporting, version 2): the report a bank sends a utility each
// morning of what reached its accounts, lockbox and check deposits among them. Pure: text in,
// values out.
//
//   01 file header
//     02 group header (one originating bank, one as-of date)
//       03 account identifier and summary (type code, amount, item count, funds type)...
//         16 transaction detail...
//       49 account trailer: control total, record count
//     98 group trailer: control total, account count, record count
//   99 file trailer: control total, group count, record count
//   88 continues whichever record precedes it
//
// Records are comma-separated fields ended by "/". Fields flow on from a record into its 88
// continuations, so a field list may break anywhere between fields. The text of a 16 record is
// the rest of the record (it may hold commas) and is not ended by "/" in the standard; a trailing
// "/" is dropped all the same, as many banks write one (a text that truly ends in "/" loses it).
// Text continued on 88 records is joined with one space. Lines may end in LF or CRLF; blank lines
// are skipped and not counted. Dates are YYMMDD in 2000-2099.
//
// Amounts are integers in the currency's minor unit (cents for USD) with an optional sign and no
// decimal point; they are kept as written in Money. Money means US dollars, so a caller must post
// only USD accounts and set the others aside.

#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"

namespace rp::payments::bai2 {

// A 16 transaction detail record with its 88 continuations.
struct Item {
  std::string type_code;           // 3 digits, e.g. "115" lockbox deposit, "175" check deposit
  Money amount;                    // unsigned in the file: the type code says credit or debit
  std::string bank_reference;      // may be empty
  std::string customer_reference;  // may be empty; for a lockbox often the remitter's account
  std::string text;                // detail text, continuations joined by a space; may be empty
  int line = 0;                    // the line the 16 record starts on (the first line is 1)
};

struct Account {
  std::string account_number;
  std::string currency;  // the 03's currency, else the group's, else "USD"
  std::vector<Item> items;
  Money control_total;  // from the 49 record, checked
};

struct Group {
  std::string originator, ultimate_receiver;
  LocalDate as_of_date;
  std::vector<Account> accounts;
};

struct File {
  std::string sender, receiver;
  LocalDate creation_date;
  std::string creation_time;  // HHMM as written: 0000-2400, or 9999 for end of day
  std::string file_id;
  std::vector<Group> groups;
};

// Reads and checks a whole BAI2 file; nothing is returned unless all of it is sound.
// Checked: the record order (01 (02 (03 (16)* 49)* 98)* 99, an 88 after any record, nothing after
// the 99); version 2 in the 01 when given; dates, times, type codes, amounts, counts and funds
// types (blank, 0, 1, 2, Z; V with a value date and time; S with three amounts; D with a count and
// that many day/amount pairs); the 49 control total (the sum of the amounts in the 03 and its 16s,
// not counting availability amounts) and record count (03 to 49, 88s included); the 98 control
// total (sum of its 49s), account count and record count (02 to 98); the 99 control total (sum of
// the 98s), group count and record count (01 to 99). Control totals are required; counts are
// checked when given.
// Errors: invalid_input, field "file", with a message "line N: " and what is wrong.
Result<File> parse_bai2(std::string_view text);

}  // namespace rp::payments::bai2
