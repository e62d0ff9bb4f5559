package dev.berth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs numbered operations on a fixed number of client threads, each taking the next number until none are left.
 * The first failure stops every client and is rethrown.
 */
final class Parallel {
    private Parallel() {}

    /** Runs {@code operation(0..count-1)} on {@code clients} threads and returns when all are done. */
    static void run(int clients, int count, IntConsumer operation) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>(clients);
        for (int c = 0; c < clients; c++) {
            threads.add(
                    Thread.ofPlatform().name("bench-client-" + c).start(() -> work(next, count, operation, failure)));
        }
        for (Thread thread : threads) {
            joinUninterruptibly(thread);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void work(
            AtomicInteger next, int count, IntConsumer operation, AtomicReference<RuntimeException> failure) {
        int i;
        while (failure.get() == null && (i = next.getAndIncrement()) < count) {
            try {
                operation.accept(i);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
