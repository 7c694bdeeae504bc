# cmake -P EmbedSql.cmake -DSOURCE_ROOT=<src> -DOUTPUT=<file.cc> -DFILES=<a|b|...>
# Writes a C++ file with every .sql file's text, keyed by its path relative to src/ with the
# "sql/" folder and the ".sql" suffix removed: src/accounts/sql/find.sql -> "accounts/find".
string(REPLACE "|" ";" FILES "${FILES}")
set(body "")
foreach(file ${FILES})
  file(RELATIVE_PATH relative ${SOURCE_ROOT} ${file})
  string(REPLACE "/sql/" "/" name ${relative})
  string(REGEX REPLACE "\\.sql$" "" name ${name})
  file(READ ${file} text)
  # Whole-line comments are for reviewers; SOCI's placeholder scanner would read an apostrophe in
  # one as the start of a string literal.
  string(REGEX REPLACE "(^|\n)[ \t]*--[^\n]*" "\\1" text "${text}")
  string(APPEND body "    {\"${name}\", R\"rpsql(${text})rpsql\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from src/**/sql/*.sql by cmake/EmbedSql.cmake. Do not edit.\n#include \"store/sql_catalog.h\"\n\nnamespace rp::store {\n\nconst std::map<std::string, std::string, std::less<>>& embedded_sql() {\n  static const std::map<std::string, std::string, std::less<>> files{\n${body}  };\n  return files;\n}\n\n}  // namespace rp::store\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.tmp ${OUTPUT})
