#!/usr/bin/env python3
"""Runs conformance cases under real Wasmtime and compares them with their expectations.

Not part of the build: this is how the expected .stdout/.stderr files were produced and can be
re-checked. It needs the wasmtime Python package (wasmtime-py, which embeds Wasmtime's own WASI
preview1 implementation):  python3 -m venv /tmp/wt && /tmp/wt/bin/pip install wasmtime

    run-wasmtime.py [--all] GUESTS_DIR [CASE...]  compare (default: every case in index.txt); --all
                                                  lists every differing line, not the first five
    run-wasmtime.py --print GUESTS_DIR CASE       print what Wasmtime writes, to create expectations

Each case runs the way conformance/README.md ("Cases") says: a fresh empty host directory per
preopen, args/env/stdin from <case>.json. stdout and stderr are pseudo-terminals in raw mode, because the
expectations assume terminal-like stdio (Wasmtime reports CHARACTER_DEVICE for a terminal and
UNKNOWN otherwise); stdin is a file holding the case's "stdin", so Wasmtime reports it as UNKNOWN
and the stdio case's three checks on fd 0's filetype fail here (a terminal stdin cannot carry the
case's input; those three were checked with every stdio stream on a terminal).
"""
import json
import os
import pty
import subprocess
import sys
import tempfile
import threading
import tty

import wasmtime


def drain(fd, sink):
    """Reads a pty master until the slave side is closed everywhere."""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO once no slave is open
            return
        if not chunk:
            return
        sink.append(chunk)


def run(wasm_path, case):
    """Runs one case; returns (exit_code, stdout_bytes, stderr_bytes)."""
    root = tempfile.mkdtemp(prefix="conformance-")
    try:
        cfg = wasmtime.WasiConfig()
        cfg.argv = case.get("args", [])
        cfg.env = list(case.get("env", {}).items())
        stdin_path = os.path.join(root, "stdin")
        with open(stdin_path, "wb") as f:
            f.write(case.get("stdin", "").encode("utf-8"))
        cfg.stdin_file = stdin_path
        cfg.inherit_stdout()
        cfg.inherit_stderr()
        for guest_path, preopen in case.get("preopens", {}).items():
            # A preopen is a MemFS path, or {"path": ..., "readOnly": true}.
            spec = preopen if isinstance(preopen, dict) else {"path": preopen}
            host = os.path.join(root, "fs", spec["path"].lstrip("/"))
            os.makedirs(host, exist_ok=True)
            # wasmtime-py 49 takes fs_mutable (the C API's bool); False mounts the directory with
            # DirPerms::READ and FilePerms::READ, Wasmtime's read-only preopen.
            cfg.preopen_dir(host, guest_path, not spec.get("readOnly", False))

        engine = wasmtime.Engine()
        store = wasmtime.Store(engine)
        store.set_wasi(cfg)
        linker = wasmtime.Linker(engine)
        linker.define_wasi()
        module = wasmtime.Module.from_file(engine, wasm_path)

        sys.stdout.flush()
        sys.stderr.flush()
        saved = (os.dup(1), os.dup(2))
        masters, threads, outputs = [], [], ([], [])
        for target, sink in ((1, outputs[0]), (2, outputs[1])):
            master, slave = pty.openpty()
            tty.setraw(slave)  # no echo, no "\n" -> "\r\n"
            os.dup2(slave, target)
            os.close(slave)
            masters.append(master)
            thread = threading.Thread(target=drain, args=(master, sink))
            thread.start()
            threads.append(thread)
        code = 0
        try:
            instance = linker.instantiate(store, module)
            try:
                instance.exports(store)["_start"](store)
            except wasmtime.ExitTrap as e:
                code = e.code
        finally:
            del store  # closes Wasmtime's handles on the ptys
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            for fd in saved:
                os.close(fd)
            for thread in threads:
                thread.join(timeout=10)
            for master in masters:
                os.close(master)
        return code, b"".join(outputs[0]), b"".join(outputs[1])
    finally:
        # rm, not shutil.rmtree: a case may leave directories nested deeper than Python's recursion limit.
        subprocess.run(["rm", "-rf", root], check=False)


def expected(guests, name, stream):
    path = os.path.join(guests, f"{name}.{stream}")
    if not os.path.exists(path):
        return b""
    with open(path, "rb") as f:
        return f.read()


def main(argv):
    print_only = argv[:1] == ["--print"]
    if print_only:
        argv = argv[1:]
    every_line = argv[:1] == ["--all"]
    if every_line:
        argv = argv[1:]
    if not argv:
        sys.exit(__doc__)
    guests, names = argv[0], argv[1:]
    if not names:
        with open(os.path.join(guests, "index.txt")) as f:
            names = f.read().split()
    failures = 0
    for name in names:
        with open(os.path.join(guests, f"{name}.json")) as f:
            case = json.load(f)
        if "limits" in case and not print_only:
            # Wasmtime has no such limits: the case checks the polyfill's own.
            print(f"skip {name} (limits)")
            names = [n for n in names if n != name]
            continue
        code, out, err = run(os.path.join(guests, f"{name}.wasm"), case)
        if print_only:
            sys.stdout.buffer.write(out)
            sys.stderr.buffer.write(err)
            sys.stderr.write(f"[exit {code}]\n")
            continue
        problems = []
        if code != case.get("exitCode", 0):
            problems.append(f"exit code {code}, want {case.get('exitCode', 0)}")
        for stream, got in (("stdout", out), ("stderr", err)):
            want = expected(guests, name, stream)
            if got != want:
                got_lines, want_lines = got.splitlines(), want.splitlines()
                diff = [f"    got  {g!r}\n    want {w!r}" for g, w in zip(got_lines, want_lines) if g != w]
                diff = diff if every_line else diff[:5]
                if len(got_lines) != len(want_lines):
                    diff.append(f"    {len(got_lines)} lines, want {len(want_lines)}")
                problems.append(f"{stream} differs:\n" + "\n".join(diff))
        failures += bool(problems)
        print(f"{'ok  ' if not problems else 'DIFF'} {name}")
        for problem in problems:
            print(f"  {problem}")
    if not print_only:
        print(f"{len(names) - failures} of {len(names)} cases match Wasmtime")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
