;; thread-spawn imported but no wasi_thread_start exported: the host says so before running anything.
(module
  (import "env" "memory" (memory 1 1 shared))
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (func (export "_start") (drop (call $spawn (i32.const 0)))))
