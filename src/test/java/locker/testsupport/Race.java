package locker.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs contestants on threads of their own, all released at the same moment once every one is ready. */
public final class Race {
    private Race() {}

    /** The contestants' results, in the contestants' order. */
    public static <T> List<T> run(List<Callable<T>> contestants) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(contestants.size());
        CountDownLatch ready = new CountDownLatch(contestants.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> contestant : contestants) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return contestant.call();
                }));
            }
            ready.await();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("a contestant did not finish", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
