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
  auto due = database_.read<std::vector<Outgoing>>([&](store::Session& session)
                                                       -> Result<std::vector<Outgoing>> {
    auto rows = session.query_named("notify/due_emails", {format_instant(now()), std::int64_t{50}});
    RP_TRY(rows);
    std::vector<Outgoing> out;
    for (const store::Row& row : *rows) {
      out.push_back({row.integer("id"),
                     {row.text("to_address"), row.text("subject"), row.text("body")},
                     row.integer("attempts")});
    }
    return out;
  });
  RP_TRY(due);
  Pass pass;
  for (const Outgoing& email : *due) {
    Result<void> sent = mailer_.send(email.message);
    const Instant at = now();
    auto marked = database_.write_work([&](store::Session& session) -> Result<void> {
      if (sent.ok()) {
        RP_TRY(session.execute_named("notify/mark_email_sent", {format_instant(at), email.id}));
      } else {
        RP_TRY(session.execute_named(
            "notify/mark_email_failed",
            {sent.error().message, format_instant(at + retry_after(email.attempts)), email.id}));
      }
      return success();
    });
    RP_TRY(marked);
    if (sent.ok()) {
      ++pass.sent;
    } else {
      ++pass.failed;
      spdlog::warn("email {} to {} not sent (attempt {}): {}", email.id, email.message.to,
                   email.attempts + 1, sent.error().message);
    }
  }
  RP_TRY(send_due_texts(pass));
  return pass;
}

Result<void> EmailDispatcher::send_due_texts(Pass& pass) {
  if (texter_ == nullptr) return success();
  auto due = database_.read<std::vector<OutgoingText>>(
      [&](store::Session& session) -> Result<std::vector<OutgoingText>> {
        auto rows =
            session.query_named("notify/due_texts", {format_instant(now()), std::int64_t{50}});
        RP_TRY(rows);
        std::vector<OutgoingText> out;
        for (const store::Row& row : *rows) {
          out.push_back({row.integer("id"),
                         {row.text("to_number"), row.text("body")},
                         row.integer("attempts")});
        }
        return out;
      });
  RP_TRY(due);
  for (const OutgoingText& text : *due) {
    Result<std::string> sent = texter_->send(text.message);
    const Instant at = now();
    const bool for_good = !sent.ok() && sent.error().kind == ErrorKind::invalid_input;
    auto marked = database_.write_work([&](store::Session& session) -> Result<void> {
      if (sent.ok()) {
        RP_TRY(session.execute_named("notify/mark_text_sent",
                                     {format_instant(at), *sent, text.id}));
      } else if (for_good) {
        RP_TRY(session.execute_named("notify/give_up_text",
                                     {sent.error().message, format_instant(at), text.id}));
      } else {
        RP_TRY(session.execute_named(
            "notify/mark_text_failed",
            {sent.error().message, format_instant(at + retry_after(text.attempts)), text.id}));
      }
      return success();
    });
    RP_TRY(marked);
    if (sent.ok()) {
      ++pass.texts_sent;
    } else {
      ++pass.texts_failed;
      spdlog::warn("text {} to a number ending {} {} (attempt {}): {}", text.id,
                   text.message.to.substr(text.message.to.size() - 4),
                   for_good ? "refused for good" : "not sent", text.attempts + 1,
                   sent.error().message);
    }
  }
  return success();
}

}  // namespace rp::notify
