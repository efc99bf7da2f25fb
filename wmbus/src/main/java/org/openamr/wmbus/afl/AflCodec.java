package org.openamr.wmbus.afl;

import java.util.Arrays;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.MalformedDataException;
import org.openamr.mbus.TruncatedException;
import org.openamr.mbus.UnsupportedException;

/** Reads the authentication and fragmentation layer; the MAC is checked by the security mode that uses it. */
public final class AflCodec {

    private AflCodec() {
    }

    /** The AFL and the offset of the first byte after it. */
    public record Result(AuthenticationLayer afl, int next) {
    }

    /** Decodes the AFL whose CI field 0x90 is at {@code f[pos]}. */
    public static Result decode(byte[] f, int pos) throws DecodeException {
        if (f.length - pos < 4) {
            throw new TruncatedException("the telegram ends inside the AFL header (CI 90, AFL.L, FCL)", f.length);
        }
        int len = f[pos + 1] & 0xFF;
        int end = pos + 2 + len;
        if (end > f.length) {
            throw new TruncatedException("AFL.L says " + len + " bytes, " + (f.length - pos - 2) + " follow", f.length);
        }
        int p = pos + 2;
        int fcl = need(f, p, 2, end, "FCL");
        p += 2;
        int mcl = -1;
        if ((fcl & 0x2000) != 0) {
            mcl = need(f, p, 1, end, "MCL");
            p++;
        }
        int ki = -1;
        if ((fcl & 0x0200) != 0) {
            ki = need(f, p, 2, end, "KI");
            p += 2;
        }
        long mcr = -1;
        if ((fcl & 0x0800) != 0) {
            mcr = need(f, p, 4, end, "MCR") & 0xFFFFFFFFL;
            p += 4;
        }
        byte[] mac = new byte[0];
        if ((fcl & 0x0400) != 0) {
            int type = mcl < 0 ? 0 : mcl & 0x0F;
            int n = AuthenticationLayer.macLength(type);
            if (n <= 0) {
                throw new MalformedDataException("AFL announces a MAC but its authentication type %d has none"
                        .formatted(type), pos + 4);
            }
            if (p + n > end) {
                throw new TruncatedException("AFL.L ends inside the " + n + "-byte MAC", end);
            }
            mac = Arrays.copyOfRange(f, p, p + n);
            p += n;
        }
        int ml = -1;
        if ((fcl & 0x1000) != 0) {
            ml = need(f, p, 2, end, "ML");
            p += 2;
        }
        AuthenticationLayer afl = new AuthenticationLayer(fcl, mcl, ki, mcr, mac, ml);
        if (afl.moreFragments() || afl.fragmentId() > 1) {
            throw new UnsupportedException(("AFL fragment %d%s of a fragmented message: reassembling messages over "
                    + "several telegrams is not implemented").formatted(afl.fragmentId(),
                    afl.moreFragments() ? " (more follow)" : ""), pos + 2);
        }
        return new Result(afl, end);
    }

    private static int need(byte[] f, int p, int n, int end, String field) throws TruncatedException {
        if (p + n > end) {
            throw new TruncatedException("AFL.L ends before the " + field + " field that FCL announces", end);
        }
        int v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (f[p + i] & 0xFF);
        }
        return v;
    }
}
