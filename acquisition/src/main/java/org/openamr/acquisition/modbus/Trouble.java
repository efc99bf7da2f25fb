package org.openamr.acquisition.modbus;

/**
 * What one attempt of a request gave instead of its answer, before the master decides whether to try
 * again and names the channel, the unit and the attempts in a {@link ModbusMasterException}.
 */
sealed interface Trouble {

    /** Worth another attempt: the line may do better next time. */
    boolean retryable();

    /** Nothing complete arrived in time. */
    record Silence() implements Trouble {
        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** An RTU frame whose CRC does not match. */
    record BadCrc(String frameHex, int received, int computed) implements Trouble {
        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** An exception answer. */
    record Refusal(int code) implements Trouble {
        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** An answer that does not answer the request. */
    record Strange(String what) implements Trouble {
        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The channel failed. */
    record Broken(String what, Throwable cause) implements Trouble {
        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** Carries a {@link Trouble} out of one attempt. */
    final class Raised extends Exception {

        final transient Trouble trouble;

        Raised(Trouble trouble) {
            super(trouble.toString(), null, false, false);
            this.trouble = trouble;
        }
    }
}
