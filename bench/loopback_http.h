#pragma once
// One keep-alive HTTP/1.1 connection to a server on loopback, for the benchmark clients: a
// request sent whole, its response read by Content-Length, its status returned.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdint>
#include <string>

namespace rp::bench {

class Connection {
 public:
  explicit Connection(int port) : port_(port) {}
  ~Connection() { close(); }

  // Sends one request and reads its response; the status, or 0 when the connection failed. The
  // response's body goes to `body` when given.
  int exchange(const std::string& message, std::string* body = nullptr) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (fd_ < 0 && !open()) return 0;
      if (::send(fd_, message.data(), message.size(), MSG_NOSIGNAL) ==
          static_cast<ssize_t>(message.size())) {
        const int status = read_response(body);
        if (status > 0) return status;
      }
      close();  // the server closed a kept-alive connection: open a new one once
    }
    return 0;
  }

 private:
  bool open() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) return false;
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    timeval timeout{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port_));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      close();
      return false;
    }
    return true;
  }

  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    buffer_.clear();
  }

  int read_response(std::string* body) {
    std::size_t end_of_head;
    while ((end_of_head = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill()) return 0;
    }
    const std::string head = buffer_.substr(0, end_of_head);
    std::size_t length = 0;
    const std::size_t at = head.find("ontent-Length: ");
    if (at != std::string::npos) length = std::stoul(head.substr(at + 15));
    while (buffer_.size() < end_of_head + 4 + length) {
      if (!fill()) return 0;
    }
    if (body != nullptr) *body = buffer_.substr(end_of_head + 4, length);
    buffer_.erase(0, end_of_head + 4 + length);
    return std::stoi(head.substr(9, 3));
  }

  bool fill() {
    char chunk[8192];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int port_;
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace rp::bench
