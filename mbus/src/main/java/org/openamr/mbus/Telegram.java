package org.openamr.mbus;

import org.openamr.mbus.app.ApplicationMessage;
import org.openamr.mbus.link.Frame;

/**
 * A decoded telegram: the link-layer frame and, for frames that carry a CI field, the
 * application-layer message.
 *
 * @param message null for an acknowledgement or a short frame
 */
public record Telegram(Frame frame, ApplicationMessage message) {
}
