# `cmake --install`: the tool, the rule packs, the library with its headers, a CMake
# package (find_package(whosaid) -> whosaid::whosaid) and a pkg-config file (whosaid.pc).
include(CMakePackageConfigHelpers)

set(WHOSAID_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/whosaid)

install(TARGETS whosaid_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/whosaid/rules)

install(TARGETS whosaid EXPORT whosaidTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Every library header: the public ones include most of the others.
install(DIRECTORY src/whosaid/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/whosaid
  FILES_MATCHING PATTERN "*.h" PATTERN serve EXCLUDE)
install(EXPORT whosaidTargets NAMESPACE whosaid:: DESTINATION ${WHOSAID_CMAKE_DIR})

configure_package_config_file(cmake/whosaidConfig.cmake.in
  ${PROJECT_BINARY_DIR}/whosaidConfig.cmake INSTALL_DESTINATION ${WHOSAID_CMAKE_DIR})
# 0.x: a minor version may break the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/whosaidConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/whosaidConfig.cmake
  ${PROJECT_BINARY_DIR}/whosaidConfigVersion.cmake DESTINATION ${WHOSAID_CMAKE_DIR})

# The .pc file finds its prefix from where it lies (${pcfiledir}), so that
# `cmake --install --prefix DIR` into another prefix than the configured one works too.
file(RELATIVE_PATH WHOSAID_PC_TO_PREFIX "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig"
     "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" WHOSAID_PC_TO_PREFIX "${WHOSAID_PC_TO_PREFIX}")
configure_file(cmake/whosaid.pc.in ${PROJECT_BINARY_DIR}/whosaid.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/whosaid.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
