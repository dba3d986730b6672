# Install rules and the Debian package (CPack DEB): binaries, the bundled database, systemd units,
# the session and display scripts, the udev rotation example. Included at the end of the top-level
# CMakeLists.txt; `cpack -G DEB` in build/release then writes kiosk_<version>_amd64.deb.
# The kiosk binary's own install(TARGETS kiosk ...) rule lives in kiosk/app/CMakeLists.txt.

set(KIOSK_DEPLOY_DIR ${CMAKE_CURRENT_LIST_DIR})

# The package installs under /usr; the kiosk's fallback data path (KIOSK_INSTALL_DATA_DIR) is
# compiled from CMAKE_INSTALL_PREFIX, so configure with -DCMAKE_INSTALL_PREFIX=/usr to make it
# match. The systemd units pass --db explicitly, so a mismatch only loses that last fallback.
set(KIOSK_PACKAGE_PREFIX /usr)
if(NOT CMAKE_INSTALL_PREFIX STREQUAL KIOSK_PACKAGE_PREFIX)
    message(STATUS "kiosk: CMAKE_INSTALL_PREFIX is ${CMAKE_INSTALL_PREFIX}; the .deb installs under "
        "${KIOSK_PACKAGE_PREFIX} but the kiosk's last-resort database path points into "
        "${CMAKE_INSTALL_PREFIX}/share/kiosk (configure with -DCMAKE_INSTALL_PREFIX=/usr to match)")
endif()

# [SECTION] Install rules

install(TARGETS kiosk-content RUNTIME DESTINATION bin)
install(FILES ${CMAKE_BINARY_DIR}/kiosk.db DESTINATION share/kiosk)
# The map's country shapes (Natural Earth), read by the kiosk from share/kiosk/map.
install(FILES ${CMAKE_SOURCE_DIR}/assets/map/east-asia.kmap DESTINATION share/kiosk/map)
install(FILES ${CMAKE_SOURCE_DIR}/assets/text/budoux-ja.tsv DESTINATION share/kiosk/text)
install(PROGRAMS ${KIOSK_DEPLOY_DIR}/libexec/kiosk-session ${KIOSK_DEPLOY_DIR}/libexec/kiosk-display
    DESTINATION libexec/kiosk)
install(FILES
    ${KIOSK_DEPLOY_DIR}/systemd/kiosk.service
    ${KIOSK_DEPLOY_DIR}/systemd/kiosk-cage.service
    ${KIOSK_DEPLOY_DIR}/systemd/kiosk-sleep.service
    ${KIOSK_DEPLOY_DIR}/systemd/kiosk-sleep.timer
    ${KIOSK_DEPLOY_DIR}/systemd/kiosk-wake.service
    ${KIOSK_DEPLOY_DIR}/systemd/kiosk-wake.timer
    DESTINATION lib/systemd/system)
install(FILES ${KIOSK_DEPLOY_DIR}/udev/99-kiosk-touch-rotation.rules.example
    DESTINATION share/doc/kiosk/examples)
install(FILES ${KIOSK_DEPLOY_DIR}/README.md DESTINATION share/doc/kiosk RENAME README.deploy.md)

# [SECTION] Debian package

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Hai Phong - Kitakyushu / Hanoi - Kanagawa exhibition")
set(CPACK_PACKAGE_CONTACT "Exhibition kiosk team <kiosk@example.org>"
    CACHE STRING "Maintainer of the kiosk .deb (Name <email>)")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "touch kiosk for the Hai Phong - Kitakyushu exhibition")
# CPack puts the summary on the Description line and indents these lines below it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "A fullscreen SDL2 touch kiosk that plays looped, trilingual \
(Vietnamese, Japanese, English) slideshows, maps, a timeline and charts from one local SQLite \
content file, with kiosk-content to build and install content, systemd units for KMS/DRM and \
for the cage Wayland compositor, and an optional opening-hours schedule.
.
Map data made with Natural Earth.")
set(CPACK_PACKAGING_INSTALL_PREFIX ${KIOSK_PACKAGE_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Library dependencies come from dpkg-shlibdeps (package dpkg-dev); the fonts are found by path at
# run time, adduser makes the system user in postinst, and SDL loads EGL/GLES (Mesa) at run time
# to show frames under Wayland and KMS/DRM. Debian's cage exits when it finds no Xwayland.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "fonts-noto-core, fonts-noto-cjk, adduser, libegl1, libgles2, libegl-mesa0, libgl1-mesa-dri")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cage, xwayland")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${KIOSK_DEPLOY_DIR}/debian/postinst ${KIOSK_DEPLOY_DIR}/debian/prerm
    ${KIOSK_DEPLOY_DIR}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_OUTPUT_FILE_PREFIX ${CMAKE_BINARY_DIR})
include(CPack)
