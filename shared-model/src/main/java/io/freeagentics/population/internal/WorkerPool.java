package io.freeagentics.population.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A small fixed pool of named daemon threads owned by one population. {@link #run} executes task 0 on the caller's
 * thread and tasks 1..n-1 on the workers, and returns only when all have finished, so no worker touches agent state
 * after it returns. With one thread there are no workers.
 *
 * <p>Handing work over must be cheap, because a step of a thousand agents takes only a few hundred microseconds
 * while waking a parked thread can take tens of microseconds: after each task a worker spins for
 * {@link #SPIN} watching for the next one before it parks, and the caller spins as long for the workers to finish.
 * Hand-over protocol: the caller publishes the task, then bumps the volatile {@code generation}, then unparks every
 * worker that announced it is parking; a worker announces parking, then re-reads {@code generation} before it parks
 * (so either it sees the new generation or the caller sees it parking). Completion uses the same pattern with
 * {@code pending} and {@code waiter}.
 */
final class WorkerPool implements AutoCloseable {
  /** How long a worker (caller) spins for the next task (for the workers to finish) before parking. */
  static final long SPIN = TimeUnit.MICROSECONDS.toNanos(200);
  /** How long {@link #close()} waits for the workers to exit. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final int threads;
  private final Worker[] workers;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile int generation;
  private volatile IntConsumer task;
  private volatile int taskCount;
  private volatile Thread waiter;
  private volatile boolean closed;

  WorkerPool(int threads) {
    this.threads = threads;
    this.workers = new Worker[threads - 1];
    int pool = POOLS.incrementAndGet();
    for (int i = 0; i < workers.length; i++) {
      workers[i] = new Worker(i + 1);
      Thread thread = new Thread(workers[i], "fa-population-" + pool + "-worker-" + (i + 1));
      thread.setDaemon(true);
      workers[i].thread = thread;
      thread.start();
    }
  }

  int threads() {
    return threads;
  }

  /** Runs {@code task.accept(i)} for i in [0, tasks), tasks at most {@link #threads()}, and waits for all. */
  void run(int tasks, IntConsumer work) {
    if (tasks > threads) {
      throw new IllegalArgumentException("tasks " + tasks + " exceed the pool's " + threads + " threads");
    }
    if (closed) {
      throw new IllegalStateException("worker pool is closed");
    }
    if (tasks == 1) {
      work.accept(0);
      return;
    }
    task = work;
    taskCount = tasks;
    failure.set(null);
    pending.set(tasks - 1);
    generation++;
    for (int i = 0; i < tasks - 1; i++) {
      if (workers[i].parking) {
        LockSupport.unpark(workers[i].thread);
      }
    }
    try {
      work.accept(0);
    } catch (RuntimeException | Error e) {
      record(e);
    }
    awaitWorkers();
    task = null;
    Throwable problem = failure.getAndSet(null);
    if (problem instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (problem instanceof Error error) {
      throw error;
    }
    if (problem != null) {
      throw new IllegalStateException("population worker failed", problem);
    }
  }

  private void awaitWorkers() {
    long spinUntil = System.nanoTime() + SPIN;
    while (pending.get() > 0 && System.nanoTime() < spinUntil) {
      Thread.onSpinWait();
    }
    if (pending.get() == 0) {
      return;
    }
    waiter = Thread.currentThread();
    while (pending.get() > 0) {
      LockSupport.park(this);
    }
    waiter = null;
  }

  private void record(Throwable problem) {
    if (!failure.compareAndSet(null, problem)) {
      failure.get().addSuppressed(problem);
    }
  }

  /** Stops the workers and waits (up to {@link #CLOSE_WAIT}) until they have exited. */
  @Override
  public void close() {
    closed = true;
    for (Worker worker : workers) {
      LockSupport.unpark(worker.thread);
    }
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    boolean interrupted = false;
    for (Worker worker : workers) {
      while (worker.thread.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("population worker threads did not stop within " + CLOSE_WAIT);
        }
        try {
          worker.thread.join(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          interrupted = true; // keep waiting: the workers stop promptly once they see closed
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** One worker thread: runs task {@code index} of every run that has that many tasks. */
  private final class Worker implements Runnable {
    private final int index;
    private Thread thread;
    private volatile boolean parking;

    Worker(int index) {
      this.index = index;
    }

    @Override
    public void run() {
      int seen = 0;
      while (true) {
        int current = awaitGeneration(seen);
        if (closed) {
          return;
        }
        seen = current;
        if (index < taskCount) {
          try {
            task.accept(index);
          } catch (RuntimeException | Error e) {
            record(e);
          }
          if (pending.decrementAndGet() == 0) {
            Thread caller = waiter;
            if (caller != null) {
              LockSupport.unpark(caller);
            }
          }
        }
      }
    }

    /** Waits until the generation differs from {@code seen} or the pool closes; returns the generation. */
    private int awaitGeneration(int seen) {
      long spinUntil = System.nanoTime() + SPIN;
      while (generation == seen && !closed && System.nanoTime() < spinUntil) {
        Thread.onSpinWait();
      }
      while (generation == seen && !closed) {
        parking = true;
        if (generation == seen && !closed) {
          LockSupport.park(this);
        }
        parking = false;
      }
      return generation;
    }
  }
}
