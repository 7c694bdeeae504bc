// Service orders over the database: created once per key, moved with who did it, each move an
// account event, another account's order out of reach, and the dispatcher's open orders.

#include "orders/orders.h"

#include "orders/crews.h"

#include <gtest/gtest.h>

#include <barrier>
#include <thread>
#include <vector>

#include "accounts/testing/account_fixtures.h"
#include "notify/notices.h"
#include "store/testing/test_database.h"

namespace rp::orders {
namespace {

using store::testing::count;
using store::testing::query;

Instant at(const char* text) {
  return *parse_instant(text, "at");
}

NewOrder asking(OrderKind kind, const std::string& details, const std::string& external_id = "") {
  NewOrder order;
  order.kind = kind;
  order.details = details;
  order.external_id = external_id;
  return order;
}

MoveRequest by(OrderAction action, Actor actor = Actor::staff) {
  MoveRequest request;
  request.action = action;
  request.actor_kind = actor;
  return request;
}

OpenOrderFilter in_area(const std::string& zip) {
  OpenOrderFilter filter;
  filter.area = zip;
  return filter;
}

OpenOrderFilter of_crew(const std::string& crew) {
  OpenOrderFilter filter;
  filter.crew = crew;
  return filter;
}

class OrdersTest : public ::testing::Test {
 protected:
  OrdersTest()
      : maria_(accounts::testing::open_sample_account(test_.database())),
        ben_(accounts::testing::open_sample_account(
            test_.database(), {"Ben Ortiz", "17 Oak Ave", "97478-1234", "E2000017", false})) {}

  ServiceOrder reread(const std::string& key = "key-1") {
    auto created =
        create_order(test_.database(), maria_,
                     asking(OrderKind::meter_reread, "The read looks too high"), key, "customer:1");
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? *created : ServiceOrder{};
  }

  MoveRequest scheduling() {
    MoveRequest request;
    request.action = OrderAction::schedule;
    request.window_start = at("2026-12-08T16:00:00Z");
    request.window_end = at("2026-12-08T20:00:00Z");
    return request;
  }

  store::testing::TestDatabase test_;
  AccountNumber maria_;
  AccountNumber ben_;
};

TEST_F(OrdersTest, AnOrderIsCreatedOncePerKeyAndMovedWithWhoMovedIt) {
  ServiceOrder order = reread();
  EXPECT_EQ(order.number, order_number(order.id));
  EXPECT_EQ(order.status, OrderStatus::received);
  EXPECT_FALSE(order.replayed);
  ServiceOrder again = reread();
  EXPECT_EQ(again.id, order.id);
  EXPECT_TRUE(again.replayed);
  auto different =
      create_order(test_.database(), maria_, asking(OrderKind::investigate, "Something else"),
                   "key-1", "customer:1");
  ASSERT_FALSE(different.ok());
  EXPECT_EQ(different.error().field, "idempotency_key");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM service_orders"), 1);

  auto scheduled = move_order(test_.database(), maria_, order.id, scheduling(), "staff:4");
  ASSERT_TRUE(scheduled.ok()) << scheduled.error().message;
  EXPECT_EQ(scheduled->status, OrderStatus::scheduled);
  EXPECT_EQ(format_instant(*scheduled->window_start), "2026-12-08T16:00:00Z");
  MoveRequest dispatch = by(OrderAction::dispatch);
  EXPECT_EQ(move_order(test_.database(), maria_, order.id, dispatch, "staff:4").error().field,
            "crew");
  dispatch.crew = "Crew 2";
  ASSERT_TRUE(move_order(test_.database(), maria_, order.id, dispatch, "staff:4").ok());
  // The customer may no longer cancel: a crew is on it.
  MoveRequest cancel = by(OrderAction::cancel, Actor::customer);
  auto late = move_order(test_.database(), maria_, order.id, cancel, "customer:1");
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, "order-move-not-allowed");
  ASSERT_TRUE(
      move_order(test_.database(), maria_, order.id, by(OrderAction::arrive), "staff:9").ok());
  auto done = move_order(test_.database(), maria_, order.id, by(OrderAction::complete), "staff:9");
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->status, OrderStatus::completed);
  ASSERT_EQ(done->moves.size(), 5u);
  EXPECT_EQ(done->moves[0].action, "create");
  EXPECT_EQ(done->moves[4].actor, "staff:9");
  auto events =
      query(test_.database(),
            "SELECT kind, actor FROM account_events WHERE kind LIKE 'order.%' ORDER BY id");
  ASSERT_EQ(events.size(), 5u);
  EXPECT_EQ(events[0].text(0), "order.received");
  EXPECT_EQ(events[0].text(1), "customer:1");
  EXPECT_EQ(events[4].text(0), "order.completed");
}

TEST_F(OrdersTest, BadMovesAndAnotherAccountsOrderChangeNothing) {
  ServiceOrder order = reread();
  EXPECT_EQ(move_order(test_.database(), ben_, order.id, scheduling(), "staff:4").error().kind,
            ErrorKind::not_found);
  MoveRequest backwards = scheduling();
  std::swap(backwards.window_start, backwards.window_end);
  EXPECT_EQ(move_order(test_.database(), maria_, order.id, backwards, "staff:4").error().field,
            "window");
  EXPECT_EQ(move_order(test_.database(), maria_, order.id, by(OrderAction::fail), "staff:4")
                .error()
                .field,
            "note");
  auto skipped =
      move_order(test_.database(), maria_, order.id, by(OrderAction::complete), "staff:4");
  ASSERT_FALSE(skipped.ok());
  EXPECT_EQ(skipped.error().code, "order-move-not-allowed");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM service_order_moves"), 1);
  EXPECT_EQ(query(test_.database(), "SELECT status FROM service_orders")[0].text(0), "received");
  EXPECT_EQ(*parse_order_number("SO000017"), 17);
  EXPECT_FALSE(parse_order_number("SO-17").ok());
  EXPECT_FALSE(parse_order_number("").ok());
}

TEST_F(OrdersTest, TheDispatcherSeesOpenOrdersByWindowAndThoseWithoutOne) {
  ServiceOrder first = reread("key-1");
  ServiceOrder second = reread("key-2");
  ASSERT_TRUE(move_order(test_.database(), maria_, first.id, scheduling(), "staff:4").ok());
  auto day = open_orders(test_.database(), at("2026-12-08T08:00:00Z"), at("2026-12-09T08:00:00Z"),
                         false, 100);
  ASSERT_TRUE(day.ok());
  ASSERT_EQ(day->size(), 1u);
  EXPECT_EQ(day->at(0).id, first.id);
  auto waiting = open_orders(test_.database(), {}, {}, true, 100);
  ASSERT_TRUE(waiting.ok());
  ASSERT_EQ(waiting->size(), 1u);
  EXPECT_EQ(waiting->at(0).id, second.id);
  auto mine = account_orders(test_.database(), maria_);
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->size(), 2u);
  EXPECT_TRUE(account_orders(test_.database(), ben_)->empty());
}

TEST_F(OrdersTest, TheDispatcherNarrowsTheBoardToAnArea) {
  ServiceOrder marias = reread("key-1");
  auto bens = create_order(test_.database(), ben_, asking(OrderKind::investigate, "Leak"), "key-2",
                           "staff:4");
  ASSERT_TRUE(bens.ok()) << bens.error().message;
  // The area is the premise's: five digits of its ZIP code, and its city.
  EXPECT_EQ(marias.area_zip, "97477");
  EXPECT_EQ(bens->area_zip, "97478");
  EXPECT_EQ(bens->area_city, "Springfield");
  ASSERT_TRUE(move_order(test_.database(), ben_, bens->id, scheduling(), "staff:4").ok());
  ASSERT_TRUE(move_order(test_.database(), maria_, marias.id, scheduling(), "staff:4").ok());
  const Instant day_start = at("2026-12-08T08:00:00Z");
  const Instant day_end = at("2026-12-09T08:00:00Z");
  auto in_97478 = open_orders(test_.database(), day_start, day_end, false, 100, in_area("97478"));
  ASSERT_TRUE(in_97478.ok());
  ASSERT_EQ(in_97478->size(), 1u);
  EXPECT_EQ(in_97478->front().id, bens->id);
  auto both = open_orders(test_.database(), day_start, day_end, false, 100);
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->size(), 2u);
  EXPECT_TRUE(
      open_orders(test_.database(), day_start, day_end, false, 100, in_area("97401"))->empty());
  // The waiting list narrows the same way.
  ServiceOrder waiting = reread("key-3");
  auto waiting_here = open_orders(test_.database(), {}, {}, true, 100, in_area("97477"));
  ASSERT_TRUE(waiting_here.ok());
  ASSERT_EQ(waiting_here->size(), 1u);
  EXPECT_EQ(waiting_here->front().id, waiting.id);
  EXPECT_TRUE(open_orders(test_.database(), {}, {}, true, 100, in_area("97478"))->empty());
}

TEST_F(OrdersTest, AnExternalIdNamesOneOrder) {
  ASSERT_TRUE(create_order(test_.database(), maria_, asking(OrderKind::investigate, "", "WMS-1"),
                           "key-1", "api_key:2")
                  .ok());
  auto taken = create_order(test_.database(), ben_, asking(OrderKind::investigate, "", "WMS-1"),
                            "key-1", "api_key:2");
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().kind, ErrorKind::conflict);
}

TEST_F(OrdersTest, TheCustomerIsToldOfTheWindowInTheirLanguageAndLocalTime) {
  ASSERT_TRUE(notify::start_notices(test_.database()).ok());
  ServiceOrder order = reread();
  // 16:00-20:00 UTC on December 8 is 8 AM to noon in Los Angeles, the utility's zone.
  ASSERT_TRUE(move_order(test_.database(), maria_, order.id, scheduling(), "staff:4").ok());
  auto decided = notify::queue_notices(test_.database(), {.public_url = "https://portal.example",
                                                          .settle = std::chrono::seconds(0)});
  ASSERT_TRUE(decided.ok()) << decided.error().message;
  // The sample account reads Spanish.
  auto received =
      query(test_.database(), "SELECT subject FROM notices WHERE kind = 'order.received'");
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].text(0), "Recibimos su solicitud " + order.number);
  auto mail = query(test_.database(),
                    "SELECT o.body FROM email_outbox o JOIN notices n ON n.email_id = o.id "
                    "WHERE n.kind = 'order.scheduled'");
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_NE(mail[0].text(0).find("para el 8 de diciembre de 2026 entre las 8:00 a. m. y las "
                                 "12:00 p. m."),
            std::string::npos)
      << mail[0].text(0);
  EXPECT_NE(mail[0].text(0).find("una nueva lectura de su medidor"), std::string::npos);
}

TEST_F(OrdersTest, AFailedVisitWaitsAmongTheUnscheduledAndACrewSeesItsOwnDay) {
  const Instant day_start = at("2026-12-08T08:00:00Z");
  const Instant day_end = at("2026-12-09T08:00:00Z");
  auto walk = [&](const ServiceOrder& order, const std::string& crew) {
    ASSERT_TRUE(move_order(test_.database(), maria_, order.id, scheduling(), "staff:4").ok());
    MoveRequest dispatch = by(OrderAction::dispatch);
    dispatch.crew = crew;
    ASSERT_TRUE(move_order(test_.database(), maria_, order.id, dispatch, "staff:4").ok());
  };
  ServiceOrder failing = reread("key-1");
  ServiceOrder other = reread("key-2");
  walk(failing, "Crew 2");
  walk(other, "Crew 3");
  auto crew_three =
      open_orders(test_.database(), day_start, day_end, false, 100, of_crew("Crew 3"));
  ASSERT_TRUE(crew_three.ok());
  ASSERT_EQ(crew_three->size(), 1u);
  EXPECT_EQ(crew_three->front().id, other.id);

  MoveRequest fail = by(OrderAction::fail);
  fail.note = "No access: gate locked";
  ASSERT_TRUE(move_order(test_.database(), maria_, failing.id, fail, "staff:9").ok());
  auto day = open_orders(test_.database(), day_start, day_end, false, 100);
  ASSERT_TRUE(day.ok());
  ASSERT_EQ(day->size(), 1u);
  EXPECT_EQ(day->front().id, other.id);
  auto waiting = open_orders(test_.database(), {}, {}, true, 100);
  ASSERT_TRUE(waiting.ok());
  ASSERT_EQ(waiting->size(), 1u);
  EXPECT_EQ(waiting->front().id, failing.id);
  EXPECT_EQ(waiting->front().failure_reason, "No access: gate locked");
}

TEST_F(OrdersTest, ACrewTakesNoMoreVisitsInADayThanItsLimit) {
  auto listed = save_crew(test_.database(), {"Crew 1", 2, true}, "staff:3");
  ASSERT_TRUE(listed.ok()) << listed.error().message;
  for (const CrewChange& bad :
       {CrewChange{"", 2, true}, CrewChange{"Crew 2", 0, true}, CrewChange{"Crew 2", 201, true}}) {
    auto refused = save_crew(test_.database(), bad, "staff:3");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().field, bad.name.empty() ? "name" : "orders_per_day");
  }
  auto dispatch_new = [&](const std::string& key, const std::string& crew) {
    ServiceOrder order = reread(key);
    auto scheduled = move_order(test_.database(), maria_, order.id, scheduling(), "staff:4");
    EXPECT_TRUE(scheduled.ok()) << scheduled.error().message;
    MoveRequest dispatch = by(OrderAction::dispatch);
    dispatch.crew = crew;
    return move_order(test_.database(), maria_, order.id, dispatch, "staff:4");
  };
  ASSERT_TRUE(dispatch_new("a", "Crew 1").ok());
  ASSERT_TRUE(dispatch_new("b", "Crew 1").ok());
  auto third = dispatch_new("c", "Crew 1");
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, "crew-full");
  EXPECT_NE(third.error().message.find("already has 2 visits on 2026-12-08"), std::string::npos)
      << third.error().message;
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM service_orders WHERE status = 'dispatched'"),
      2);
  // A crew not listed has no limit; the day's bookings are counted per crew.
  ASSERT_TRUE(dispatch_new("d", "Contractor A").ok());
  auto day = crews_on(test_.database(), *parse_local_date("2026-12-08", "day"));
  ASSERT_TRUE(day.ok()) << day.error().message;
  ASSERT_EQ(day->size(), 2u);
  EXPECT_EQ((*day)[0].name, "Contractor A");
  EXPECT_FALSE((*day)[0].orders_per_day.has_value());
  EXPECT_EQ((*day)[0].booked, 1);
  EXPECT_EQ((*day)[1].name, "Crew 1");
  EXPECT_EQ((*day)[1].booked, 2);
  EXPECT_EQ((*day)[1].orders_per_day, 2);
  // A cancelled visit frees its place; a crew not working takes none.
  auto open = query(test_.database(),
                    "SELECT id FROM service_orders WHERE crew = 'Crew 1' ORDER BY id LIMIT 1");
  auto cancelled =
      move_order(test_.database(), maria_, open[0].integer(0), by(OrderAction::cancel), "staff:4");
  ASSERT_TRUE(cancelled.ok()) << cancelled.error().message;
  ASSERT_TRUE(dispatch_new("e", "Crew 1").ok());
  ASSERT_TRUE(save_crew(test_.database(), {"Crew 1", 5, false}, "staff:3").ok());
  auto resting = dispatch_new("f", "Crew 1");
  ASSERT_FALSE(resting.ok());
  EXPECT_EQ(resting.error().code, "crew-not-working");
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'crew.changed' AND "
                  "actor = 'staff:3' AND account_id IS NULL"),
            2);
}

TEST_F(OrdersTest, TwoDispatchersRacingForACrewsLastVisitBookItOnce) {
  ASSERT_TRUE(save_crew(test_.database(), {"Crew 1", 1, true}, "staff:3").ok());
  // Ten days, each with two orders sent to the crew's only place by two dispatchers at once.
  constexpr int kDays = 10;
  for (int day = 0; day < kDays; ++day) {
    std::vector<std::int64_t> ids;
    for (const char* side : {"a", "b"}) {
      ServiceOrder order = reread("race-" + std::to_string(day) + side);
      MoveRequest schedule = scheduling();
      schedule.window_start = *schedule.window_start + std::chrono::hours(24 * day);
      schedule.window_end = *schedule.window_end + std::chrono::hours(24 * day);
      ASSERT_TRUE(move_order(test_.database(), maria_, order.id, schedule, "staff:4").ok());
      ids.push_back(order.id);
    }
    std::vector<Result<ServiceOrder>> outcomes(2, internal_error("not run"));
    std::barrier together(2);
    std::vector<std::thread> dispatchers;
    for (std::size_t i = 0; i < 2; ++i) {
      dispatchers.emplace_back([&, i] {
        MoveRequest dispatch = by(OrderAction::dispatch);
        dispatch.crew = "Crew 1";
        together.arrive_and_wait();
        outcomes[i] = move_order(test_.database(), maria_, ids[i], dispatch, "staff:4");
      });
    }
    for (std::thread& dispatcher : dispatchers) dispatcher.join();
    EXPECT_EQ((outcomes[0].ok() ? 1 : 0) + (outcomes[1].ok() ? 1 : 0), 1) << "day " << day;
    for (const auto& outcome : outcomes) {
      if (!outcome.ok()) {
        EXPECT_EQ(outcome.error().code, "crew-full") << outcome.error().message;
      }
    }
  }
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM service_orders WHERE crew = 'Crew 1' AND status = "
                  "'dispatched'"),
            kDays);
}

TEST_F(OrdersTest, PhotosAreKeptWithTheOrderOnceEachAndOnlyImages) {
  ServiceOrder order = reread();
  const std::string dial = std::string("\xFF\xD8\xFF\xE0", 4) + "the dial at 10300";
  auto photo = add_order_photo(test_.database(), order.id, "reading", dial, "staff:9");
  ASSERT_TRUE(photo.ok()) << photo.error().message;
  EXPECT_EQ(photo->content_type, "image/jpeg");
  EXPECT_FALSE(photo->replayed);
  // Sent again from a field page's queue: kept once.
  auto again = add_order_photo(test_.database(), order.id, "reading", dial, "staff:9");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->id, photo->id);
  // Not an image (a PDF, or text named .jpg), a bad purpose, an order that is not there.
  auto pdf = add_order_photo(test_.database(), order.id, "site", "%PDF-1.4 a form", "staff:9");
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.error().code, "photo-type");
  EXPECT_EQ(add_order_photo(test_.database(), order.id, "site", "hello", "staff:9").error().code,
            "attachment-type");
  EXPECT_EQ(add_order_photo(test_.database(), order.id, "selfie", dial, "staff:9").error().field,
            "purpose");
  EXPECT_EQ(add_order_photo(test_.database(), order.id + 99, "site", dial, "staff:9").error().kind,
            ErrorKind::not_found);
  // Ten at most.
  for (int i = 1; i < 10; ++i) {
    ASSERT_TRUE(
        add_order_photo(test_.database(), order.id, "site", dial + std::to_string(i), "staff:9")
            .ok());
  }
  auto eleventh = add_order_photo(test_.database(), order.id, "site", dial + "x", "staff:9");
  ASSERT_FALSE(eleventh.ok());
  EXPECT_EQ(eleventh.error().code, "too-many-photos");
  auto read = account_order(test_.database(), maria_, order.id);
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read->photos.size(), 10u);
  EXPECT_EQ(read->photos[0].purpose, "reading");
  // The file, to staff; to the account's own customer only.
  auto file = photo_file(test_.database(), photo->id);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file->bytes, dial);
  EXPECT_EQ(file->file_name, "photo-" + std::to_string(photo->id) + ".jpg");
  EXPECT_TRUE(photo_file(test_.database(), photo->id, &maria_).ok());
  EXPECT_EQ(photo_file(test_.database(), photo->id, &ben_).error().kind, ErrorKind::not_found);
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'order.photo'"),
      10);
}

TEST_F(OrdersTest, PhotosSentAtOnceNeverTakeAnOrderPastTen) {
  const std::string dial = std::string("\xFF\xD8\xFF\xE0", 4) + "the dial";
  // Five orders, each with nine photos kept, each sent four more at once: one is kept.
  constexpr int kOrders = 5;
  constexpr std::size_t kAtOnce = 4;
  for (int o = 0; o < kOrders; ++o) {
    ServiceOrder order = reread("photos-" + std::to_string(o));
    for (int i = 0; i < 9; ++i) {
      ASSERT_TRUE(
          add_order_photo(test_.database(), order.id, "site", dial + std::to_string(i), "staff:9")
              .ok());
    }
    std::vector<Result<Photo>> outcomes(kAtOnce, internal_error("not run"));
    std::barrier together(static_cast<std::ptrdiff_t>(kAtOnce));
    std::vector<std::thread> phones;
    for (std::size_t i = 0; i < kAtOnce; ++i) {
      phones.emplace_back([&, i] {
        together.arrive_and_wait();
        outcomes[i] = add_order_photo(test_.database(), order.id, "site",
                                      dial + "late " + std::to_string(i), "staff:9");
      });
    }
    for (std::thread& phone : phones) phone.join();
    int kept = 0;
    for (const auto& outcome : outcomes) {
      if (outcome.ok()) {
        ++kept;
      } else {
        EXPECT_EQ(outcome.error().code, "too-many-photos") << outcome.error().message;
      }
    }
    EXPECT_EQ(kept, 1) << "order " << o;
    EXPECT_EQ(count(test_.database(),
                    "SELECT COUNT(*) FROM photos WHERE order_id = " + std::to_string(order.id)),
              10);
  }
}

}  // namespace
}  // namespace rp::orders
