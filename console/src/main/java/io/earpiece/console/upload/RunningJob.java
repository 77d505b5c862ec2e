package io.earpiece.console.upload;

import io.earpiece.upload.Progress;
import io.earpiece.upload.ProgressListener;

import java.util.function.Consumer;

/**
 * The live handle of one submitted job: its latest progress, whether a cancel was asked for, and the thread to
 * interrupt. Interrupts only ever reach the job while it decodes or transcribes, never while it writes to the
 * database (an interrupted JDBC write could leave the embedded database's file closed under it).
 */
final class RunningJob implements ProgressListener {

    private final String id;
    private final Consumer<RunningJob> changed;
    private Thread thread;
    private boolean interruptible;
    private boolean cancelled;
    private boolean storing;
    private volatile Progress progress;

    RunningJob(String id, Consumer<RunningJob> changed) {
        this.id = id;
        this.changed = changed;
    }

    String id() {
        return id;
    }

    Progress progress() {
        return progress;
    }

    @Override
    public void onProgress(Progress p) {
        Progress last = progress;
        // chunks finish out of order on several threads; the bar only moves forwards
        if (last != null && last.stage() == p.stage() && p.percent() < last.percent()) {
            return;
        }
        progress = p;
        changed.accept(this);
    }

    /** The job starts work on the calling thread; false when it was cancelled while queued. */
    synchronized boolean begin() {
        if (cancelled) {
            return false;
        }
        thread = Thread.currentThread();
        interruptible = true;
        return true;
    }

    /** The job is about to store its call; false when it was cancelled first (then it stores nothing). */
    synchronized boolean enterStoring() {
        if (cancelled) {
            return false;
        }
        interruptible = false;
        storing = true;
        Thread.interrupted();
        return true;
    }

    /** Asks the job to stop; false when it is already storing its call (too late to cancel). */
    synchronized boolean cancel() {
        if (storing) {
            return false;
        }
        cancelled = true;
        if (interruptible && thread != null) {
            thread.interrupt();
        }
        return true;
    }

    /** Interrupts the job for shutdown if it is somewhere an interrupt is safe. */
    synchronized void interruptForShutdown() {
        if (interruptible && thread != null) {
            thread.interrupt();
        }
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    synchronized void end() {
        interruptible = false;
        thread = null;
        Thread.interrupted();
    }
}
