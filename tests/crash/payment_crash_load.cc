// The client half of the payment crash test (payment_crash_test.sh): many concurrent customers
// paying through POST /api/v1/accounts/{number}/payments while the server is killed and restarted
// under them. Each payment has its own Idempotency-Key; a client retries it (same key, same body)
// until it gets an answer, through refused connections, dropped connections and restarts, and
// sometimes retries once more after an answer, as a client whose answer was lost would. Every
// payment acknowledged (201) is written to stdout as "key confirmation account amount", so the
// script can check that each exists exactly once afterwards. A replay that answers with another
// confirmation is reported as a failure.
//
// usage: payment_crash_load PORT TOKEN ACCOUNTS_FILE CLIENTS PAYMENTS_PER_CLIENT API_KEY

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Answer {
  int status = 0;  // 0: no answer (connection refused, dropped or timed out)
  std::string body;
};

// One request on a fresh connection (Connection: close), so a killed server is just a failed
// attempt.
Answer request(int port, const std::string& head, const std::string& body) {
  Answer answer;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return answer;
  timeval timeout{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return answer;
  }
  const std::string message = head + "Content-Length: " + std::to_string(body.size()) +
                              "\r\nConnection: close\r\n\r\n" + body;
  if (::send(fd, message.data(), message.size(), MSG_NOSIGNAL) !=
      static_cast<ssize_t>(message.size())) {
    ::close(fd);
    return answer;
  }
  std::string received;
  char buffer[4096];
  while (true) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    received.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  const std::size_t end_of_head = received.find("\r\n\r\n");
  if (received.rfind("HTTP/1.1 ", 0) != 0 || end_of_head == std::string::npos) return answer;
  answer.status = std::stoi(received.substr(9, 3));
  answer.body = received.substr(end_of_head + 4);
  return answer;
}

std::string field(const std::string& json, const std::string& name) {
  const std::string key = "\"" + name + "\":\"";
  const std::size_t at = json.find(key);
  if (at == std::string::npos) return "";
  const std::size_t begin = at + key.size();
  return json.substr(begin, json.find('"', begin) - begin);
}

struct Totals {
  std::atomic<long> acknowledged{0};
  std::atomic<long> attempts{0};
  std::atomic<long> replays{0};
  std::atomic<long> failures{0};
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 7) {
    std::cerr << "usage: payment_crash_load PORT TOKEN ACCOUNTS_FILE CLIENTS PAYMENTS API_KEY\n";
    return 2;
  }
  const int port = std::stoi(argv[1]);
  const std::string token = argv[2];
  std::vector<std::string> accounts;
  std::ifstream file(argv[3]);
  for (std::string line; std::getline(file, line);) {
    if (!line.empty()) accounts.push_back(line);
  }
  const int clients = std::stoi(argv[4]);
  const int payments = std::stoi(argv[5]);
  const std::string api_key = argv[6];
  if (accounts.empty()) return 2;
  Totals totals;
  std::mutex output;
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int client = 0; client < clients; ++client) {
    threads.emplace_back([&, client] {
      std::mt19937 random(static_cast<unsigned>(client) * 7919u + 17u);
      for (int i = 0; i < payments; ++i) {
        const std::string account = accounts[random() % accounts.size()];
        const long cents = 100 + static_cast<long>(random() % 9900);
        char amount[32];
        std::snprintf(amount, sizeof amount, "%ld.%02ld", cents / 100, cents % 100);
        const std::string key = "crash-" + std::to_string(client) + "-" + std::to_string(i);
        const std::string head = "POST /api/v1/accounts/" + account +
                                 "/payments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                                 api_key + "\r\nIdempotency-Key: " + key +
                                 "\r\nContent-Type: application/json\r\n";
        const std::string body = std::string("{\"amount\": \"") + amount +
                                 "\", \"payment_method\": {\"token\": \"" + token + "\"}}";
        Answer answer;
        for (int attempt = 0; attempt < 2000; ++attempt) {
          ++totals.attempts;
          answer = request(port, head, body);
          if (answer.status == 201 || (answer.status >= 400 && answer.status < 500)) break;
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (answer.status != 201) {
          ++totals.failures;
          std::cerr << "payment " << key << ": no acknowledgement (last status " << answer.status
                    << ") " << answer.body << "\n";
          continue;
        }
        const std::string confirmation = field(answer.body, "confirmation");
        if (random() % 10 == 0) {  // the answer was "lost": ask again with the same key
          ++totals.replays;
          Answer again;
          for (int attempt = 0; attempt < 2000 && again.status != 201; ++attempt) {
            again = request(port, head, body);
            if (again.status != 201) std::this_thread::sleep_for(std::chrono::milliseconds(20));
          }
          if (field(again.body, "confirmation") != confirmation) {
            ++totals.failures;
            std::cerr << "payment " << key << ": replay answered " << again.body << "\n";
          }
        }
        ++totals.acknowledged;
        std::lock_guard lock(output);
        std::cout << key << " " << confirmation << " " << account << " " << cents << "\n";
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cerr << "{\"acknowledged\": " << totals.acknowledged << ", \"attempts\": " << totals.attempts
            << ", \"replays\": " << totals.replays << ", \"failures\": " << totals.failures
            << ", \"seconds\": " << seconds << "}\n";
  return totals.failures == 0 ? 0 : 1;
}
