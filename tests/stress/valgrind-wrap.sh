#!/bin/sh
# valgrind-wrap.sh PROGRAM [ARGS...] - the wrapper of `meson test --setup
# valgrind`: run a test program under valgrind memcheck, failing on any
# error or leak. Tests that are Python scripts (the ctypes binding, the CLI
# and symbol checks) run as they are: the interpreter's own allocations
# leave reports that are not wirenews's, and the C suites check the library.
case "$(basename "$1")" in
python*) exec "$@" ;;
esac
exec valgrind --quiet --error-exitcode=1 --leak-check=full \
    --show-leak-kinds=definite,indirect,possible \
    --errors-for-leak-kinds=definite,indirect,possible \
    --num-callers=30 "$@"
