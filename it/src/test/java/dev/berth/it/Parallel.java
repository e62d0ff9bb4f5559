package dev.berth.it;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Runs a check over many items on a few threads, failing with the first item's failure. */
final class Parallel {
    private static final int THREADS = 8;

    private Parallel() {}

    static <T> void forEach(Collection<T> items, Consumer<T> check) throws InterruptedException {
        try (ExecutorService executor = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(executor.submit(() -> check.accept(item)));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    executor.shutdownNow();
                    if (e.getCause() instanceof AssertionError failure) {
                        throw failure;
                    }
                    throw new AssertionError(e.getCause());
                }
            }
        }
    }
}
