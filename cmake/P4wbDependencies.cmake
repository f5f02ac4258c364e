# Finds every external dependency once and exposes it as an imported target:
#   LLVM (shared libLLVM), p4wb::libbpf, p4wb::libelf, ZLIB::ZLIB,
#   Qt6::{Widgets,Concurrent,Test}, p4wb::qscintilla, nlohmann_json, CLI11.

# LLVMConfigVersion accepts only a matching major.minor, so ask for 19.1.
find_package(LLVM 19.1 REQUIRED CONFIG
  HINTS /usr/lib/llvm-19/lib/cmake/llvm)
message(STATUS "LLVM ${LLVM_PACKAGE_VERSION} in ${LLVM_DIR}")
add_library(p4wb_llvm INTERFACE)
target_include_directories(p4wb_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
target_compile_definitions(p4wb_llvm INTERFACE ${LLVM_DEFINITIONS_LIST})
target_link_libraries(p4wb_llvm INTERFACE LLVM)
set(P4WB_LLVM_TOOLS_DIR ${LLVM_TOOLS_BINARY_DIR})

find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBBPF REQUIRED IMPORTED_TARGET libbpf>=1.0)
pkg_check_modules(LIBELF REQUIRED IMPORTED_TARGET libelf)
find_package(ZLIB REQUIRED)
add_library(p4wb::libbpf ALIAS PkgConfig::LIBBPF)
add_library(p4wb::libelf ALIAS PkgConfig::LIBELF)

find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 QUIET CONFIG)
if(NOT CLI11_FOUND)
  find_path(CLI11_INCLUDE_DIR CLI/CLI.hpp REQUIRED)
  add_library(CLI11::CLI11 INTERFACE IMPORTED)
  target_include_directories(CLI11::CLI11 INTERFACE ${CLI11_INCLUDE_DIR})
endif()

if(P4WB_BUILD_GUI)
  find_package(Qt6 REQUIRED COMPONENTS Core Gui Widgets Concurrent Test)
  set(CMAKE_AUTOMOC ON)
  # QScintilla ships no CMake config on Debian: find the library and its headers.
  get_target_property(_qt_core_inc Qt6::Core INTERFACE_INCLUDE_DIRECTORIES)
  find_library(QSCINTILLA_LIBRARY NAMES qscintilla2_qt6 REQUIRED)
  find_path(QSCINTILLA_INCLUDE_DIR Qsci/qsciscintilla.h
    HINTS ${_qt_core_inc} ${_qt_core_inc}/.. /usr/include/x86_64-linux-gnu/qt6 REQUIRED)
  add_library(p4wb::qscintilla UNKNOWN IMPORTED)
  set_target_properties(p4wb::qscintilla PROPERTIES
    IMPORTED_LOCATION ${QSCINTILLA_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${QSCINTILLA_INCLUDE_DIR}
    INTERFACE_LINK_LIBRARIES "Qt6::Widgets")
  message(STATUS "QScintilla: ${QSCINTILLA_LIBRARY}")
endif()

find_package(Python3 REQUIRED COMPONENTS Interpreter)
find_program(P4WB_LIT NAMES lit lit.py
  HINTS ${LLVM_TOOLS_BINARY_DIR} ${LLVM_TOOLS_BINARY_DIR}/../build/utils/lit)
find_program(P4WB_FILECHECK NAMES FileCheck FileCheck-19 HINTS ${LLVM_TOOLS_BINARY_DIR})
