package locker.twin.server;

import javax.net.SocketFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A socket to Redis or PostgreSQL whose reads give the thread's turn back while they wait for the answer
 * ({@link CoreTurns}); a read whose bytes are there already keeps it.
 */
final class TurnReleasingSocket extends Socket {
    private InputStream in;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            InputStream raw = super.getInputStream();
            in = new FilterInputStream(raw) {
                @Override
                public int read() throws IOException {
                    return raw.available() > 0 ? raw.read() : CoreTurns.waiting(raw::read);
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return raw.available() > 0 ? raw.read(b, off, len) : CoreTurns.waiting(() -> raw.read(b, off, len));
                }
            };
        }
        return in;
    }

    /** The PostgreSQL driver's sockets (its {@code socketFactory} setting, which needs a public class). */
    public static final class Factory extends SocketFactory {
        @Override
        public Socket createSocket() {
            return new TurnReleasingSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port), null);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port), null);
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(localAddress, localPort));
        }

        private static Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
            Socket socket = new TurnReleasingSocket();
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        }
    }
}
