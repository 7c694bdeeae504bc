#include "http/test_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace rp::http::testing {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

std::optional<std::string> ClientResponse::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return std::nullopt;
}

TestClient::TestClient(std::uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0) throw std::runtime_error("socket() failed");
  timeval timeout{5, 0};
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd_);
    throw std::runtime_error("connect() failed");
  }
}

TestClient::~TestClient() {
  if (fd_ >= 0) ::close(fd_);
}

void TestClient::send_raw(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent <= 0) return;  // the server closed; the next read shows how
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
}

bool TestClient::fill() {
  char chunk[16384];
  ssize_t received = ::recv(fd_, chunk, sizeof chunk, 0);
  if (received <= 0) return false;
  buffer_.append(chunk, static_cast<std::size_t>(received));
  return true;
}

ClientResponse TestClient::read_response(bool head) {
  while (true) {
    std::size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill()) return {};
    }
    std::string header_block = buffer_.substr(0, end);
    buffer_.erase(0, end + 4);

    ClientResponse response;
    std::size_t line_end = header_block.find("\r\n");
    std::string status_line = header_block.substr(0, line_end);
    response.status = std::atoi(status_line.substr(status_line.find(' ') + 1).c_str());
    std::size_t position = line_end == std::string::npos ? header_block.size() : line_end + 2;
    while (position < header_block.size()) {
      std::size_t next = header_block.find("\r\n", position);
      if (next == std::string::npos) next = header_block.size();
      std::string line = header_block.substr(position, next - position);
      std::size_t colon = line.find(':');
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      response.headers.emplace_back(lower(line.substr(0, colon)), value);
      position = next + 2;
    }
    if (response.status >= 100 && response.status < 200) continue;
    if (head || response.status == 204 || response.status == 304) return response;

    if (auto length = response.header("content-length")) {
      std::size_t size = std::stoul(*length);
      while (buffer_.size() < size) {
        if (!fill()) break;
      }
      response.body = buffer_.substr(0, size);
      buffer_.erase(0, size);
    } else {
      while (fill()) {
      }
      response.body = std::move(buffer_);
      buffer_.clear();
    }
    return response;
  }
}

ClientResponse TestClient::request(std::string_view method, std::string_view target,
                                   std::vector<std::pair<std::string, std::string>> headers,
                                   std::string_view body) {
  std::string message = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\n";
  message += "Host: 127.0.0.1\r\n";
  for (const auto& [name, value] : headers) message += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    message += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  message += "\r\n";
  message += body;
  send_raw(message);
  return read_response(method == "HEAD");
}

std::string TestClient::read_until(std::string_view marker) {
  while (buffer_.find(marker) == std::string::npos) {
    if (!fill()) return "";
  }
  return buffer_;
}

bool TestClient::closed_by_server() {
  char byte;
  while (true) {
    ssize_t received = ::recv(fd_, &byte, 1, 0);
    if (received == 0) return true;
    if (received < 0) return errno == ECONNRESET;
  }
}

ServerOptions RunningServer::for_test(ServerOptions options) {
  options.address = "127.0.0.1";
  options.port = 0;
  return options;
}

RunningServer::RunningServer(Router& router, Metrics& metrics, ServerOptions options)
    : server_(for_test(std::move(options)), router, metrics) {
  auto started = server_.start();
  if (!started.ok()) throw std::runtime_error(started.error().message);
  thread_ = std::thread([this] {
    server_.run();
    returned_ = true;
  });
}

RunningServer::~RunningServer() {
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

bool RunningServer::stop_and_wait(std::chrono::milliseconds limit) {
  server_.stop();
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (!returned_ && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return returned_;
}

}  // namespace rp::http::testing
