package org.openamr.acquisition.modbus;

import com.digitalpetri.modbus.ModbusRtuFrame;
import com.digitalpetri.modbus.client.ModbusRtuClientTransport;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * An RTU transport that remembers the last frame it received. digitalpetri's RTU client refuses an
 * answer from another unit id or to another function with a plain exception whose only detail is its
 * text; the frame itself tells the master which of the two it was, without reading that text.
 */
final class WatchedRtuTransport implements ModbusRtuClientTransport {

    private final ModbusRtuClientTransport inner;
    private volatile ModbusRtuFrame lastReceived;

    WatchedRtuTransport(ModbusRtuClientTransport inner) {
        this.inner = inner;
    }

    /** Forgets the last frame, before a request is sent. */
    void clear() {
        lastReceived = null;
    }

    /** The frame received since the last {@link #clear()}, or null. */
    ModbusRtuFrame lastReceived() {
        return lastReceived;
    }

    @Override
    public CompletionStage<Void> connect() {
        return inner.connect();
    }

    @Override
    public CompletionStage<Void> disconnect() {
        return inner.disconnect();
    }

    @Override
    public boolean isConnected() {
        return inner.isConnected();
    }

    @Override
    public CompletionStage<Void> send(ModbusRtuFrame frame) {
        return inner.send(frame);
    }

    @Override
    public void receive(Consumer<ModbusRtuFrame> receiver) {
        inner.receive(frame -> {
            lastReceived = frame;
            receiver.accept(frame);
        });
    }

    @Override
    public void resetFrameParser() {
        inner.resetFrameParser();
    }
}
