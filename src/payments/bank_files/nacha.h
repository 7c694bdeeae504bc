#pragma once
// NACHA ACH files: writing the debit file a utility sends its bank (the ODFI) to collect autopay
// and portal payments, and reading the return entries the bank sends back. Pure: text in, text
// out, no I/O.
//
// The written file follows the NACHA layout: 94-character records, each ended by "\n":
//
//   1  file header
//   5  batch header         } once per batch: debits only (service class 225),
//   6  entry detail ...     } one SEC code and effective entry date per batch,
//   8  batch control        } no addenda records
//   9  file control
//   9999...9  padding records (94 '9's) up to a multiple of 10 records (blocking factor 10)
//
// Fields are fixed width: numeric fields zero-padded and right-justified; alphanumeric fields
// upper-cased, left-justified and space-padded. NACHA allows only printable ASCII (0x20-0x7E):
//  - names and descriptions (destination_name, origin_name, company_name,
//    company_entry_description, company_descriptive_date, individual_name) are UTF-8: Latin
//    letters with accents are folded to their base letters ("José Núñez" -> "JOSE NUNEZ",
//    "ß" -> "SS", "Æ" -> "AE"); any other character outside printable ASCII (a control
//    character, another script, an emoji, malformed UTF-8) becomes a space. The bank does not
//    match names, and a customer's name must not stop a whole payment run.
//  - identifiers (routing and account numbers, company_id, immediate_origin, individual_id) are
//    refused when they hold a character outside their set: changing them would change whom the
//    file names.
// Lengths are checked after folding. individual_name alone is cut to its 22 characters (long
// customer names are common and the bank keeps only 22); every other field that is too long is
// refused, since it is configuration or an identifier someone must correct.
//
// Positions 77-78 of an entry (discretionary data; the WEB/TEL payment type code) are blank.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"

namespace rp::payments::nacha {

// The utility as its bank knows it: one per file.
struct Originator {
  std::string immediate_destination;  // the ODFI's routing number, 9 digits (ABA check digit valid)
  std::string destination_name;       // up to 23 characters, may be empty
  std::string immediate_origin;       // 10 characters ("1" + 9-digit tax id), or 9 digits (then
                                      // written right-justified with a leading space)
  std::string origin_name;            // up to 23, may be empty
  std::string company_name;           // 1-16: what the customer's statement shows
  std::string company_id;             // exactly 10 letters or digits, as the bank assigned
  std::string company_entry_description = "UTILITY";  // 1-10: shown on the statement
  std::string odfi_identification;  // 8 digits: the ODFI routing number without its check digit
};

// One debit to a customer's bank account.
struct DebitEntry {
  std::string routing_number;   // 9 digits, ABA check digit valid
  std::string account_number;   // 1-17 letters, digits or '-'
  std::string account_type;     // "checking" (transaction code 27) | "savings" (37)
  Money amount;                 // positive, at most $99,999,999.99
  std::string individual_id;    // up to 15 printable characters: the utility's account number
  std::string individual_name;  // not blank; cut to 22 characters
  // 1..9999999, unique within the file and ascending within a batch. The trace number is
  // odfi_identification + these 7 digits; returns name the entry by it.
  std::int64_t trace_sequence = 0;
};

struct Batch {
  std::string sec_code;                  // "WEB" | "PPD" | "TEL"
  LocalDate effective_entry_date;        // not before the file's creation_date
  std::string company_descriptive_date;  // up to 6, may be empty
  std::vector<DebitEntry> entries;       // at least one
};

struct AchFile {
  Originator originator;
  LocalDate creation_date;  // 2000-2099, like every date here (NACHA writes YYMMDD)
  int creation_hour = 0, creation_minute = 0;  // 0-23, 0-59
  char file_id_modifier = 'A';                 // A-Z or 0-9: tells apart files made the same day
  std::vector<Batch> batches;                  // at least one; numbered 1.. in this order
};

// The file as NACHA specifies (see the top of this header). Batch and file control records carry
// the entry counts, the entry hash (the sum of the entries' 8-digit receiving DFI ids, keeping its
// last 10 digits), the total debit and a total credit of zero; the file control also carries the
// batch count and the block count (records / 10).
// Errors: invalid_input naming the field at fault: "originator.company_id", "creation_date",
// "file_id_modifier", "batches", "batches[1].sec_code", "batches[0].entries",
// "batches[0].entries[3].routing_number", "batches[0].entries[3].trace_sequence" (out of range,
// repeated, or not ascending), "batches[0].entries" also for a batch total over
// $9,999,999,999.99, "batches" also for a file total over that or more than 9,999,990 records.
// Messages say what is allowed and never repeat an account number.
Result<std::string> write_ach_file(const AchFile& file);

// A return entry from a NACHA return file the bank sends back: an entry detail (6) record followed
// by its addenda (7) record with addenda type code "99".
struct ReturnEntry {
  std::string return_code;            // "R01"
  std::string original_trace_number;  // 15 digits: the trace number of the debit we sent
  Money amount;                       // as written in the 6 record (10 digits of cents)
  std::string individual_id;          // trimmed: the utility's account number we sent
  std::string addenda_information;    // trimmed, may be empty
};

// Reads every return entry, in file order. Lines end with "\n" or "\r\n"; empty lines are
// skipped; the other records (1, 5, 8, 9 and padding) are accepted and not checked further.
// A file whose records are not separated by line ends is refused as one long record.
// Errors: invalid_input, field "file", with a message starting "line N: " for a record that is
// not 94 characters, an unknown record type (not 1, 5, 6, 7, 8 or 9), a 6 record whose addenda
// is missing or not type 99 (a notification of change, type 98, is not a return), a 7 record with
// no 6 before it, a bad return code (not R + 2 digits), and an amount or trace number that is not
// all digits.
Result<std::vector<ReturnEntry>> read_ach_returns(std::string_view file);

}  // namespace rp::payments::nacha
