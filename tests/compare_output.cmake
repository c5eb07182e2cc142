# Runs COMMAND in WORKING_DIRECTORY and fails unless it exits 0 and prints exactly the bytes of EXPECTED.
#   cmake -DCOMMAND=... -DWORKING_DIRECTORY=... -DEXPECTED=... -P compare_output.cmake
execute_process(COMMAND ${COMMAND} WORKING_DIRECTORY ${WORKING_DIRECTORY}
                OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${COMMAND} exited with ${status}:\n${errors}")
endif()
file(READ ${EXPECTED} expected)
if(NOT output STREQUAL expected)
  message(FATAL_ERROR "${COMMAND} printed:\n${output}\nexpected (${EXPECTED}):\n${expected}")
endif()
