// Account claims: knowing an address is not enough to see an account. The email on file, a fact
// printed only on the bills, a link texted to the phone on file or a code mailed to the service
// address proves it; every link is announced, and "this wasn't me" undoes it.

#include "auth/account_claims.h"

#include <gtest/gtest.h>

#include "accounts/account_service.h"
#include "accounts/ledger.h"
#include "accounts/testing/account_fixtures.h"
#include "billing/bill_views.h"
#include "core/time.h"
#include "notify/testing/outbox.h"
#include "store/testing/test_database.h"

namespace rp::auth {
namespace {

using store::testing::count;
using store::testing::query;

constexpr const char* kPassword = "river lamp oboe forty";

class AccountClaimsTest : public ::testing::Test {
 protected:
  AccountClaimsTest() : maria_(accounts::testing::open_sample_account(test_.database())) {
    settings_.public_url = "https://portal.utility.example";
    settings_.recent_amounts_due = &billing::recent_amounts_due;
  }

  store::Database& db() { return test_.database(); }

  std::string emailed_token(const std::string& to, const std::string& marker = "?token=") {
    return notify::testing::emailed_token(db(), to, marker);
  }

  SignedIn sign_up(const std::string& email, const std::string& number = "",
                   const std::string& amount = "", const std::string& phone = "") {
    auto done = register_login(
        db(), settings_, {email, "1204 Elm St", "97477", number, "en", "10.0.0.1", amount, phone});
    EXPECT_TRUE(done.ok()) << (done.ok() ? "" : done.error().message);
    auto signed_in =
        set_first_password(db(), settings_, emailed_token(email), kPassword, "10.0.0.1");
    EXPECT_TRUE(signed_in.ok()) << (signed_in.ok() ? "" : signed_in.error().message);
    return signed_in.ok() ? *signed_in : SignedIn{};
  }

  std::string letter_code() {
    auto rows = query(db(), "SELECT body FROM letters ORDER BY id DESC LIMIT 1");
    if (rows.empty()) return "";
    const std::string body = rows[0].text(0);
    return body.substr(body.find("\n    ") + 5, 9);
  }

  // A released bill of the account, as a bill run leaves it: amount due = balance + charges.
  void bill(std::int64_t number, std::int64_t cents) {
    auto written = test_->write_work([&](store::Session& session) -> Result<void> {
      auto key = accounts::find_account_key(session, maria_);
      RP_TRY(key);
      auto balance = accounts::account_balance(session, key->id);
      RP_TRY(balance);
      RP_TRY(session.query(
          "INSERT INTO bills (account_id, number, status, period_start, period_end, bill_date, "
          "due_date, previous_balance_cents, charges_cents, created_at, released_at) VALUES "
          "(:account, :number, 'released', '2026-10-01', '2026-11-01', '2026-11-01', "
          "'2026-11-21', :previous, :cents, :at, :released) RETURNING id",
          {key->id, number, balance->cents(), cents, format_instant(now()),
           format_instant(now())}));
      RP_TRY(accounts::post_ledger_entry(
          session, {key->id, accounts::LedgerEntryKind::bill, Money::from_cents(cents),
                    "2026-11-01", std::to_string(number), "Bill"}));
      return success();
    });
    ASSERT_TRUE(written.ok()) << written.error().message;
  }

  std::int64_t links() { return count(db(), "SELECT COUNT(*) FROM user_accounts"); }

  void set_phone_on_file(const std::string& phone) {
    auto changed = test_->write_work([&](store::Session& session) -> Result<void> {
      RP_TRY(
          session.execute("UPDATE persons SET phone = :phone WHERE id = "
                          "(SELECT person_id FROM accounts WHERE number = :number)",
                          {phone, maria_.digits()}));
      return success();
    });
    ASSERT_TRUE(changed.ok()) << changed.error().message;
  }

  // The token of the newest texted claim link to `to`, read before the outbox sends it.
  std::string texted_token(const std::string& to) {
    auto rows = query(db(), "SELECT body FROM text_outbox WHERE to_number = '" + to +
                                "' ORDER BY id DESC LIMIT 1");
    if (rows.empty()) return "";
    const std::string body = rows[0].text("body");
    const std::string marker = "/claim-by-text?token=";
    const auto at = body.find(marker);
    if (at == std::string::npos) return "";
    const auto from = at + marker.size();
    return body.substr(from, body.find(' ', from) - from);
  }

  store::testing::TestDatabase test_;
  AccountNumber maria_;
  LoginSettings settings_;
};

TEST_F(AccountClaimsTest, TheEmailOnFileLinksTheAccountOnceTheEmailIsProved) {
  ASSERT_TRUE(
      register_login(db(), settings_,
                     {"Maria@Example.com", "1204 Elm St", "97477", "", "en", "10.0.0.1", "", ""})
          .ok());
  EXPECT_EQ(links(), 0);  // nothing before the emailed link is used
  auto signed_in = set_first_password(db(), settings_, emailed_token("maria@example.com"),
                                      kPassword, "10.0.0.1");
  ASSERT_TRUE(signed_in.ok()) << signed_in.error().message;
  ASSERT_EQ(signed_in->me.accounts.size(), 1u);
  EXPECT_EQ(signed_in->me.accounts[0].number, maria_.digits());
  EXPECT_TRUE(signed_in->me.pending_accounts.empty());
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM account_events WHERE kind = 'login.linked'"), 1);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM letters"), 0);
}

TEST_F(AccountClaimsTest, AStrangerWhoKnowsTheAddressGetsALetterMailedThereNotTheAccount) {
  SignedIn maria = sign_up("maria@example.com");
  SignedIn stranger = sign_up("mallory@example.com");
  EXPECT_TRUE(stranger.me.accounts.empty());
  ASSERT_EQ(stranger.me.pending_accounts.size(), 1u);
  EXPECT_EQ(stranger.me.pending_accounts[0].street, "1204 Elm St");
  EXPECT_FALSE(stranger.me.pending_accounts[0].code_expires_at.empty());
  EXPECT_FALSE(*user_holds_account(db(), stranger.me.user_id, maria_));
  // The letter goes to the service address, in the account's language, for the export.
  auto letter = query(db(), "SELECT recipient, address, language, kind FROM letters");
  ASSERT_EQ(letter.size(), 1u);
  EXPECT_EQ(letter[0].text(0), "Maria Lopez");
  EXPECT_TRUE(letter[0].text(1).starts_with("1204 Elm St\n")) << letter[0].text(1);
  EXPECT_EQ(letter[0].text(3), "account-link-code");

  auto wrong = claim_with_code(db(), settings_, stranger.me.user_id, "AAAA-AAAA");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "claim-code-wrong");
  EXPECT_EQ(links(), 1);
  // Typed in lower case with a space: still the code.
  std::string typed = letter_code();
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  typed[4] = ' ';
  auto claimed = claim_with_code(db(), settings_, stranger.me.user_id, typed);
  ASSERT_TRUE(claimed.ok()) << claimed.error().message;
  ASSERT_EQ(claimed->accounts.size(), 1u);
  EXPECT_TRUE(claimed->pending_accounts.empty());
  // Maria (the email on file, and a login of the account) is told, with a way to undo it.
  const std::string notice = emailed_token("maria@example.com", "/not-me?token=");
  EXPECT_FALSE(notice.empty());
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM link_notices"), 1);
}

TEST_F(AccountClaimsTest, TheAccountNumberAndTheAmountDueOfARecentBillProveIt) {
  bill(1, 84'50);
  bill(2, 60'00);  // amount due: 144.50
  SignedIn wrong_amount = sign_up("first@example.com", maria_.digits(), "99.99");
  EXPECT_TRUE(wrong_amount.me.accounts.empty());
  EXPECT_EQ(wrong_amount.me.pending_accounts.size(), 1u);
  SignedIn right = sign_up("second@example.com", maria_.formatted(), "$144.50");
  ASSERT_EQ(right.me.accounts.size(), 1u);
  SignedIn older = sign_up("third@example.com", maria_.digits(), "84.50");
  EXPECT_EQ(older.me.accounts.size(), 1u);
  // A number alone, or an amount alone, is not enough.
  SignedIn number_only = sign_up("fourth@example.com", maria_.digits(), "");
  EXPECT_TRUE(number_only.me.accounts.empty());
  auto bad = register_login(
      db(), settings_, {"fifth@example.com", "1204 Elm St", "97477", "", "en", "", "lots", ""});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "bill_amount");
}

// The phone on file proves the claim by a texted link, in any common form, after the login's own
// email is proved; the link works once, signed out, and the holder's email hears of the link.
TEST_F(AccountClaimsTest, ALinkTextedToThePhoneOnFileProvesIt) {
  set_phone_on_file("+15415550134");
  SignedIn maria = sign_up("maria@example.com");
  SignedIn cousin = sign_up("rosa@example.com", "", "", "(541) 555-0134");
  EXPECT_TRUE(cousin.me.accounts.empty());
  ASSERT_EQ(cousin.me.pending_accounts.size(), 1u);
  EXPECT_EQ(cousin.me.pending_accounts[0].by, "text");
  EXPECT_EQ(cousin.me.pending_accounts[0].phone_ending, "34");
  EXPECT_FALSE(cousin.me.pending_accounts[0].code_expires_at.empty());
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM letters"), 0);  // no letter: the text proves it
  auto texts = query(db(), "SELECT to_number, body FROM text_outbox");
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0].text("to_number"), "+15415550134");
  const std::string body = texts[0].text("body");
  EXPECT_NE(body.find("r•••@example.com"), std::string::npos) << body;
  const std::string digits = maria_.digits();
  // In the account's language (the sample account reads Spanish).
  EXPECT_NE(body.find("termina en " + digits.substr(digits.size() - 4)), std::string::npos) << body;
  EXPECT_NE(body.find("https://portal.utility.example/claim-by-text?token="), std::string::npos);

  const std::string token = texted_token("+15415550134");
  ASSERT_FALSE(token.empty());
  auto linked = claim_by_text(db(), settings_, token);
  ASSERT_TRUE(linked.ok()) << linked.error().message;
  EXPECT_EQ(linked->account_ending, digits.substr(digits.size() - 4));
  EXPECT_EQ(linked->login, "r•••@example.com");
  EXPECT_TRUE(*user_holds_account(db(), cousin.me.user_id, maria_));
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'login.linked' AND "
                  "details LIKE '%contact_phone%'"),
            1);
  EXPECT_FALSE(emailed_token("maria@example.com", "/not-me?token=").empty());
  auto after = load_me(db(), cousin.me.user_id);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->pending_accounts.empty());

  // Used once: the same link again, or a made-up one, links nothing.
  auto again = claim_by_text(db(), settings_, token);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "link-expired");
  EXPECT_EQ(claim_by_text(db(), settings_, "made-up").error().code, "link-expired");
  EXPECT_EQ(claim_by_text(db(), settings_, "").error().code, "link-expired");
  EXPECT_EQ(links(), 2);
}

TEST_F(AccountClaimsTest, ATextedLinkPastItsDayLinksNothing) {
  set_phone_on_file("5415550134");
  sign_up("maria@example.com");
  SignedIn cousin = sign_up("rosa@example.com", "", "", "541.555.0134");
  const std::string token = texted_token("+15415550134");
  ASSERT_FALSE(token.empty());
  auto aged = test_->write_work([&](store::Session& session) -> Result<void> {
    RP_TRY(
        session.execute("UPDATE account_claims SET expires_at = :at WHERE proof = "
                        "'contact_phone'",
                        {format_instant(now() - std::chrono::minutes(1))}));
    return success();
  });
  ASSERT_TRUE(aged.ok());
  auto late = claim_by_text(db(), settings_, token);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, "link-expired");
  EXPECT_FALSE(*user_holds_account(db(), cousin.me.user_id, maria_));
  auto me = load_me(db(), cousin.me.user_id);
  ASSERT_TRUE(me.ok());
  EXPECT_TRUE(me->pending_accounts.empty());  // expired: add the account again for a new link
}

// A phone that is not the one on file proves nothing: the letter goes to the service address,
// and nothing tells the stranger what the phone on file is.
TEST_F(AccountClaimsTest, AnotherPhoneGetsTheLetterNotAText) {
  set_phone_on_file("+15415550134");
  sign_up("maria@example.com");
  SignedIn stranger = sign_up("mallory@example.com", "", "", "541-555-0199");
  ASSERT_EQ(stranger.me.pending_accounts.size(), 1u);
  EXPECT_EQ(stranger.me.pending_accounts[0].by, "letter");
  EXPECT_EQ(stranger.me.pending_accounts[0].phone_ending, "");
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM text_outbox"), 0);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM letters WHERE kind = 'account-link-code'"), 1);
}

TEST_F(AccountClaimsTest, APhoneThatIsNotAUsNumberIsRefusedAndNothingIsWritten) {
  auto refused = register_login(
      db(), settings_,
      {"rosa@example.com", "1204 Elm St", "97477", "", "en", "10.0.0.1", "", "555-0134"});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "phone");
  EXPECT_EQ(refused.error().code, "phone-invalid");
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM users"), 0);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM email_outbox"), 0);
}

// With no email on file and no other login, no one would hear of the link by email: the holder
// gets a letter at the mailing address, where the bills go, with the same way to undo it.
TEST_F(AccountClaimsTest, AnAccountWithNoEmailOnFileIsToldByLetterAtItsMailingAddress) {
  auto cleared = test_->write_work([&](store::Session& session) -> Result<void> {
    RP_TRY(
        session.execute("UPDATE persons SET email = NULL WHERE id = "
                        "(SELECT person_id FROM accounts WHERE number = :number)",
                        {maria_.digits()}));
    return success();
  });
  ASSERT_TRUE(cleared.ok()) << cleared.error().message;
  bill(1, 84'50);
  SignedIn stranger = sign_up("mallory@example.com", maria_.digits(), "84.50");
  ASSERT_EQ(stranger.me.accounts.size(), 1u);

  auto letters =
      query(db(),
            "SELECT a.mail_line1, l.address, l.body FROM letters l "
            "JOIN accounts a ON a.id = l.account_id WHERE l.kind = 'account-link-notice'");
  ASSERT_EQ(letters.size(), 1u);
  const std::string mailing_line = letters[0].text("mail_line1");
  EXPECT_EQ(letters[0].text("address").substr(0, mailing_line.size()), mailing_line);
  const std::string body = letters[0].text("body");
  EXPECT_NE(body.find("m•••@example.com"), std::string::npos) << body;
  const std::string marker = "/not-me?token=";
  const auto at = body.find(marker);
  ASSERT_NE(at, std::string::npos) << body;
  const std::string token =
      body.substr(at + marker.size(), body.find('\n', at) - at - marker.size());

  ASSERT_TRUE(disown_link(db(), token).ok());
  EXPECT_FALSE(*user_holds_account(db(), stranger.me.user_id, maria_));
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'login.disowned' AND "
                  "actor = 'letter:mailing-address'"),
            1);
}

TEST_F(AccountClaimsTest, AnAccountWithAnEmailOnFileIsToldByEmailNotByLetter) {
  bill(1, 84'50);
  SignedIn stranger = sign_up("mallory@example.com", maria_.digits(), "84.50");
  ASSERT_EQ(stranger.me.accounts.size(), 1u);
  EXPECT_FALSE(emailed_token("maria@example.com", "/not-me?token=").empty());
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM letters WHERE kind = 'account-link-notice'"), 0);
}

TEST_F(AccountClaimsTest, ThisWasntMeUnlinksTheLoginAndEndsItsSessions) {
  sign_up("maria@example.com");
  SignedIn stranger = sign_up("mallory@example.com");
  ASSERT_TRUE(claim_with_code(db(), settings_, stranger.me.user_id, letter_code()).ok());
  auto session = find_session(db(), settings_, stranger.session_token);
  ASSERT_TRUE(session.ok() && *session);

  const std::string token = emailed_token("maria@example.com", "/not-me?token=");
  ASSERT_TRUE(disown_link(db(), token).ok());
  EXPECT_FALSE(*user_holds_account(db(), stranger.me.user_id, maria_));
  EXPECT_FALSE(*find_session(db(), settings_, stranger.session_token));
  EXPECT_EQ(count(db(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'login.disowned' AND "
                  "actor = 'email:maria@example.com'"),
            1);
  auto again = disown_link(db(), token);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "link-expired");
  EXPECT_FALSE(disown_link(db(), "made-up").ok());
}

TEST_F(AccountClaimsTest, FiveWrongCodesEndTheClaim) {
  sign_up("maria@example.com");
  SignedIn stranger = sign_up("mallory@example.com");
  const std::string code = letter_code();
  for (int i = 0; i < kClaimCodeTries; ++i) {
    EXPECT_FALSE(
        claim_with_code(db(), settings_, stranger.me.user_id, "WRNG-000" + std::to_string(i)).ok());
  }
  auto late = claim_with_code(db(), settings_, stranger.me.user_id, code);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, "claim-code-wrong");
  EXPECT_TRUE(load_me(db(), stranger.me.user_id)->pending_accounts.empty());
}

TEST_F(AccountClaimsTest, AnApartmentIsFoundByTheAddressAsItsBillPrintsIt) {
  auto flat = accounts::testing::open_sample_account(
      db(), {"Ana Ruiz", "2777 Pine Blvd", "97477", "E7000017", false, "Unit 107"});
  accounts::testing::open_sample_account(
      db(), {"Bo Chen", "2777 Pine Blvd", "97477", "E7000018", false, "Unit 108"});
  ASSERT_TRUE(register_login(db(), settings_,
                             {"ana@example.com", "2777 Pine Blvd, Apt 107", "97477", "", "en",
                              "10.0.0.1", "", ""})
                  .ok());
  auto signed_in =
      set_first_password(db(), settings_, emailed_token("ana@example.com"), kPassword, "10.0.0.1");
  ASSERT_TRUE(signed_in.ok()) << signed_in.error().message;
  ASSERT_EQ(signed_in->me.accounts.size(), 1u);  // her unit's account, not her neighbour's
  EXPECT_EQ(signed_in->me.accounts[0].number, flat.digits());
  EXPECT_EQ(signed_in->me.accounts[0].service_address,
            "2777 Pine Blvd, Unit 107, Springfield 97477");
  // Without the unit, a building's accounts are not offered at all.
  auto no_unit = register_login(
      db(), settings_, {"x@example.com", "2777 Pine Blvd", "97477", "", "en", "10.0.0.1", "", ""});
  ASSERT_FALSE(no_unit.ok());
  EXPECT_EQ(no_unit.error().field, "address");
  EXPECT_NE(no_unit.error().message.find("unit"), std::string::npos);
}

}  // namespace
}  // namespace rp::auth
