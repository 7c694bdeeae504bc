# cmake -P EmbedTemplates.cmake -DOUTPUT=<file.cc> -DFILES=<a|b|...>
# Writes a C++ file with the text of every notice template (src/notify/templates/*.mustache),
# keyed by its file name without ".mustache": payment.received.en.email.mustache ->
# "payment.received.en.email" (notify/notice_templates.h).
string(REPLACE "|" ";" FILES "${FILES}")
set(body "")
foreach(file ${FILES})
  get_filename_component(name ${file} NAME)
  string(REGEX REPLACE "\\.mustache$" "" name ${name})
  file(READ ${file} text)
  string(APPEND body "    {\"${name}\", R\"rptpl(${text})rptpl\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from src/notify/templates/*.mustache by cmake/EmbedTemplates.cmake. Do not edit.\n#include \"notify/notice_templates.h\"\n\nnamespace rp::notify {\n\nconst std::map<std::string, std::string, std::less<>>& embedded_templates() {\n  static const std::map<std::string, std::string, std::less<>> files{\n${body}  };\n  return files;\n}\n\n}  // namespace rp::notify\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.tmp ${OUTPUT})
