;; The guest behind smoke.mjs: a hand-written command module, so the test needs no C toolchain.
;; NodeSmokeTest assembles it with wat2wasm (wabt) into target/ before each run.
;;
;; What it does depends on argc:
;;   1  writes "hello from wasm\n" to stdout and exits with 40 + argc
;;   2  calls args_sizes_get with a wild pointer, which must trap
;;   3  grows memory by a page (detaching the old buffer) and writes the text from the new page
;;   4  calls clock_time_get (an i64 argument, a BigInt in JS) and exits with 40 + argc if it
;;      stored a nonzero time
;;   5  writes to fd 77, which is not open: exits with 100 + EBADF (8)
;; A failed call exits with 100 + errno instead.
(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello from wasm\n")

  (func $check (param $errno i32)
    (if (local.get $errno)
      (then (call $proc_exit (i32.add (i32.const 100) (local.get $errno))))))

  (func (export "_start")
    (local $argc i32)
    (local $text i32)
    ;; argc at 0, argv buffer size at 4
    (call $check (call $args_sizes_get (i32.const 0) (i32.const 4)))
    (local.set $argc (i32.load (i32.const 0)))
    (if (i32.eq (local.get $argc) (i32.const 2))
      (then (drop (call $args_sizes_get (i32.const -16) (i32.const 0)))))
    (if (i32.eq (local.get $argc) (i32.const 4))
      (then
        (call $check (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 56)))
        (if (i64.eqz (i64.load (i32.const 56)))
          (then (call $proc_exit (i32.const 99))))
        (call $proc_exit (i32.add (i32.const 40) (local.get $argc)))))
    (local.set $text (i32.const 16))
    (if (i32.eq (local.get $argc) (i32.const 3))
      (then
        (local.set $text (i32.mul (memory.grow (i32.const 1)) (i32.const 65536)))
        (i64.store (local.get $text) (i64.load (i32.const 16)))
        (i64.store offset=8 (local.get $text) (i64.load (i32.const 24)))))
    ;; one iovec at 48: { text, 16 }; nwritten at 8
    (i32.store (i32.const 48) (local.get $text))
    (i32.store (i32.const 52) (i32.const 16))
    (call $check (call $fd_write
      (select (i32.const 77) (i32.const 1) (i32.eq (local.get $argc) (i32.const 5)))
      (i32.const 48) (i32.const 1) (i32.const 8)))
    (call $proc_exit (i32.add (i32.const 40) (local.get $argc)))))
