package locker.twin.server;

import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A connection served by one thread ({@link ConnectionThreads}). Jetty's reads never block: a read with nothing to
 * give returns 0 and the connection registers its interest in more. Here the connection's thread answers that
 * interest itself, in a blocking read, and runs the connection as soon as bytes arrive. A request reading its body
 * runs on that same thread, so it waits for the body where it asks for it.
 */
final class ThreadEndPoint extends AbstractEndPoint {
    private final SocketChannel channel;
    /** The socket's stream, asked only how many bytes a read gets without blocking. */
    private final InputStream available;
    /** The thread takes a turn to run the connection and gives it back while it waits ({@link CoreTurns}). */
    private final CoreTurns turns;
    private final Consumer<EndPoint> onClosed;
    /** What the thread's blocking read brought, handed to Jetty at its next read. */
    private final ByteBuffer waitedFor = BufferUtil.allocate(ReferenceServer.FASTHTTP_READ_BUFFER);
    private final Object lock = new Object();
    /** The connection asked for its next request ({@link #awaitRequest}); its interest goes to {@link #serve}. */
    private boolean requestAwaited;
    /** {@link #serve} is to wait for bytes and run the connection. */
    private boolean connectionInterested;
    private boolean endOfInput;
    /** A request waits for the rest of its body in {@link #needsFillInterest}. */
    private volatile boolean waitingInsideRequest;

    ThreadEndPoint(SocketChannel channel, Scheduler scheduler, CoreTurns turns, Consumer<EndPoint> onClosed)
            throws IOException {
        super(scheduler);
        this.channel = channel;
        this.turns = turns;
        this.available = channel.socket().getInputStream();
        this.onClosed = onClosed;
    }

    /** The connection waits for its next request: the connection's thread is to wait for it, not the caller. */
    void awaitRequest() {
        synchronized (lock) {
            requestAwaited = true;
        }
    }

    /** Runs the connection on this thread until it closes. */
    void serve() {
        try {
            while (true) {
                CoreTurns.giveBack();
                synchronized (lock) {
                    while (!connectionInterested && isOpen()) {
                        lock.wait();
                    }
                    if (!isOpen()) {
                        return;
                    }
                }
                waitForBytes();
                turns.take();
                synchronized (lock) {
                    connectionInterested = false;
                }
                getFillInterest().fillable();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            CoreTurns.giveBack();
            close();
        }
    }

    @Override
    protected void needsFillInterest() {
        synchronized (lock) {
            if (requestAwaited) {
                requestAwaited = false;
                connectionInterested = true;
                lock.notifyAll();
                return;
            }
        }
        waitingInsideRequest = true;
        try {
            CoreTurns.waitingFor(this::waitForBytes);
        } finally {
            waitingInsideRequest = false;
        }
        getFillInterest().fillable();
    }

    /** Blocks until bytes or the end of the input arrive, unless some are here already. */
    private void waitForBytes() {
        if (waitedFor.hasRemaining() || endOfInput) {
            return;
        }
        endOfInput = read(waitedFor) < 0;
    }

    @Override
    public int fill(ByteBuffer buffer) throws IOException {
        if (waitedFor.hasRemaining()) {
            return BufferUtil.append(buffer, waitedFor);
        }
        if (isInputShutdown()) {
            return -1;
        }
        if (endOfInput) {
            shutdownInput();
            return -1;
        }
        int ready;
        try {
            ready = available.available();
        } catch (IOException e) {
            shutdownInput();
            return -1;
        }
        if (ready == 0) {
            return 0;
        }
        int filled = read(buffer);
        if (filled < 0) {
            shutdownInput();
        }
        return filled;
    }

    /** Appends what one read of the socket gets to {@code buffer}; -1 at the end of the input or when it fails. */
    private int read(ByteBuffer buffer) {
        int position = BufferUtil.flipToFill(buffer);
        try {
            int read = channel.read(buffer);
            if (read > 0) {
                notIdle();
            }
            return read;
        } catch (IOException e) {
            return -1;
        } finally {
            BufferUtil.flipToFlush(buffer, position);
        }
    }

    @Override
    public boolean flush(ByteBuffer... buffers) throws IOException {
        try {
            for (ByteBuffer buffer : buffers) {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (IOException e) {
            throw new EofException(e);
        }
        notIdle();
        return true;
    }

    /** Never called: {@link #flush} writes everything before it returns. */
    @Override
    protected void onIncompleteFlush() {
        throw new IllegalStateException("a blocking flush is never incomplete");
    }

    @Override
    protected void onIdleExpired(TimeoutException timeout) {
        super.onIdleExpired(timeout);
        if (waitingInsideRequest) {
            // a request waits for the rest of its body in a read that only closing ends
            close(timeout);
        }
    }

    @Override
    protected void doShutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            close(e);
        }
    }

    @Override
    protected void doClose() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closed either way
        }
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    @Override
    public void onClose(Throwable failure) {
        super.onClose(failure);
        onClosed.accept(this);
        Connection connection = getConnection();
        if (connection != null) {
            connection.onClose(failure);
        }
    }

    @Override
    public Object getTransport() {
        return channel;
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return channel.socket().getLocalSocketAddress();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return channel.socket().getRemoteSocketAddress();
    }
}
