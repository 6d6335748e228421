# whosaid_embed_assets(OUT FILE...): a C++ source defining
#   std::string_view whosaid::serve::AssetBytes(std::string_view name)
# that returns the bytes of each FILE by its file name (empty when unknown). Generated at
# build time by cmake itself (cmake/embed_assets_run.cmake), re-generated when a file changes.
set(WHOSAID_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_assets_run.cmake)

function(whosaid_embed_assets out)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} "-DFILES=${ARGN}" -P ${WHOSAID_EMBED_SCRIPT}
    DEPENDS ${ARGN} ${WHOSAID_EMBED_SCRIPT}
    COMMENT "Embedding the page assets"
    VERBATIM)
endfunction()
