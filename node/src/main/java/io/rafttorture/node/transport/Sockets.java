package io.rafttorture.node.transport;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The sockets a component has open, so closing the component closes them all and unblocks their threads. */
final class Sockets {
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();

    void add(Closeable c) {
        open.add(c);
    }

    void remove(Closeable c) {
        open.remove(c);
        quietlyClose(c);
    }

    void closeAll() {
        for (Closeable c : open) remove(c);
    }

    static void quietlyClose(Closeable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a broken socket may fail; it is closed as far as we are concerned
        }
    }
}
