// The only translation unit that includes Beast (~17 s to compile): everything that can be decided
// without a socket lives in dispatch.cc, router.cc, static_files.cc and friends.
#include "http/server.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <csignal>
#include <ctime>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "http/dispatch.h"
#include "http/problem.h"
#include "http/static_files.h"
#include "http/url.h"

namespace rp::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr std::uint32_t kHeaderLimit = 16 * 1024;
constexpr std::chrono::seconds kLingerTimeout{2};

std::string endpoint_text(const std::string& address, std::uint16_t port) {
  bool v6 = address.find(':') != std::string::npos;
  return (v6 ? "[" + address + "]" : address) + ":" + std::to_string(port);
}

// The IMF-fixdate for now, formatted once per second per thread.
std::string_view http_date() {
  thread_local std::time_t cached_second = 0;
  thread_local char text[40] = {};
  std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    cached_second = now;
  }
  return text;
}

bool is_parse_error(const beast::error_code& error) {
  static const auto& category = bhttp::make_error_code(bhttp::error::bad_target).category();
  return error.category() == category && error != bhttp::error::end_of_stream &&
         error != bhttp::error::partial_message && error != bhttp::error::need_more;
}

bool has_line_break(std::string_view text) {
  return text.find_first_of("\r\n") != std::string_view::npos;
}

// What the access log and metrics need once the answer is written.
struct Exchange {
  std::string method;
  std::string target;
  std::string request_id;
  std::string_view route = kUnmatchedRoute;
  int status = 0;
  Clock::time_point started;
};

}  // namespace

class Server::Impl {
 public:
  class Session;

  Impl(ServerOptions options, Router& router, Metrics& metrics);
  ~Impl();

  Result<void> start();
  std::uint16_t port() const { return port_; }
  void run();
  void stop();
  void stop_on_signals();

  // For sessions.
  const ServerOptions& options() const { return options_; }
  bool stopping() const { return stopping_.load(std::memory_order_acquire); }
  Response dispatch(Request& request) {
    Response response;
    std::optional<Admission::Pass> pass = admission_.admit(request, response);
    if (!pass) {
      request.route = kOverloadedRoute;
      add_standard_headers(response, request);
    } else {
      response = rp::http::dispatch(router_, static_files_ ? &*static_files_ : nullptr, request);
    }
    if (options_.strict_transport_security) {
      response.set_header("Strict-Transport-Security", "max-age=31536000");
    }
    return response;
  }
  void record(const Exchange& exchange);
  AdmissionStats admission_stats() const { return admission_.stats(); }
  void register_session(const std::shared_ptr<Session>& session);
  void unregister_session(Session* session);

 private:
  void accept();
  void on_accept(beast::error_code error, tcp::socket socket);
  void begin_drain();
  void finish_drain_if_idle();

  ServerOptions options_;
  Router& router_;
  Metrics& metrics_;
  std::optional<StaticFiles> static_files_;
  Admission admission_;

  // Declared before io_context: sessions destroyed with it unregister here.
  std::mutex sessions_mutex_;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions_;
  bool destroying_ = false;  // guarded by sessions_mutex_
  std::atomic<bool> stopping_{false};
  std::uint16_t port_ = 0;

  net::io_context ioc_;
  // Serialises the acceptor, the timers and the signal set (stop() may come from any thread).
  net::strand<net::io_context::executor_type> strand_;
  tcp::acceptor acceptor_;
  net::steady_timer drain_timer_;
  net::steady_timer accept_retry_timer_;
  std::optional<net::signal_set> signals_;
};

// One TCP connection: reads requests one after another (keep-alive) and answers each in turn.
// All its work runs on its own strand.
class Server::Impl::Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server) : stream_(std::move(socket)), server_(server) {
    beast::error_code error;
    auto endpoint = stream_.socket().remote_endpoint(error);
    if (!error) remote_address_ = endpoint.address().to_string();
  }
  ~Session() { server_.unregister_session(this); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void start() {
    server_.register_session(shared_from_this());
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::read_header, shared_from_this()));
  }

  // For stop(): closes the connection unless a request is being answered (an event stream is
  // never finished, so it is closed too).
  void close_if_idle() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_ || self->streaming_) self->close();
    });
  }

  // For the event sink, from any thread: queues `text` on the connection's strand.
  bool queue_event(std::string text) {
    if (closed_.load(std::memory_order_acquire)) return false;
    net::post(stream_.get_executor(),
              [self = shared_from_this(), text = std::move(text)]() mutable {
                self->pending_.push_back(std::make_shared<std::string>(std::move(text)));
                if (!self->writing_event_) self->write_next_event();
              });
    return true;
  }

  // Queues the end of an event stream: a null entry in pending_ (see write_next_event).
  void end_event_stream() {
    if (closed_.load(std::memory_order_acquire)) return;
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      self->pending_.push_back(nullptr);
      if (!self->writing_event_) self->write_next_event();
    });
  }

 private:
  void read_header() {
    if (server_.stopping()) return close();
    parser_.emplace();
    parser_->body_limit(std::max(server_.options().body_limit, server_.options().upload_limit));
    parser_->header_limit(kHeaderLimit);
    // One deadline for the whole request (header and body); it is also the keep-alive idle limit.
    stream_.expires_after(server_.options().read_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  void on_header(beast::error_code error, std::size_t) {
    if (error) return on_read_error(error);
    busy_ = true;
    started_ = Clock::now();
    body_limit_ = limit_for(parser_->get().target());
    // The header was read under the larger of the two limits (read_header): a declared length
    // is judged here, a chunked body as it arrives.
    const auto length = parser_->content_length();
    if (length && *length > body_limit_) return on_read_error(bhttp::error::body_limit);
    parser_->body_limit(body_limit_);
    if (parser_->is_done()) return answer();
    if (beast::iequals(parser_->get()[bhttp::field::expect], "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       [self = shared_from_this()](beast::error_code error, std::size_t) {
                         if (error) return self->close();
                         self->read_body();
                       });
      return;
    }
    read_body();
  }

  void read_body() {
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::on_body, shared_from_this()));
  }

  void on_body(beast::error_code error, std::size_t) {
    if (error) return on_read_error(error);
    answer();
  }

  // The body limit of a request for `target`: the upload limit on an upload path.
  std::size_t limit_for(std::string_view target) const {
    const std::string_view path = target.substr(0, target.find('?'));
    for (const std::string& suffix : server_.options().upload_path_suffixes) {
      if (path.ends_with(suffix)) return server_.options().upload_limit;
    }
    return server_.options().body_limit;
  }

  void on_read_error(beast::error_code error) {
    if (!busy_) started_ = Clock::now();
    // A declared length over the header-time limit stops the read with the header complete.
    if (error == bhttp::error::body_limit && !busy_)
      body_limit_ = limit_for(parser_->get().target());
    if (error == bhttp::error::body_limit) {
      return answer_unreadable(problem(413, "payload-too-large", "Payload too large",
                                       "The request body exceeds the limit of " +
                                           std::to_string(body_limit_) +
                                           " bytes; send a smaller body."));
    }
    if (error == bhttp::error::header_limit) {
      return answer_unreadable(
          problem(431, "header-fields-too-large", "Request header fields too large",
                  "The request header exceeds " + std::to_string(kHeaderLimit) + " bytes."));
    }
    if (is_parse_error(error)) {
      return answer_unreadable(
          problem(400, "bad-request", "Bad request",
                  "The request is not valid HTTP/1.1 (" + error.message() + ")."));
    }
    // The peer went away, stayed idle past the timeout, or the server is stopping.
    close();
  }

  // Answers a request that could not be read completely, then closes the connection.
  void answer_unreadable(Response response) {
    Request request;
    if (parser_->is_header_done()) {
      request.method = std::string(parser_->get().method_string());
      request.target = std::string(parser_->get().target());
      request.request_id = choose_request_id(header_value("X-Request-Id"));
    } else {
      request.request_id = choose_request_id(std::nullopt);
    }
    request.route = kUnmatchedRoute;
    add_standard_headers(response, request);
    linger_ = true;
    send(std::move(request), std::move(response), 11, false);
  }

  std::optional<std::string_view> header_value(std::string_view name) const {
    auto it = parser_->get().find(name);
    if (it == parser_->get().end()) return std::nullopt;
    return it->value();
  }

  void answer() {
    bhttp::request<bhttp::string_body> message = parser_->release();
    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    request.remote_address = remote_address_;
    request.headers.reserve(8);
    for (const auto& field : message) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    request.request_id = choose_request_id(request.header("x-request-id"));
    request.remote_address = client_address(remote_address_, request.header("x-forwarded-for"),
                                            server_.options().trusted_proxies);

    Response response;
    if (auto target = parse_target(request.target)) {
      request.path = std::move(target->path);
      request.query = std::move(target->query);
      request.body = std::move(message.body());
      response = server_.dispatch(request);
    } else {
      request.route = kUnmatchedRoute;
      response = problem(400, "bad-request", "Bad request",
                         "The request target must be a path starting with '/', with valid "
                         "percent-escapes and no encoded NUL.");
      add_standard_headers(response, request);
    }
    if (!response.log_detail.empty()) {
      spdlog::error("http request failed: request_id={} method={} target={} route={}: {}",
                    request.request_id, request.method, loggable_target(request.target),
                    request.route, response.log_detail);
    }
    send(std::move(request), std::move(response), message.version(), message.keep_alive());
  }

  void send(Request request, Response response, unsigned version, bool keep_alive) {
    keep_alive = keep_alive && !server_.stopping() && !linger_;
    if (response.status < 100 || response.status > 599) {
      spdlog::error("http handler returned status {}: request_id={} route={}", response.status,
                    request.request_id, request.route);
      response = problem_from_error(internal_error("invalid status"));
      add_standard_headers(response, request);
    }
    bool bodiless = response.status < 200 || response.status == 204 || response.status == 304;
    std::optional<bhttp::file_body::value_type> file;
    if (!bodiless && !response.file_path.empty()) file = open_file(request, response);

    if (response.events && response.status == 200 && request.method == "GET") {
      exchange_ = Exchange{std::move(request.method),
                           std::move(request.target),
                           std::move(request.request_id),
                           request.route,
                           response.status,
                           started_};
      server_.record(exchange_);
      return open_event_stream(response, version);
    }
    bool head = request.method == "HEAD";
    exchange_ = Exchange{std::move(request.method),
                         std::move(request.target),
                         std::move(request.request_id),
                         request.route,
                         response.status,
                         started_};
    // Recorded before writing: a client never sees an answer that metrics do not count yet.
    server_.record(exchange_);

    if (bodiless || head) {
      bhttp::response<bhttp::empty_body> message;
      prepare(message, response, version, keep_alive);
      if (!bodiless) message.content_length(file ? file->size() : response.body.size());
      return write(std::move(message));
    }
    if (file) {
      bhttp::response<bhttp::file_body> message;
      prepare(message, response, version, keep_alive);
      message.content_length(file->size());
      message.body() = std::move(*file);
      return write(std::move(message));
    }
    bhttp::response<bhttp::string_body> message;
    prepare(message, response, version, keep_alive);
    message.content_length(response.body.size());
    message.body() = std::move(response.body);
    write(std::move(message));
  }

  // Opens response.file_path for streaming; when it cannot be read (deleted since the handler
  // looked), replaces `response` with a 404 problem.
  std::optional<bhttp::file_body::value_type> open_file(const Request& request,
                                                        Response& response) {
    beast::error_code error;
    bhttp::file_body::value_type file;
    file.open(response.file_path.c_str(), beast::file_mode::scan, error);
    if (!error) return file;
    spdlog::error("http cannot open {}: {} (request_id={})", response.file_path, error.message(),
                  request.request_id);
    response = problem(404, "not-found", "Not found", "The file could not be read.");
    add_standard_headers(response, request);
    return std::nullopt;
  }

  template <class Body>
  void prepare(bhttp::response<Body>& message, const Response& response, unsigned version,
               bool keep_alive) {
    message.version(version);
    message.result(static_cast<unsigned>(response.status));
    message.set(bhttp::field::date, http_date());
    if (!response.content_type.empty() && !has_line_break(response.content_type)) {
      message.set(bhttp::field::content_type, response.content_type);
    }
    for (const auto& [name, value] : response.headers) {
      // A line break would let a header value inject headers or a second response.
      if (name.empty() || has_line_break(name) || has_line_break(value)) continue;
      message.insert(name, value);
    }
    message.keep_alive(keep_alive);
  }

  template <class Body>
  void write(bhttp::response<Body> message) {
    auto shared = std::make_shared<bhttp::response<Body>>(std::move(message));
    stream_.expires_after(server_.options().read_timeout);
    bhttp::async_write(stream_, *shared,
                       [self = shared_from_this(), shared](beast::error_code error, std::size_t) {
                         self->on_write(error, shared->keep_alive());
                       });
  }

  void on_write(beast::error_code error, bool keep_alive) {
    busy_ = false;
    if (error) return close();
    if (linger_) return linger_then_close();
    if (!keep_alive || server_.stopping()) return shutdown_and_close();
    read_header();
  }

  class Sink;

  // Writes the headers of a text/event-stream answer, then hands the handler its sink. The
  // connection then carries only the stream; a read watches for the client leaving.
  void open_event_stream(const Response& response, unsigned version) {
    streaming_ = true;
    auto message = std::make_shared<bhttp::response<bhttp::empty_body>>();
    prepare(*message, response, version, false);
    message->set(bhttp::field::content_type, "text/event-stream; charset=utf-8");
    message->set(bhttp::field::cache_control, "no-store");
    message->chunked(true);
    auto serializer = std::make_shared<bhttp::response_serializer<bhttp::empty_body>>(*message);
    stream_.expires_never();
    auto events = response.events;
    bhttp::async_write_header(stream_, *serializer,
                              [self = shared_from_this(), message, serializer, events](
                                  beast::error_code error, std::size_t) {
                                if (error) return self->close();
                                self->watch_for_close();
                                self->hand_over(events);
                              });
  }

  void hand_over(const std::shared_ptr<EventStream>& events);  // after Sink, below

  void write_next_event() {
    if (pending_.empty() || closed_.load(std::memory_order_acquire)) {
      writing_event_ = false;
      return;
    }
    writing_event_ = true;
    auto text = pending_.front();
    pending_.pop_front();
    if (!text) {  // the end: the last chunk, then the connection closes
      closed_.store(true, std::memory_order_release);
      net::async_write(stream_, bhttp::make_chunk_last(),
                       [self = shared_from_this()](beast::error_code, std::size_t) {
                         self->shutdown_and_close();
                       });
      return;
    }
    net::async_write(stream_, bhttp::make_chunk(net::buffer(*text)),
                     [self = shared_from_this(), text](beast::error_code error, std::size_t) {
                       if (error) return self->close();
                       self->write_next_event();
                     });
  }

  // A client of an event stream sends nothing more: any read completing means it left.
  void watch_for_close() {
    stream_.async_read_some(
        net::buffer(discard_),
        [self = shared_from_this()](beast::error_code, std::size_t) { self->close(); });
  }

  // After answering a request whose body was not read, the client may still be sending it.
  // Closing at once would reset the connection and could destroy the answer in the client's
  // receive buffer, so stop sending, drain what arrives for a moment, then close.
  void linger_then_close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(kLingerTimeout);
    drain();
  }

  void drain() {
    stream_.async_read_some(net::buffer(discard_),
                            [self = shared_from_this()](beast::error_code error, std::size_t) {
                              if (error) return self->close();
                              self->drain();
                            });
  }

  void shutdown_and_close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    close();
  }

  void close() {
    closed_.store(true, std::memory_order_release);
    stream_.close();
  }

  beast::tcp_stream stream_;
  Server::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string remote_address_;
  bool busy_ = false;    // between a complete request header and its answer written
  bool linger_ = false;  // the connection ends after this answer (request not fully read)
  Clock::time_point started_;
  std::size_t body_limit_ = 0;  // this request's: the upload limit on an upload path
  Exchange exchange_;
  std::array<char, 4096> discard_;
  bool streaming_ = false;  // the answer is an event stream (open_event_stream)
  bool writing_event_ = false;
  std::deque<std::shared_ptr<std::string>> pending_;
  std::atomic<bool> closed_{false};
};

class Server::Impl::Session::Sink final : public EventSink {
 public:
  explicit Sink(std::weak_ptr<Session> session) : session_(std::move(session)) {}
  bool send(std::string text) override {
    auto session = session_.lock();
    return session && session->queue_event(std::move(text));
  }
  void end() override {
    if (auto session = session_.lock()) session->end_event_stream();
  }

 private:
  std::weak_ptr<Session> session_;
};

void Server::Impl::Session::hand_over(const std::shared_ptr<EventStream>& events) {
  if (events->on_open) events->on_open(std::make_shared<Sink>(weak_from_this()));
}

Server::Impl::Impl(ServerOptions options, Router& router, Metrics& metrics)
    : options_(std::move(options)),
      router_(router),
      metrics_(metrics),
      admission_(options_.admission),
      ioc_(std::max(1, options_.threads)),
      strand_(net::make_strand(ioc_)),
      acceptor_(ioc_),
      drain_timer_(ioc_),
      accept_retry_timer_(ioc_) {
  if (!options_.static_root.empty())
    static_files_.emplace(options_.static_root, options_.page_data);
}

Server::Impl::~Impl() {
  std::lock_guard lock(sessions_mutex_);
  destroying_ = true;
}

Result<void> Server::Impl::start() {
  std::string where = endpoint_text(options_.address, options_.port);
  beast::error_code error;
  auto address = net::ip::make_address(options_.address, error);
  if (error) {
    return invalid_input("address", "cannot listen on " + where + ": '" + options_.address +
                                        "' is not an IP address");
  }
  tcp::endpoint endpoint(address, options_.port);
  auto fail = [&](const beast::error_code& cause) -> Result<void> {
    beast::error_code ignored;
    acceptor_.close(ignored);
    return unavailable("cannot listen on " + where + ": " + cause.message());
  };
  acceptor_.open(endpoint.protocol(), error);
  if (error) return fail(error);
  acceptor_.set_option(net::socket_base::reuse_address(true), error);
  if (error) return fail(error);
  acceptor_.bind(endpoint, error);
  if (error) return fail(error);
  acceptor_.listen(net::socket_base::max_listen_connections, error);
  if (error) return fail(error);
  port_ = acceptor_.local_endpoint(error).port();
  spdlog::info("http listening on {} with {} io threads", endpoint_text(options_.address, port_),
               options_.threads);
  net::dispatch(strand_, [this] { accept(); });
  return success();
}

void Server::Impl::run() {
  auto serve = [this] {
    try {
      ioc_.run();
    } catch (const std::exception& error) {
      spdlog::critical("http io thread failed: {}", error.what());
      stop();
    }
  };
  std::vector<std::thread> threads;
  for (int i = 1; i < options_.threads; ++i) threads.emplace_back(serve);
  serve();
  for (auto& thread : threads) thread.join();
}

void Server::Impl::stop() {
  if (stopping_.exchange(true, std::memory_order_acq_rel)) return;
  net::post(strand_, [this] { begin_drain(); });
}

void Server::Impl::stop_on_signals() {
  signals_.emplace(ioc_, SIGINT, SIGTERM);
  signals_->async_wait(net::bind_executor(strand_, [this](beast::error_code error, int signal) {
    if (error) return;
    spdlog::info("http received signal {}; stopping", signal);
    stop();
  }));
}

void Server::Impl::accept() {
  acceptor_.async_accept(
      net::make_strand(ioc_),
      net::bind_executor(strand_, beast::bind_front_handler(&Server::Impl::on_accept, this)));
}

void Server::Impl::on_accept(beast::error_code error, tcp::socket socket) {
  if (!acceptor_.is_open() || stopping()) return;
  if (error) {
    // Typically EMFILE: wait a little instead of spinning on the failing accept.
    spdlog::warn("http accept failed: {}", error.message());
    accept_retry_timer_.expires_after(std::chrono::milliseconds(50));
    accept_retry_timer_.async_wait(net::bind_executor(strand_, [this](beast::error_code error) {
      if (!error && acceptor_.is_open()) accept();
    }));
    return;
  }
  beast::error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);
  std::make_shared<Session>(std::move(socket), *this)->start();
  accept();
}

void Server::Impl::register_session(const std::shared_ptr<Session>& session) {
  std::lock_guard lock(sessions_mutex_);
  sessions_.emplace(session.get(), session);
}

void Server::Impl::unregister_session(Session* session) {
  std::lock_guard lock(sessions_mutex_);
  sessions_.erase(session);
  if (sessions_.empty() && stopping() && !destroying_) {
    net::post(strand_, [this] { finish_drain_if_idle(); });
  }
}

void Server::Impl::begin_drain() {
  beast::error_code ignored;
  acceptor_.close(ignored);
  accept_retry_timer_.cancel();
  if (signals_) signals_->cancel(ignored);
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(sessions_mutex_);
    for (auto& [pointer, weak] : sessions_) {
      if (auto session = weak.lock()) live.push_back(std::move(session));
    }
  }
  for (auto& session : live) session->close_if_idle();
  spdlog::info("http stopping: {} open connection(s), waiting up to {}s for in-flight requests",
               live.size(), options_.shutdown_grace.count());
  drain_timer_.expires_after(options_.shutdown_grace);
  drain_timer_.async_wait(net::bind_executor(strand_, [this](beast::error_code error) {
    if (error) return;  // cancelled: everything finished in time
    std::size_t busy = 0;
    {
      std::lock_guard lock(sessions_mutex_);
      busy = sessions_.size();
    }
    spdlog::warn("http stop: {} connection(s) still busy after {}s; abandoning them", busy,
                 options_.shutdown_grace.count());
    ioc_.stop();
  }));
  finish_drain_if_idle();
}

void Server::Impl::finish_drain_if_idle() {
  bool idle = false;
  {
    std::lock_guard lock(sessions_mutex_);
    idle = sessions_.empty();
  }
  if (idle) drain_timer_.cancel();
}

void Server::Impl::record(const Exchange& exchange) {
  auto duration = Clock::now() - exchange.started;
  metrics_.record_request(exchange.method, exchange.route, exchange.status, duration);
  if (options_.access_log) {
    spdlog::info("http method={} target={} status={} duration_ms={:.3f} request_id={} route={}",
                 exchange.method, loggable_target(exchange.target), exchange.status,
                 std::chrono::duration<double, std::milli>(duration).count(), exchange.request_id,
                 exchange.route);
  }
}

Server::Server(ServerOptions options, Router& router, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, metrics)) {}
Server::~Server() = default;
Result<void> Server::start() {
  return impl_->start();
}
std::uint16_t Server::port() const {
  return impl_->port();
}
void Server::run() {
  impl_->run();
}
void Server::stop() {
  impl_->stop();
}
void Server::stop_on_signals() {
  impl_->stop_on_signals();
}

AdmissionStats Server::admission_stats() const {
  return impl_->admission_stats();
}

}  // namespace rp::http
