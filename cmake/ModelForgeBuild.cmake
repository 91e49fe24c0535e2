# Build settings shared by every target: the code model, the linker, and the one precompiled
# torch header. tests/benchmarks/build_profile.sh measures what they save.

# One code model everywhere. Qt's headers require position-independent code in every target
# that uses Qt, and a precompiled header is valid only for the -fPIC/-fPIE setting it was built
# with; with -fPIC in every target, core, the CLI, the app and the tests share one.
add_compile_options(-fPIC)

# The linker. mold links a test executable several times faster than GNU ld; lld is next.
# "auto" takes the first of them that links here; a name forces it; "default" keeps the
# compiler's own.
set(MODELFORGE_LINKER auto CACHE STRING "Linker: auto, mold, lld, gold, bfd or default")
set_property(CACHE MODELFORGE_LINKER PROPERTY STRINGS auto mold lld gold bfd default)
include(CheckLinkerFlag)
set(_mf_linker "")
if(MODELFORGE_LINKER STREQUAL "auto")
  foreach(_candidate mold lld)
    check_linker_flag(CXX "-fuse-ld=${_candidate}" MODELFORGE_HAVE_LD_${_candidate})
    if(MODELFORGE_HAVE_LD_${_candidate})
      set(_mf_linker ${_candidate})
      break()
    endif()
  endforeach()
elseif(NOT MODELFORGE_LINKER STREQUAL "default")
  set(_mf_linker ${MODELFORGE_LINKER})
endif()
if(_mf_linker)
  add_link_options(-fuse-ld=${_mf_linker})
  message(STATUS "Linker: ${_mf_linker}")
endif()

# modelforge_use_torch_pch(<target> [SOURCES <file>...])
# Gives <target>'s translation units the build's one precompiled torch header
# (modelforge_torch_pch, core/torchpch.h). With SOURCES, only those files get it: the target's
# other files need no torch and are not slowed down by loading it. Call it after every source
# of the target has been added.
function(modelforge_use_torch_pch target)
  cmake_parse_arguments(PCH "" "" "SOURCES" ${ARGN})
  target_precompile_headers(${target} REUSE_FROM modelforge_torch_pch)
  get_target_property(_dir ${target} SOURCE_DIR)
  get_target_property(_bin ${target} BINARY_DIR)
  # moc's output compiles without torch: no header that moc reads includes it.
  set(_skip "${_bin}/${target}_autogen/mocs_compilation.cpp")
  if(PCH_SOURCES)
    get_target_property(_sources ${target} SOURCES)
    set(_all "")
    foreach(_file IN LISTS _sources)
      cmake_path(ABSOLUTE_PATH _file BASE_DIRECTORY "${_dir}" NORMALIZE)
      list(APPEND _all "${_file}")
    endforeach()
    set(_torch "")
    foreach(_file IN LISTS PCH_SOURCES)
      cmake_path(ABSOLUTE_PATH _file BASE_DIRECTORY "${_dir}" NORMALIZE)
      if(NOT _file IN_LIST _all)
        message(FATAL_ERROR "modelforge_use_torch_pch(${target}): ${_file} is not a source of it")
      endif()
      list(APPEND _torch "${_file}")
    endforeach()
    foreach(_file IN LISTS _all)
      if(_file MATCHES "\\.cpp$" AND NOT _file IN_LIST _torch)
        list(APPEND _skip "${_file}")
      endif()
    endforeach()
  endif()
  set_source_files_properties(${_skip} TARGET_DIRECTORY ${target}
    PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
endfunction()
