#include "notify/email_dispatcher.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <vector>

#include "core/time.h"

namespace rp::notify {
namespace {

struct OutgoingText {
  std::int64_t id = 0;
  TextMessage message;
  std::int64_t attempts = 0;
};

struct Outgoing {
  std::int64_t id = 0;
  EmailMessage message;
  std::int64_t attempts = 0;
};

// How many connections to the mail server a pass uses at once.
constexpr std::size_t kSenders = 4;

// How long a server holds the messages it took before another may send them (it died meanwhile).
constexpr std::chrono::minutes kLease{5};

std::chrono::seconds retry_after(std::int64_t attempts) {
  const std::int64_t doubling = std::min<std::int64_t>(attempts, 7);
  return std::min(std::chrono::seconds(30LL << doubling), std::chrono::seconds(3600));
}

}  // namespace

EmailDispatcher::EmailDispatcher(store::Database& database, Mailer& mailer, Texter* texter)
    : database_(database), mailer_(mailer), texter_(texter) {}

EmailDispatcher::~EmailDispatcher() {
  stop();
}

void EmailDispatcher::add_producer(Producer producer) {
  std::lock_guard lock(mutex_);
  producers_.push_back(std::move(producer));
}

void EmailDispatcher::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void EmailDispatcher::wake() {
  {
    std::lock_guard lock(mutex_);
    pending_ = true;
  }
  woken_.notify_one();
}

void EmailDispatcher::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  woken_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void EmailDispatcher::run() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      woken_.wait_for(lock, std::chrono::seconds(2), [this] { return stopping_ || pending_; });
      if (stopping_) return;
      pending_ = false;
    }
    for (const Producer& producer : producers_) {
      auto produced = producer();
      if (!produced.ok()) spdlog::warn("email producer: {}", produced.error().message);
    }
    auto pass = send_due();
    if (!pass.ok()) spdlog::warn("email outbox: {}", pass.error().message);
  }
}

Result<EmailDispatcher::Pass> EmailDispatcher::send_due() {
  // A read first, so that a pass with nothing due (most of them) takes no write.
  auto any_due = database_.read<bool>([](store::Session& session) -> Result<bool> {
    const std::string at = format_instant(now());
    auto emails = session.query_named("notify/due_emails", {at, std::int64_t{1}});
    RP_TRY(emails);
    if (!emails->empty()) return true;
    auto texts = session.query_named("notify/due_texts", {at, std::int64_t{1}});
    RP_TRY(texts);
    return !texts->empty();
  });
  RP_TRY(any_due);
  if (!*any_due) return Pass{};
  // Taken in a write: with several servers on one database each email goes out from one.
  auto due = database_.write<std::vector<Outgoing>>([&](store::Session& session)
                                                        -> Result<std::vector<Outgoing>> {
    const Instant at = now();
    auto rows = session.query_named("notify/due_emails", {format_instant(at), std::int64_t{50}});
    RP_TRY(rows);
    std::vector<Outgoing> out;
    for (const store::Row& row : *rows) {
      auto claimed = session.execute_named(
          "notify/claim_email",
          {format_instant(at + kLease), row.integer("id"), format_instant(at)});
      RP_TRY(claimed);
      if (*claimed == 0) continue;
      out.push_back({row.integer("id"),
                     {.to = row.text("to_address"),
                      .subject = row.text("subject"),
                      .body = row.text("body"),
                      .html = row.text("html_body"),
                      .unsubscribe_url = row.text("unsubscribe_url"),
                      .message_key = row.text("message_key")},
                     row.integer("attempts")});
    }
    return out;
  });
  RP_TRY(due);
  Pass pass;
  // Each message is handed over, then the batch's outcomes are recorded in one write (a crash
  // between the two sends the batch again once its claim runs out: at least once).
  // Handed over on a few connections at once: the mail server's answers, not our work, are
  // what each message waits for.
  std::vector<std::pair<const Outgoing*, Result<void>>> outcomes;
  outcomes.reserve(due->size());
  for (const Outgoing& email : *due) outcomes.emplace_back(&email, success());
  const std::size_t senders = std::min<std::size_t>(kSenders, outcomes.size());
  std::vector<std::thread> threads;
  for (std::size_t sender = 0; sender < senders; ++sender) {
    threads.emplace_back([&, sender] {
      for (std::size_t i = sender; i < outcomes.size(); i += senders) {
        outcomes[i].second = mailer_.send(outcomes[i].first->message);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const Instant at = now();
  auto marked = database_.write_work([&](store::Session& session) -> Result<void> {
    for (const auto& [email, sent] : outcomes) {
      if (sent.ok()) {
        RP_TRY(session.execute_named("notify/mark_email_sent", {format_instant(at), email->id}));
      } else {
        RP_TRY(session.execute_named(
            "notify/mark_email_failed",
            {sent.error().message, format_instant(at + retry_after(email->attempts)), email->id}));
      }
    }
    return success();
  });
  RP_TRY(marked);
  for (const auto& [email, sent] : outcomes) {
    if (sent.ok()) {
      ++pass.sent;
    } else {
      ++pass.failed;
      spdlog::warn("email {} to {} not sent (attempt {}): {}", email->id, email->message.to,
                   email->attempts + 1, sent.error().message);
    }
  }
  RP_TRY(send_due_texts(pass));
  return pass;
}

Result<void> EmailDispatcher::send_due_texts(Pass& pass) {
  if (texter_ == nullptr) return success();
  auto due = database_.write<std::vector<OutgoingText>>(
      [&](store::Session& session) -> Result<std::vector<OutgoingText>> {
        const Instant at = now();
        auto rows = session.query_named("notify/due_texts", {format_instant(at), std::int64_t{50}});
        RP_TRY(rows);
        std::vector<OutgoingText> out;
        for (const store::Row& row : *rows) {
          auto claimed = session.execute_named(
              "notify/claim_text",
              {format_instant(at + kLease), row.integer("id"), format_instant(at)});
          RP_TRY(claimed);
          if (*claimed == 0) continue;
          out.push_back({row.integer("id"),
                         {row.text("to_number"), row.text("body")},
                         row.integer("attempts")});
        }
        return out;
      });
  RP_TRY(due);
  // As emails: on a few connections at once, the batch's outcomes recorded in one write.
  std::vector<Result<std::string>> outcomes(due->size(), Result<std::string>(std::string()));
  const std::size_t senders = std::min<std::size_t>(kSenders, due->size());
  std::vector<std::thread> threads;
  for (std::size_t sender = 0; sender < senders; ++sender) {
    threads.emplace_back([&, sender] {
      for (std::size_t i = sender; i < due->size(); i += senders) {
        outcomes[i] = texter_->send((*due)[i].message);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const Instant at = now();
  auto marked = database_.write_work([&](store::Session& session) -> Result<void> {
    for (std::size_t i = 0; i < due->size(); ++i) {
      const OutgoingText& text = (*due)[i];
      const Result<std::string>& sent = outcomes[i];
      if (sent.ok()) {
        RP_TRY(
            session.execute_named("notify/mark_text_sent", {format_instant(at), *sent, text.id}));
      } else if (sent.error().kind == ErrorKind::invalid_input) {  // refused for good
        RP_TRY(session.execute_named("notify/give_up_text",
                                     {sent.error().message, format_instant(at), text.id}));
      } else {
        RP_TRY(session.execute_named(
            "notify/mark_text_failed",
            {sent.error().message, format_instant(at + retry_after(text.attempts)), text.id}));
      }
    }
    return success();
  });
  RP_TRY(marked);
  for (std::size_t i = 0; i < due->size(); ++i) {
    const OutgoingText& text = (*due)[i];
    const Result<std::string>& sent = outcomes[i];
    if (sent.ok()) {
      ++pass.texts_sent;
      continue;
    }
    ++pass.texts_failed;
    const bool for_good = sent.error().kind == ErrorKind::invalid_input;
    spdlog::warn("text {} to a number ending {} {} (attempt {}): {}", text.id,
                 text.message.to.substr(text.message.to.size() - 4),
                 for_good ? "refused for good" : "not sent", text.attempts + 1,
                 sent.error().message);
  }
  return success();
}

}  // namespace rp::notify
