package org.openamr.wmbus.receiver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Feeds a deframer in pieces of a given size and collects what it returns, as a reading loop does. */
final class Frames {

    private Frames() {
    }

    static <T> List<Deframed<T>> fed(Deframer<T> d, byte[] bytes, int piece) {
        List<Deframed<T>> out = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += piece) {
            d.feed(bytes, from, Math.min(piece, bytes.length - from));
            for (Optional<Deframed<T>> n = d.next(); n.isPresent(); n = d.next()) {
                out.add(n.get());
            }
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, pos, p.length);
            pos += p.length;
        }
        return all;
    }
}
