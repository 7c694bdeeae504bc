#pragma once
// Sends what the outboxes hold (email.h, text_message.h): a background thread of the server takes
// the messages that are due (at most 50 of each at a time, taken for 5 minutes in a write so that
// another server leaves them alone), hands each email to the Mailer and each text to the Texter,
// and marks the batch sent (clearing bodies) or failed (tried again after 30 s, 1 min, 2 min, ...
// at most an hour apart, the error kept; a text the provider refuses for good is given up at once).
// wake() after a commit that queued mail sends it at once; otherwise the outbox is looked at every
// two seconds. A crash between the mail server taking a batch and it being marked sent sends it
// again once the 5 minutes have passed: at least once, never lost. Producers (add_producer) run
// before each pass, so what they queue goes out in the same pass.

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "notify/email.h"
#include "notify/text_message.h"
#include "store/database.h"

namespace rp::notify {

class EmailDispatcher {
 public:
  // Without a texter, texts stay in the outbox.
  EmailDispatcher(store::Database& database, Mailer& mailer, Texter* texter = nullptr);
  ~EmailDispatcher();  // stops the thread if it runs
  EmailDispatcher(const EmailDispatcher&) = delete;
  EmailDispatcher& operator=(const EmailDispatcher&) = delete;

  // Work that queues email from what was committed elsewhere (e.g. bill notices), run on the
  // dispatcher's thread before each pass; its error is logged and it runs again next pass. Add
  // before start().
  using Producer = std::function<Result<int>()>;
  void add_producer(Producer producer);

  void start();
  void wake();
  void stop();

  struct Pass {
    int sent = 0;
    int failed = 0;
    int texts_sent = 0;
    int texts_failed = 0;  // to be tried again or given up
  };
  // One pass over the due messages (at most 50 emails and 50 texts), on the caller's thread.
  Result<Pass> send_due();

 private:
  void run();
  Result<void> send_due_texts(Pass& pass);

  store::Database& database_;
  Mailer& mailer_;
  Texter* texter_;
  std::vector<Producer> producers_;
  std::mutex mutex_;
  std::condition_variable woken_;
  bool stopping_ = false;
  bool pending_ = false;
  std::thread thread_;
};

}  // namespace rp::notify
