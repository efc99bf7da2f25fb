package org.openamr.acquisition.modbus;

import com.digitalpetri.modbus.client.ModbusClientTransport;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A client transport that passes everything on to another and shows its subclasses every frame sent
 * and received, before the client sees the answer.
 */
abstract class DelegatingTransport<T> implements ModbusClientTransport<T> {

    private final ModbusClientTransport<T> inner;

    DelegatingTransport(ModbusClientTransport<T> inner) {
        this.inner = inner;
    }

    /** Called with each frame as it is handed to the channel. */
    abstract void sending(T frame);

    /** Called with each frame the channel delivers, before the client gets it. */
    abstract void received(T frame);

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
    public CompletionStage<Void> send(T frame) {
        sending(frame);
        return inner.send(frame);
    }

    @Override
    public void receive(Consumer<T> receiver) {
        inner.receive(frame -> {
            received(frame);
            receiver.accept(frame);
        });
    }
}
