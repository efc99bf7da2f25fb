package org.openamr.acquisition.modbus;

import com.digitalpetri.modbus.ModbusTcpFrame;
import com.digitalpetri.modbus.client.ModbusTcpClientTransport;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Modbus TCP transport that remembers the answer to the request last sent, and counts the bytes
 * that arrived against those of the frames made of them.
 *
 * <p>digitalpetri matches answers to requests by transaction id and does not compare the unit id; the
 * remembered answer lets the master refuse one from another unit. The counts show a frame cut short:
 * its bytes stay in the decoder and would be taken as the start of the next answer, so the connection
 * is opened anew instead ({@link #holdsPartialFrame()}).
 */
final class WatchedTcpTransport extends DelegatingTransport<ModbusTcpFrame> implements ModbusTcpClientTransport {

    /** MBAP header bytes before the length field's count starts: transaction id, protocol id, length. */
    private static final int MBAP_BEFORE_LENGTH = 6;

    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong frameBytesIn = new AtomicLong();
    private volatile int sentTransaction = -1;
    private volatile ModbusTcpFrame answer;

    WatchedTcpTransport(ModbusTcpClientTransport inner) {
        super(inner);
    }

    /** A handler for the front of the channel's pipeline that counts what arrives. */
    ChannelHandler byteCounter() {
        return new Counter();
    }

    /** Bytes of a frame have arrived whose end has not. */
    boolean holdsPartialFrame() {
        return bytesIn.get() > frameBytesIn.get();
    }

    /** The answer carrying the transaction id of the last request sent, or null. */
    ModbusTcpFrame answer() {
        return answer;
    }

    @Override
    public CompletionStage<Void> connect() {
        bytesIn.set(0);
        frameBytesIn.set(0);
        return super.connect();
    }

    @Override
    void sending(ModbusTcpFrame frame) {
        answer = null;
        sentTransaction = frame.header().transactionId();
    }

    @Override
    void received(ModbusTcpFrame frame) {
        frameBytesIn.addAndGet(MBAP_BEFORE_LENGTH + frame.header().length());
        if (frame.header().transactionId() == sentTransaction) {
            answer = frame;
        }
    }

    @ChannelHandler.Sharable
    private final class Counter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf b) {
                bytesIn.addAndGet(b.readableBytes());
            }
            ctx.fireChannelRead(msg);
        }
    }
}
