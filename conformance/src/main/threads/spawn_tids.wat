;; thread-spawn's results: each of 4 spawns returns the tid its thread is started with, every tid is
;; in [1, 2^29) and no two are equal. Prints "tids ok" or "tids bad" and returns from _start.
;; Memory: 0 count of started threads; 16 + 4i tid seen by thread i; 32 + 4i spawn's result i; 64 iovec; 128 text.
(module
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "env" "memory" (memory 1 1 shared))

  (func $say (param $good i32)
    (i32.store (i32.const 128) (i32.const 0x73646974))                ;; "tids"
    (i32.store (i32.const 132) (select (i32.const 0x0a6b6f20) (i32.const 0x64616220) (local.get $good))) ;; " ok\n" | " bad"
    (i32.store (i32.const 136) (i32.const 0x0a))
    (i32.store (i32.const 64) (i32.const 128))
    (i32.store (i32.const 68) (select (i32.const 8) (i32.const 9) (local.get $good)))
    (drop (call $fd_write (i32.const 1) (i32.const 64) (i32.const 1) (i32.const 72))))

  (func (export "wasi_thread_start") (param $tid i32) (param $arg i32)
    (i32.atomic.store (i32.add (i32.const 16) (i32.shl (local.get $arg) (i32.const 2))) (local.get $tid))
    (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 1)))
    (drop (memory.atomic.notify (i32.const 0) (i32.const 1))))

  (func (export "_start")
    (local $i i32) (local $j i32) (local $seen i32) (local $tid i32) (local $good i32)
    (loop $spawning
      (i32.store (i32.add (i32.const 32) (i32.shl (local.get $i) (i32.const 2))) (call $spawn (local.get $i)))
      (br_if $spawning (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 4))))
    (block $all
      (loop $waiting
        (br_if $all (i32.eq (local.tee $seen (i32.atomic.load (i32.const 0))) (i32.const 4)))
        (drop (memory.atomic.wait32 (i32.const 0) (local.get $seen) (i64.const -1)))
        (br $waiting)))
    (local.set $good (i32.const 1))
    (local.set $i (i32.const 0))
    (loop $checking
      (local.set $tid (i32.load (i32.add (i32.const 16) (i32.shl (local.get $i) (i32.const 2)))))
      (if (i32.or (i32.lt_s (local.get $tid) (i32.const 1)) (i32.ge_s (local.get $tid) (i32.const 0x20000000)))
        (then (local.set $good (i32.const 0))))
      (if (i32.ne (local.get $tid) (i32.load (i32.add (i32.const 32) (i32.shl (local.get $i) (i32.const 2)))))
        (then (local.set $good (i32.const 0))))
      (local.set $j (i32.const 0))
      (loop $others
        (if (i32.and (i32.ne (local.get $i) (local.get $j))
                     (i32.eq (local.get $tid) (i32.load (i32.add (i32.const 16) (i32.shl (local.get $j) (i32.const 2))))))
          (then (local.set $good (i32.const 0))))
        (br_if $others (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 4))))
      (br_if $checking (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 4))))
    (call $say (local.get $good))))
