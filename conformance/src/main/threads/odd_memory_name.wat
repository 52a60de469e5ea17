;; A shared memory imported as "sys" "heap" (not env.memory), limits 2..3 pages: the host finds it by its
;; import, makes it with those limits, and both threads write through it.
(module
  (import "sys" "heap" (memory 2 3 shared))
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))

  ;; Writes the 4-byte text at 256 + 4*which, then a newline.
  (func $say (param $text i32)
    (i32.store (i32.const 128) (local.get $text))
    (i32.store (i32.const 132) (i32.const 0x0a))
    (i32.store (i32.const 64) (i32.const 128))
    (i32.store (i32.const 68) (i32.const 5))
    (drop (call $fd_write (i32.const 1) (i32.const 64) (i32.const 1) (i32.const 72))))

  (func (export "wasi_thread_start") (param $tid i32) (param $arg i32)
    (call $say (i32.const 0x64726874))                                     ;; "thrd"
    (i32.atomic.store (i32.const 0) (i32.const 1))
    (drop (memory.atomic.notify (i32.const 0) (i32.const 1))))

  (func (export "_start")
    (i32.store (i32.const 4) (memory.size))
    (if (i32.lt_s (call $spawn (i32.const 0)) (i32.const 1)) (then unreachable))
    (block $done
      (loop $waiting
        (br_if $done (i32.atomic.load (i32.const 0)))
        (drop (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const -1)))
        (br $waiting)))
    ;; "main" when the memory started with 2 pages, else "????"
    (call $say (select (i32.const 0x6e69616d) (i32.const 0x3f3f3f3f) (i32.eq (i32.load (i32.const 4)) (i32.const 2))))))
