#include "api/account_feed.h"

#include <spdlog/spdlog.h>

#include <set>

#include "core/json_writer.h"

namespace rp::api {

AccountFeed::AccountFeed(store::Database& database, auth::LoginSettings logins,
                         std::chrono::milliseconds poll)
    : database_(database), logins_(std::move(logins)), poll_(poll) {}

AccountFeed::~AccountFeed() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_signal_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Result<void> AccountFeed::start() {
  auto last = database_.read<std::int64_t>([](store::Session& session) -> Result<std::int64_t> {
    auto rows = session.query_named("api/last_account_event");
    RP_TRY(rows);
    return rows->at(0).integer("last_event_id");
  });
  RP_TRY(last);
  {
    std::lock_guard lock(mutex_);
    last_event_ = *last;
  }
  thread_ = std::thread([this] { run(); });
  return success();
}

void AccountFeed::subscribe(std::int64_t session_id,
                            const std::vector<std::string>& account_numbers,
                            std::shared_ptr<http::EventSink> sink) {
  if (account_numbers.empty()) {
    sink->end();
    return;
  }
  std::lock_guard lock(mutex_);
  std::map<std::uint64_t, http::EventSink*> of_session;  // opened -> sink, oldest first
  for (const auto& [number, stream] : by_account_) {
    if (stream.session_id == session_id) of_session.emplace(stream.opened, stream.sink.get());
  }
  while (of_session.size() >= kStreamsPerSession) {
    http::EventSink* oldest = of_session.begin()->second;
    of_session.erase(of_session.begin());
    oldest->end();  // still held by its entries, erased next
    std::erase_if(by_account_,
                  [oldest](const auto& entry) { return entry.second.sink.get() == oldest; });
  }
  const std::uint64_t opened = ++subscriptions_;
  for (const std::string& number : account_numbers) {
    by_account_.emplace(number, Stream{session_id, sink, opened});
  }
}

std::size_t AccountFeed::streams() const {
  std::lock_guard lock(mutex_);
  std::set<const http::EventSink*> distinct;
  for (const auto& [number, stream] : by_account_) distinct.insert(stream.sink.get());
  return distinct.size();
}

Result<std::size_t> AccountFeed::end_streams_of_ended_sessions() {
  std::int64_t first = 0;
  std::int64_t last = 0;
  {
    std::lock_guard lock(mutex_);
    if (by_account_.empty()) return std::size_t{0};
    first = last = by_account_.begin()->second.session_id;
    for (const auto& [number, stream] : by_account_) {
      first = std::min(first, stream.session_id);
      last = std::max(last, stream.session_id);
    }
  }
  // Open streams belong to sessions of the last 12 hours at most: a short range of ids.
  auto ended = auth::ended_sessions_between(database_, logins_, first, last, now());
  RP_TRY(ended);
  const std::set<std::int64_t> gone(ended->begin(), ended->end());
  std::set<http::EventSink*> closed;
  std::lock_guard lock(mutex_);
  for (auto it = by_account_.begin(); it != by_account_.end();) {
    if (!gone.contains(it->second.session_id)) {
      ++it;
      continue;
    }
    if (closed.insert(it->second.sink.get()).second) it->second.sink->end();
    it = by_account_.erase(it);
  }
  return closed.size();
}

Result<std::size_t> AccountFeed::deliver_new_events() {
  std::int64_t after = 0;
  {
    std::lock_guard lock(mutex_);
    after = last_event_;
  }
  struct Event {
    std::int64_t id;
    std::string number;
    std::string kind;
  };
  auto events = database_.read<std::vector<Event>>(
      [&](store::Session& session) -> Result<std::vector<Event>> {
        auto rows = session.query_named("api/account_events_after", {after, std::int64_t{500}});
        RP_TRY(rows);
        std::vector<Event> out;
        for (const store::Row& row : *rows)
          out.push_back({row.integer("id"), row.text("number"), row.text("kind")});
        return out;
      });
  RP_TRY(events);
  std::lock_guard lock(mutex_);
  for (const Event& event : *events) {
    last_event_ = std::max(last_event_, event.id);
    auto [begin, end] = by_account_.equal_range(event.number);
    if (begin == end) continue;
    JsonWriter data;
    data.begin_object().key("account_number").string(event.number);
    data.key("kind").string(event.kind).end_object();
    const std::string text = "event: account\ndata: " + data.take() + "\n\n";
    for (auto it = begin; it != end;) {
      it = it->second.sink->send(text) ? std::next(it) : by_account_.erase(it);
    }
  }
  return events->size();
}

void AccountFeed::keep_alive() {
  std::lock_guard lock(mutex_);
  for (auto it = by_account_.begin(); it != by_account_.end();) {
    it = it->second.sink->send(": keep-alive\n\n") ? std::next(it) : by_account_.erase(it);
  }
}

void AccountFeed::run() {
  using std::chrono::steady_clock;
  auto next_keep_alive = steady_clock::now() + std::chrono::seconds(15);
  auto next_session_check = steady_clock::now() + std::chrono::seconds(5);
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (stop_signal_.wait_for(lock, poll_, [this] { return stopping_; })) return;
    }
    auto delivered = deliver_new_events();
    if (!delivered.ok()) spdlog::warn("account feed: {}", delivered.error().message);
    if (steady_clock::now() >= next_session_check) {
      auto ended = end_streams_of_ended_sessions();
      if (!ended.ok()) spdlog::warn("account feed: {}", ended.error().message);
      next_session_check = steady_clock::now() + std::chrono::seconds(5);
    }
    if (steady_clock::now() >= next_keep_alive) {
      keep_alive();
      next_keep_alive = steady_clock::now() + std::chrono::seconds(15);
    }
  }
}

}  // namespace rp::api
