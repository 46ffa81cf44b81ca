# Install rules: the library's public headers (include/newsfuse/) and the
# runtime libraries, with a CMake package, so that a program builds against
# an installed newsfuse (examples/library/):
#   find_package(newsfuse CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE newsfuse::engine)
# The libraries are static; the package finds the system libraries they
# link (the Debian packages scripts/setup installs).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(newsfuse_runtime_libraries)
foreach(module base text ingest extract fingerprint cluster synthesize render store engine)
  list(APPEND newsfuse_runtime_libraries newsfuse_${module})
endforeach()
install(TARGETS ${newsfuse_runtime_libraries} EXPORT newsfuseTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/newsfuse DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(newsfuse_package_dir ${CMAKE_INSTALL_LIBDIR}/cmake/newsfuse)
install(EXPORT newsfuseTargets NAMESPACE newsfuse:: DESTINATION ${newsfuse_package_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/newsfuseConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/newsfuseConfig.cmake
                              INSTALL_DESTINATION ${newsfuse_package_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/newsfuseConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/newsfuseConfig.cmake ${PROJECT_BINARY_DIR}/newsfuseConfigVersion.cmake
        DESTINATION ${newsfuse_package_dir})

# The command-line tool, and the entity model where it looks for one beside
# itself (EntityTagger::DefaultModelPath: PREFIX/models/).
install(TARGETS newsfuse RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/models/ner-conll2003.bin DESTINATION models)
