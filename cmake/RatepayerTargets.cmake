# rp_test(NAME SOURCES... LINKS...) builds one GoogleTest executable and registers its tests.
# rp_database_test(...) does the same, registered twice: once against SQLite and once against
# the PostgreSQL server named by RATEPAYER_TEST_POSTGRES_URL (make test starts one).
function(rp_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINKS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LINKS} GTest::gmock GTest::gtest_main)
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST PROPERTIES LABELS unit)
endfunction()

function(rp_database_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINKS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LINKS} GTest::gmock GTest::gtest_main)
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST TEST_PREFIX "sqlite."
    PROPERTIES LABELS sqlite ENVIRONMENT "RATEPAYER_TEST_ENGINE=sqlite")
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST TEST_PREFIX "postgresql."
    PROPERTIES LABELS postgresql ENVIRONMENT "RATEPAYER_TEST_ENGINE=postgresql")
endfunction()
