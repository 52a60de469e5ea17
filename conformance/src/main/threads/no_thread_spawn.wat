;; A shared memory but no wasi.thread-spawn: not a wasi-threads program; the host says so.
(module
  (import "env" "memory" (memory 1 1 shared))
  (func (export "_start")))
