#include "notify/letters.h"

#include "core/csv.h"
#include "core/time.h"

namespace rp::notify {
Result<std::int64_t> queue_letter(store::Session& session, const Letter& letter) {
  for (const auto& [field, value] :
       {std::pair{"recipient", &letter.recipient}, std::pair{"address", &letter.address},
        std::pair{"body", &letter.body}}) {
    if (value->empty()) return invalid_input(field, std::string("a letter needs a ") + field);
  }
  auto inserted = session.query_named(
      "notify/queue_letter", {letter.account_id, letter.kind, letter.recipient, letter.address,
                              letter.language, letter.body, format_instant(now())});
  RP_TRY(inserted);
  return inserted->at(0).integer("id");
}

Result<std::vector<Letter>> letters_to_print(store::Database& database) {
  return database.read<std::vector<Letter>>(
      [](store::Session& session) -> Result<std::vector<Letter>> {
        auto rows = session.query_named("notify/letters_to_print",
                                        {static_cast<std::int64_t>(kLettersPerExport)});
        RP_TRY(rows);
        std::vector<Letter> letters;
        for (const store::Row& row : *rows) {
          letters.push_back({.id = row.integer("id"),
                             .account_id = row.integer("account_id"),
                             .kind = row.text("kind"),
                             .recipient = row.text("recipient"),
                             .address = row.text("address"),
                             .language = row.text("language"),
                             .body = row.text("body"),
                             .created_at = row.text("created_at")});
        }
        return letters;
      });
}

Result<void> mark_letters_exported(store::Database& database,
                                   const std::vector<std::int64_t>& ids) {
  return database.write_work([&](store::Session& session) -> Result<void> {
    const std::string at = format_instant(now());
    for (std::int64_t id : ids)
      RP_TRY(session.execute_named("notify/mark_letter_exported", {at, id}));
    return success();
  });
}

std::string letters_csv(const std::vector<Letter>& letters) {
  std::string out =
      "id,kind,recipient,address_line_1,address_line_2,address_line_3,language,body\r\n";
  for (const Letter& letter : letters) {
    std::vector<std::string> lines;
    std::string rest = letter.address;
    for (std::size_t at; (at = rest.find('\n')) != std::string::npos; rest.erase(0, at + 1)) {
      lines.push_back(rest.substr(0, at));
    }
    lines.push_back(rest);
    while (lines.size() < 3) lines.emplace_back();
    if (lines.size() > 3) {  // more lines than the envelope has: join the extra ones
      for (std::size_t i = 3; i < lines.size(); ++i) lines[2] += ", " + lines[i];
      lines.resize(3);
    }
    out += csv_field(std::to_string(letter.id)) + "," + csv_field(letter.kind) + "," +
           csv_field(letter.recipient) + "," + csv_field(lines[0]) + "," + csv_field(lines[1]) +
           "," + csv_field(lines[2]) + "," + csv_field(letter.language) + "," +
           csv_field(letter.body) + "\r\n";
  }
  return out;
}

}  // namespace rp::notify
