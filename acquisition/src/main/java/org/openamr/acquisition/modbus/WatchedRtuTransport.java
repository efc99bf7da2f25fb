package org.openamr.acquisition.modbus;

import com.digitalpetri.modbus.ModbusRtuFrame;
import com.digitalpetri.modbus.client.ModbusRtuClientTransport;

/**
 * An RTU transport that remembers the last frame it received. digitalpetri's RTU client refuses an
 * answer from another unit id or to another function with a plain exception whose only detail is its
 * text; the frame itself tells the master which of the two it was, without reading that text.
 */
final class WatchedRtuTransport extends DelegatingTransport<ModbusRtuFrame> implements ModbusRtuClientTransport {

    private final ModbusRtuClientTransport inner;
    private volatile ModbusRtuFrame lastReceived;

    WatchedRtuTransport(ModbusRtuClientTransport inner) {
        super(inner);
        this.inner = inner;
    }

    /** The frame received since the last request was sent, or null. */
    ModbusRtuFrame lastReceived() {
        return lastReceived;
    }

    @Override
    void sending(ModbusRtuFrame frame) {
        lastReceived = null;
    }

    @Override
    void received(ModbusRtuFrame frame) {
        lastReceived = frame;
    }

    @Override
    public void resetFrameParser() {
        inner.resetFrameParser();
    }
}
