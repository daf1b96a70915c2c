# Use ccache when it is installed. The precompiled header of core is only
# cacheable when ccache ignores the PCH's timestamps and __DATE__ style macros.
find_program(ZSQ_CCACHE ccache)
if(ZSQ_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER
      ${CMAKE_COMMAND} -E env
      "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
      ${ZSQ_CCACHE})
  message(STATUS "ccache: ${ZSQ_CCACHE}")
endif()
