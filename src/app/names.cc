#include "app/names.h"

#include <array>
#include <utility>

#include "core/text_fold.h"

namespace rp::app {
namespace {

constexpr std::array kCities{
    CityZip{"Eugene", "97401"},        CityZip{"Eugene", "97402"},
    CityZip{"Eugene", "97403"},        CityZip{"Eugene", "97404"},
    CityZip{"Eugene", "97405"},        CityZip{"Springfield", "97477"},
    CityZip{"Springfield", "97478"},   CityZip{"Bend", "97701"},
    CityZip{"Bend", "97702"},          CityZip{"Bend", "97703"},
    CityZip{"Medford", "97501"},       CityZip{"Medford", "97504"},
    CityZip{"Corvallis", "97330"},     CityZip{"Corvallis", "97333"},
    CityZip{"Albany", "97321"},        CityZip{"Roseburg", "97470"},
    CityZip{"Grants Pass", "97526"},   CityZip{"Grants Pass", "97527"},
    CityZip{"Klamath Falls", "97601"}, CityZip{"Klamath Falls", "97603"},
    CityZip{"Redmond", "97756"},       CityZip{"Ashland", "97520"},
    CityZip{"Cottage Grove", "97424"}, CityZip{"Florence", "97439"},
};

constexpr std::array<std::string_view, 40> kStreets{
    "Willamette", "Oak",       "Pearl",       "Olive",        "Lincoln",  "Jefferson", "Alder",
    "Hilyard",    "Coburg",    "River",       "Franklin",     "Division", "Greenwood", "Wall",
    "Bond",       "Riverside", "Harrison",    "Monroe",       "Madison",  "Cascade",   "McKenzie",
    "Siskiyou",   "Umpqua",    "Deschutes",   "Pine",         "Cedar",    "Fir",       "Hemlock",
    "Spruce",     "Juniper",   "Ponderosa",   "Maple",        "Chambers", "Polk",      "Garfield",
    "Crest",      "Skyline",   "Valley View", "Country Club", "Santiam",
};

constexpr std::array<std::string_view, 10> kSuffixes{"St",  "Ave", "Rd",   "Dr", "Ln",
                                                     "Way", "Ct",  "Blvd", "Pl", "Loop"};

constexpr std::array<std::string_view, 40> kEnglishGiven{
    "James",   "Mary",      "Robert",  "Patricia", "John",    "Jennifer", "Michael", "Linda",
    "David",   "Elizabeth", "William", "Barbara",  "Richard", "Susan",    "Joseph",  "Jessica",
    "Thomas",  "Sarah",     "Charles", "Karen",    "Daniel",  "Lisa",     "Matthew", "Nancy",
    "Anthony", "Emily",     "Mark",    "Ashley",   "Steven",  "Megan",    "Andrew",  "Rachel",
    "Kevin",   "Hannah",    "Brian",   "Olivia",   "Ethan",   "Chloe",    "Noah",    "Grace",
};

constexpr std::array<std::string_view, 40> kEnglishFamily{
    "Smith",    "Johnson", "Williams", "Brown",    "Jones",   "Miller", "Davis",    "Wilson",
    "Anderson", "Taylor",  "Thomas",   "Moore",    "Jackson", "Martin", "Thompson", "White",
    "Harris",   "Clark",   "Lewis",    "Robinson", "Walker",  "Young",  "Allen",    "King",
    "Wright",   "Scott",   "Green",    "Baker",    "Adams",   "Nelson", "Hill",     "Campbell",
    "Mitchell", "Carter",  "Roberts",  "Phillips", "Evans",   "Turner", "Parker",   "Collins",
};

constexpr std::array<std::string_view, 32> kSpanishGiven{
    "José",    "María",    "Juan",     "Guadalupe", "Luis",   "Ana",     "Carlos",    "Sofía",
    "Jorge",   "Lucía",    "Miguel",   "Carmen",    "Jesús",  "Rosa",    "Alejandro", "Verónica",
    "Ricardo", "Isabel",   "Fernando", "Elena",     "Andrés", "Mónica",  "Raúl",      "Adriana",
    "Héctor",  "Gabriela", "Ramón",    "Patricia",  "Manuel", "Beatriz", "Óscar",     "Valeria",
};

constexpr std::array<std::string_view, 32> kSpanishFamily{
    "García",   "Rodríguez", "Martínez",  "Hernández", "López",   "González", "Pérez",   "Sánchez",
    "Ramírez",  "Torres",    "Flores",    "Rivera",    "Gómez",   "Díaz",     "Reyes",   "Morales",
    "Cruz",     "Ortiz",     "Gutiérrez", "Chávez",    "Ramos",   "Ruiz",     "Mendoza", "Álvarez",
    "Castillo", "Jiménez",   "Vásquez",   "Romero",    "Herrera", "Medina",   "Peña",    "Núñez",
};

constexpr std::array<std::string_view, 16> kBusinessKinds{
    "Hardware",          "Family Dental",   "Bakery",     "Auto Repair", "Brewing Co", "Market",
    "Veterinary Clinic", "Coffee Roasters", "Print Shop", "Taqueria",    "Fitness",    "Law Office",
    "Nursery",           "Machine Works",   "Bookstore",  "Laundromat",
};

}  // namespace

std::span<const CityZip> territory_cities() {
  return kCities;
}
std::span<const std::string_view> street_names() {
  return kStreets;
}
std::span<const std::string_view> street_suffixes() {
  return kSuffixes;
}
std::span<const std::string_view> english_given_names() {
  return kEnglishGiven;
}
std::span<const std::string_view> english_family_names() {
  return kEnglishFamily;
}
std::span<const std::string_view> spanish_given_names() {
  return kSpanishGiven;
}
std::span<const std::string_view> spanish_family_names() {
  return kSpanishFamily;
}
std::span<const std::string_view> business_kinds() {
  return kBusinessKinds;
}

std::string ascii_email_word(std::string_view utf8) {
  std::string word;
  for (char c : folded_letters_and_digits(utf8)) {
    if (static_cast<unsigned char>(c) < 0x80) word += c;
  }
  return word;
}

}  // namespace rp::app
