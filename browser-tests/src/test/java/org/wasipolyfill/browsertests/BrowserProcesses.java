package org.wasipolyfill.browsertests;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The OS processes of a launched browser, found as the processes that appeared below this JVM during the launch,
 * and a watchdog that kills them.
 *
 * <p>Why: a guest that never returns blocks the page's main thread, and then Playwright's own timeouts do not
 * always fire (with Firefox over WebDriver BiDi, waitForFunction waits on the page forever). Killing the browser
 * from another thread needs no Playwright call (Playwright objects are single-threaded); the blocked call then
 * fails with "browser has been closed" and the engine relaunches the browser.
 */
final class BrowserProcesses {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "browser-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final List<ProcessHandle> roots;

    private BrowserProcesses(List<ProcessHandle> roots) {
        this.roots = roots;
    }

    /** The JVM's descendant processes now, to diff against after a launch. */
    static Set<Long> snapshot() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** The processes that appeared since {@code before} and whose parent did not (the browser's main process). */
    static BrowserProcesses startedSince(Set<Long> before) {
        List<ProcessHandle> fresh = ProcessHandle.current().descendants()
                .filter(p -> !before.contains(p.pid()))
                .toList();
        Set<Long> freshPids = fresh.stream().map(ProcessHandle::pid).collect(Collectors.toSet());
        return new BrowserProcesses(fresh.stream()
                .filter(p -> p.parent().map(parent -> !freshPids.contains(parent.pid())).orElse(true))
                .toList());
    }

    /** Kills the browser after the delay unless the returned watch is closed first. */
    Watch watch(long delayMillis) {
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> future = TIMER.schedule(() -> {
            fired.set(true);
            kill();
        }, delayMillis, TimeUnit.MILLISECONDS);
        return new Watch(future, fired);
    }

    /** The browser's processes now: its main ones and all they started. */
    List<ProcessHandle> processes() {
        return roots.stream().flatMap(root -> Stream.concat(Stream.of(root), root.descendants()))
                .filter(ProcessHandle::isAlive).toList();
    }

    void kill() {
        for (ProcessHandle root : roots) {
            root.descendants().forEach(ProcessHandle::destroyForcibly);
            root.destroyForcibly();
        }
    }

    /** A pending kill; {@link #fired()} tells whether it happened. */
    record Watch(ScheduledFuture<?> future, AtomicBoolean firedFlag) implements AutoCloseable {
        boolean fired() {
            return firedFlag.get();
        }

        @Override
        public void close() {
            future.cancel(false);
        }
    }
}
